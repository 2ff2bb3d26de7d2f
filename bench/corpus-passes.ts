import { ingest, type IngestDependencies } from '../lib/ingest.js';
import { MAILBOX } from './deployment.js';
import { recordingStore, renamedCalls, type StoreCall } from './store-replay.js';

/**
 * Each pass over the corpus is a new set of threads: its Message-IDs and the In-Reply-To and
 * References that point at them get the pass's prefix. Replaying the same threads again and
 * again would pile hundreds of messages onto a few cases, which real cases never reach.
 */
export function threadsOfPass(raw: Buffer, pass: number): Buffer {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const head = text
    .slice(0, end)
    .replace(/^(Message-ID|In-Reply-To|References):[^\n]*(\n[ \t][^\n]*)*/gim, (header) => header.replace(/</g, `<p${pass}-`));
  return Buffer.from(head + text.slice(end), 'latin1');
}

/** Replays count their cases in years of their own, far from ingest's, so that their references are as long as ingest's. */
const REPLAY_YEAR = 3000;

/**
 * The names the recorded pass wrote under, made new for replay `k`: its Message-IDs (the pass's
 * prefix), the references of the cases it opened (their year) and its review tokens.
 */
function renamingOf(recorded: readonly StoreCall[][], pass: number, k: number, year: number): (text: string) => string {
  const calls = recorded.flat();
  const argOf = (method: StoreCall['method']) => calls.filter((c) => c.method === method).map((c) => c.args[0] as Record<string, unknown>);
  const names = new Map<string, string>([[`<p${pass}-`, `<r${k}-`]]);
  for (const opened of argOf('createCase')) names.set(String(opened.ref), String(opened.ref).replace(/-\d{4}-(\d+)$/, `-${year}-$1`));
  for (const review of argOf('openReview'))
    names.set(String(review.token), k.toString(16).padStart(6, '0') + String(review.token).slice(6));
  const pattern = new RegExp([...names.keys()].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return (text) => text.replace(pattern, (name) => names.get(name) ?? name);
}

/** Ingests a pass and keeps, for each of its messages, the calls it made on the store. */
export async function storeCallsOfPass(raws: readonly Buffer[], deps: IngestDependencies): Promise<StoreCall[][]> {
  const recorder = recordingStore(deps.store);
  const recorded: StoreCall[][] = [];
  for (const raw of raws) {
    await ingest({ raw, recipients: [MAILBOX] }, { ...deps, store: recorder.store });
    recorded.push(recorder.take());
  }
  return recorded;
}

/** `count` copies of a recorded pass's calls, each under names of its own, ready to be made again on the same store. */
export function replaysOf(recorded: readonly StoreCall[][], pass: number, count: number): StoreCall[][][] {
  return Array.from({ length: count }, (_, k) => {
    const year = REPLAY_YEAR + k;
    const rename = renamingOf(recorded, pass, k, year);
    return recorded.map((calls) => renamedCalls(calls, rename, year));
  });
}
