export type Task = () => Promise<unknown>;

/** CPU milliseconds this process has used: unlike wall time, not inflated when the VM is descheduled. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export interface Throughput {
  /** Median operations per CPU second of each task. */
  rates: Record<string, number>;
  /** Per round, each task's rate: for ratios between tasks measured side by side. */
  rounds: Record<string, number>[];
}

/** Operations per CPU second of each task, measured in interleaved rounds so that drift hits all alike. */
export async function throughput(tasks: Record<string, Task>, options = { warmup: 500, rounds: 15, roundMs: 500 }): Promise<Throughput> {
  for (const task of Object.values(tasks)) for (let i = 0; i < options.warmup; i++) await task();
  const rounds: Record<string, number>[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const rates: Record<string, number> = {};
    for (const [name, task] of Object.entries(tasks)) {
      let done = 0;
      const start = cpuMs();
      while (cpuMs() - start < options.roundMs) {
        await task();
        done++;
      }
      rates[name] = (done * 1000) / (cpuMs() - start);
    }
    rounds.push(rates);
  }
  const names = Object.keys(tasks);
  return { rates: Object.fromEntries(names.map((name) => [name, median(rounds.map((r) => r[name] ?? 0))])), rounds };
}

/** The median over rounds of one task's rate divided by another's, measured in the same round. */
export function pairedRatio(result: Throughput, numerator: string, denominator: string): number {
  return median(result.rounds.map((round) => (round[numerator] ?? 0) / (round[denominator] ?? 1)));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
