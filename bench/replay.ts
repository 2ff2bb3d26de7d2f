import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const child = new URL('./replay-child.ts', import.meta.url).pathname;

/** Peak heap of one replay of `count` generated messages, in a process of its own so that runs do not share a heap. */
async function peakHeap(count: number): Promise<{ peakHeapBytes: number; liveHeapBytes: number; cases: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', child, String(count)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as { peakHeapBytes: number; liveHeapBytes: number; cases: number };
}

/**
 * `replayMemoryRatio`: peak heap replaying 10,000 generated messages ÷ replaying 1,000 (goal
 * ≤ 1.5): replay keeps what it reports of each email, never its body or attachments, and reads
 * each message from its file when it needs it. The peak counts garbage V8 has not collected yet,
 * up to about four times what survived its last full collection; `replayLiveHeapRatio` compares
 * the largest heap that survived one (and the heap at the end, the result in hand): what each run
 * holds.
 */
export async function benchReplayMemory(): Promise<Record<string, number | string>> {
  const small = await peakHeap(1_000);
  const large = await peakHeap(10_000);
  return {
    bench: 'replay',
    replayPeakHeapMb1k: Math.round(small.peakHeapBytes / 1e6),
    replayPeakHeapMb10k: Math.round(large.peakHeapBytes / 1e6),
    replayMemoryRatio: Math.round((large.peakHeapBytes / small.peakHeapBytes) * 100) / 100,
    replayLiveHeapMb1k: Math.round(small.liveHeapBytes / 1e6),
    replayLiveHeapMb10k: Math.round(large.liveHeapBytes / 1e6),
    replayLiveHeapRatio: Math.round((large.liveHeapBytes / small.liveHeapBytes) * 100) / 100,
    replayCases10k: large.cases,
  };
}
