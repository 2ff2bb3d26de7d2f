import type { CaseStore } from '../lib/ports.js';

/** One call ingest made on its store, and what came of it (to check that a replay goes the same way). */
export interface StoreCall {
  method: keyof CaseStore;
  args: unknown[];
  outcome: string;
}

/** The store's half of a bench: each message's calls, made again through the same adapter, with nothing else. */
export class StoreReplayError extends Error {
  override readonly name = 'StoreReplayError';
}

/**
 * A store that keeps every call made on it, with its outcome, until taken: wrapped around the
 * store ingest uses, it yields a message's store calls.
 */
export function recordingStore(store: CaseStore): { store: CaseStore; take(): StoreCall[] } {
  let calls: StoreCall[] = [];
  const recording = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const call: StoreCall = { method: property as keyof CaseStore, args, outcome: '' };
        calls.push(call);
        try {
          const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          call.outcome = outcomeOf(call.method, result);
          return result;
        } catch (error) {
          call.outcome = `throws ${error instanceof Error ? error.name : String(error)}`;
          throw error;
        }
      };
    },
  });
  return {
    store: recording,
    take: () => {
      const taken = calls;
      calls = [];
      return taken;
    },
  };
}

/**
 * The same calls under new names, so that they can be made again on the same store and meet the
 * same state the first ones met (no case, thread, record or review of theirs written yet):
 * `rename` maps every string (values and keys, within cases too); `year` is the counter's year.
 * Values that are not plain data (instants) are kept as they are.
 */
export function renamedCalls(calls: readonly StoreCall[], rename: (text: string) => string, year: number): StoreCall[] {
  return calls.map((call) => {
    const args = call.args.map((arg) => renamed(arg, rename));
    // The reference counter is the one shared item a pass writes: each replay counts in a year of its own.
    if (call.method === 'nextNumber') args[1] = year;
    return { ...call, args };
  });
}

/** Makes the calls in order and checks each comes out as it did for ingest: a replay that went differently measured something else. */
export async function replay(store: CaseStore, calls: readonly StoreCall[]): Promise<void> {
  for (const call of calls) {
    let outcome: string;
    try {
      outcome = outcomeOf(call.method, await (store[call.method] as (...a: unknown[]) => Promise<unknown>).apply(store, call.args));
    } catch (error) {
      outcome = `throws ${error instanceof Error ? error.name : String(error)}`;
    }
    if (outcome !== call.outcome)
      throw new StoreReplayError(`replayed ${call.method} came out as ${outcome}, not ${call.outcome} as it did in ingest`);
  }
}

function renamed(value: unknown, rename: (text: string) => string): unknown {
  if (typeof value === 'string') return rename(value);
  if (Array.isArray(value)) return value.map((item: unknown) => renamed(item, rename));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [rename(key), renamed(item, rename)]));
  return value;
}

/** What a call came to, in enough detail to tell a replay that met other state. */
function outcomeOf(method: keyof CaseStore, result: unknown): string {
  if (method === 'lookup') {
    const found = result as { message: unknown; cases: Map<string, unknown>; threads: Map<string, unknown> };
    return `message ${found.message ? 'found' : 'none'}, ${found.cases.size} cases, ${found.threads.size} threads`;
  }
  if (method === 'getCase' || method === 'claimCaseSend') {
    const found = result as { version?: number; claim?: string; current?: { version: number } } | null;
    return found === null ? 'none' : `version ${found.version ?? found.current?.version ?? '?'}${found.claim ? ` ${found.claim}` : ''}`;
  }
  if (typeof result === 'boolean' || typeof result === 'string') return String(result);
  return 'done';
}
