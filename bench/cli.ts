import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { median } from './measure.js';

const exec = promisify(execFile);
const root = new URL('../', import.meta.url).pathname;

/** Loaded first into the measured process: prints the CPU milliseconds it used, as it exits. */
const REPORT_CPU = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('cpu '+(u.user+u.system)/1000)})`;

/**
 * How long `escalations policies` takes to answer, as `npm run escalations` runs it (node and the
 * bundled CLI, without npm's own start): a fresh process each time, median of 10, after one run
 * that builds dist/ if a source changed. Wall time, and the process's CPU time, which a shared
 * machine does not inflate. Goal: under 500 ms.
 */
export async function benchCli(): Promise<Record<string, unknown>> {
  const run = () => exec(process.execPath, ['--import', REPORT_CPU, 'bin/escalations.mjs', 'policies'], { cwd: root });
  await run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    const { stderr } = await run();
    wall.push(performance.now() - start);
    cpu.push(Number(/cpu ([\d.]+)/.exec(stderr)?.[1]));
  }
  return {
    bench: 'cli',
    policiesStartMs: Math.round(median(wall)),
    policiesStartCpuMs: Math.round(median(cpu)),
    policiesStartMsGoal: 500,
  };
}
