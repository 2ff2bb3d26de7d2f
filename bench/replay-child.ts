// One replay of N generated messages in a fresh process; prints its peak heap. Run by bench/replay.ts.
// `node replay-child.ts <count> held`: instead, the heap after a full collection forced every 1,000
// messages read and at the end (what the run holds, wherever V8 would have collected on its own).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import { replay } from '../lib/local/replay.js';
import { builtInPolicy } from '../lib/policy/registry.js';

const count = Number(process.argv[2] ?? '1000');
const held = process.argv[3] === 'held';
/** Messages read between two forced collections in a `held` run (replay reads each message twice, and a failed one once more). */
const HELD_EVERY = 1_000;
const corpusDir = new URL('../test/fixtures/mail/', import.meta.url).pathname;
const MAILBOX = 'safeguardingpartnership@swindon-ssp.example';

/** The labelled corpus again and again, each pass a new set of threads (its Message-IDs prefixed), written to files. */
async function generated(folder: string): Promise<string[]> {
  const corpus = await Promise.all(
    (await readdir(corpusDir))
      .filter((name) => name.endsWith('.eml'))
      .sort()
      .map((name) => readFile(join(corpusDir, name), 'latin1')),
  );
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    const text = corpus[n % corpus.length] ?? '';
    const pass = Math.floor(n / corpus.length);
    const end = text.search(/\r?\n\r?\n/);
    const head = text
      .slice(0, end)
      .replace(/^(Message-ID|In-Reply-To|References):[^\n]*(\n[ \t][^\n]*)*/gim, (header) => header.replace(/</g, `<p${pass}-`));
    const name = `${String(n).padStart(6, '0')}.eml`;
    await writeFile(join(folder, name), Buffer.from(head + text.slice(end), 'latin1'));
    names.push(name);
  }
  return names;
}

/** One generated message, read from its file when replay asks: a method, not a closure per message (the harness's own list should cost next to nothing). */
class GeneratedMessage {
  constructor(
    private readonly folder: string,
    readonly name: string,
  ) {}

  read(): Promise<Buffer> {
    if (held && ++reads % HELD_EVERY === 0) heldBytes = Math.max(heldBytes, heapAfterFullCollection());
    return readFile(join(this.folder, this.name));
  }
}

let reads = 0;
let heldBytes = 0;
function heapAfterFullCollection(): number {
  if (!global.gc) throw new Error('replay-child needs --expose-gc');
  global.gc();
  return getHeapStatistics().used_heap_size;
}

/** What survived each full collection the run made (and the last, forced at its end): the largest is what the run held at most. */
interface Collections {
  statistics: { gcType: string; afterGC: { heapStatistics: { usedHeapSize: number } } }[];
}

const folder = await mkdtemp(join(tmpdir(), 'replay-bench-'));
try {
  const messages = (await generated(folder)).map((name) => new GeneratedMessage(folder, name));
  global.gc?.();
  let peak = getHeapStatistics().used_heap_size;
  // The largest heap that survived a full collection: what the run holds, whatever V8 lets build up between collections.
  const collections = new GCProfiler();
  collections.start();
  const sample = setInterval(() => {
    peak = Math.max(peak, getHeapStatistics().used_heap_size);
  }, 5);
  const result = await replay({
    policy: builtInPolicy('swindon'),
    mailbox: MAILBOX,
    messages,
  });
  peak = Math.max(peak, getHeapStatistics().used_heap_size);
  clearInterval(sample);
  // And at the end, the run's result in hand (its document).
  if (held) heldBytes = Math.max(heldBytes, heapAfterFullCollection());
  else global.gc?.();
  const live = Math.max(
    ...(collections.stop() as Collections).statistics
      .filter((collection) => collection.gcType === 'MarkSweepCompact')
      .map((collection) => collection.afterGC.heapStatistics.usedHeapSize),
  );
  process.stdout.write(
    `${JSON.stringify({ count, peakHeapBytes: peak, liveHeapBytes: live, heldHeapBytes: heldBytes, cases: result.document.cases.length, sent: result.document.outbox.length })}\n`,
  );
} finally {
  await rm(folder, { recursive: true, force: true });
}
