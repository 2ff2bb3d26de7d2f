/** What a fault test throws: a timeout, a refusal or a killed process, between two steps. */
export class Crash extends Error {}

/** `target` with one method made to fail once, before or after it does its work; the same object otherwise, so its identity (a store's lease holder) is kept. */
export function failingOnce<T extends object>(target: T, method: string, when: 'before' | 'after'): T {
  const original = (target as Record<string, (...args: unknown[]) => Promise<unknown>>)[method]?.bind(target);
  if (!original) throw new Error(`no method ${method}`);
  let failed = false;
  const copy = Object.create(target) as T;
  (copy as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    if (failed) return original(...args);
    failed = true;
    if (when === 'after') await original(...args);
    throw new Crash(`${method} ${when}`);
  };
  return copy;
}

/** Each step of a use case failing before and after it does its work, as `dependency.method when`, less those named. */
export function faultsAt(steps: readonly string[], except: readonly string[] = []): string[] {
  return steps.flatMap((step) => [`${step} before`, `${step} after`]).filter((fault) => !except.includes(fault));
}

/** A fault as its dependency, method and when. */
export function faultOf(fault: string): { dependency: string; method: string; when: 'before' | 'after' } {
  const [step = '', when] = fault.split(' ');
  const [dependency = '', method = ''] = step.split('.');
  return { dependency, method, when: when === 'after' ? 'after' : 'before' };
}
