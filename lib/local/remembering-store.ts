import type { CaseStore } from '../ports.js';

/** Reads the weekly picture makes, answered again from memory while nothing they cover was written. */
const REMEMBERED = new Set<keyof CaseStore>(['openCases', 'pendingReviews', 'corrections']);
/** Calls that write nothing those reads return: claims of sends, message records, lookups. */
const NEUTRAL = new Set<keyof CaseStore>([
  'lookup',
  'getCase',
  'getReview',
  'casesOpened',
  'nextNumber',
  'claimSending',
  'markSent',
  'releaseSending',
  'recordMessage',
  'recordCaseMessage',
]);

/**
 * A store for replay, whose virtual clock can run through years of Mondays with nothing new: the
 * weekly picture's reads are remembered until a case, review or correction is written. A replay
 * from 2014 to 2045 sends 1,600 digests; without this each read the store again (about 9 queries).
 */
export function rememberingStore(store: CaseStore): CaseStore {
  const answers = new Map<string, Promise<unknown>>();
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const name = property as keyof CaseStore;
      return (...args: unknown[]) => {
        if (REMEMBERED.has(name)) {
          const key = `${name}:${args.map(String).join('|')}`;
          let answer = answers.get(key);
          if (!answer) {
            answer = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            answers.set(key, answer);
            answer.catch(() => answers.delete(key));
          }
          return answer.then((list) => (Array.isArray(list) ? [...(list as unknown[])] : list));
        }
        if (!NEUTRAL.has(name)) answers.clear();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
