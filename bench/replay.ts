import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const child = new URL('./replay-child.ts', import.meta.url).pathname;

/** Peak heap of one replay of `count` generated messages, in a process of its own so that runs do not share a heap. */
async function peakHeap(count: number): Promise<{ peakHeapBytes: number; cases: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', child, String(count)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as { peakHeapBytes: number; cases: number };
}

/**
 * `replayMemoryRatio`: peak heap replaying 10,000 generated messages ÷ replaying 1,000 (goal
 * ≤ 1.5): replay keeps what it reports of each email, never its body or attachments, and reads
 * each message from its file when it needs it.
 */
export async function benchReplayMemory(): Promise<Record<string, number | string>> {
  const small = await peakHeap(1_000);
  const large = await peakHeap(10_000);
  return {
    bench: 'replay',
    replayPeakHeapMb1k: Math.round(small.peakHeapBytes / 1e6),
    replayPeakHeapMb10k: Math.round(large.peakHeapBytes / 1e6),
    replayMemoryRatio: Math.round((large.peakHeapBytes / small.peakHeapBytes) * 100) / 100,
    replayCases10k: large.cases,
  };
}
