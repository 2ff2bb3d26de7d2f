import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { Metafile } from 'esbuild';
import { bundleFunction, handlerEntry } from '../infra/bundle-function.js';
import { median } from './measure.js';

const exec = promisify(execFile);
const root = new URL('../', import.meta.url).pathname;
const FUNCTIONS = ['ingest', 'remind', 'report'] as const;

/** What each function needs at cold start; nothing in it is reached over the network while loading. */
const ENV = {
  AWS_REGION: 'eu-west-2',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  // Set by Lambda: the remind function names its own schedules' target by it.
  AWS_LAMBDA_FUNCTION_NAME: 'Remind',
  CASE_TABLE: 'cases',
  MAIL_BUCKET: 'mail',
  MAIL_PREFIX: 'incoming/',
  SCHEDULE_GROUP: 'reminders',
  REMIND_FUNCTION_ARN: 'arn:aws:lambda:eu-west-2:123456789012:function:Remind',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/Invoke',
  REMINDER_DLQ_ARN: 'arn:aws:sqs:eu-west-2:123456789012:dlq',
  REMINDER_MAX_RETRIES: '4',
  REMINDER_MAX_EVENT_AGE_SECONDS: '3600',
  // As the stack bundles it: deployment.json beside the handler, read at cold start.
  DEPLOYMENT_FILE: 'deployment.json',
};

const DEPLOYMENT = JSON.stringify({
  mailboxes: [
    {
      address: 'partnership@swindon.example',
      policy: 'swindon',
      partnershipAddresses: ['partnership@swindon.example'],
      monitoringAddress: 'partnership@swindon.example',
    },
  ],
  fromAddress: 'escalations@partnership.example',
  loopId: 'escalations@partnership.example',
});

/**
 * Each Lambda bundled as the stack bundles it (bin/bundle-function.mjs: esbuild, ESM, minified, the
 * AWS SDK included, what a message rarely needs in chunks and files loaded on first use), the bytes
 * of code a cold start loads (index.mjs and the chunks it imports), and its cold initialisation: the
 * CPU time of a fresh Node process importing it, median of 10. Goals: under 1 MB, under 150 ms;
 * ingest at most 1.5 × remind (`coldInitRatio`). `sourceMapsColdInitRatio`: ingest with
 * `--enable-source-maps` ÷ without (the bundles link their source maps, as deployed).
 */
export async function benchBundles(): Promise<Record<string, unknown>> {
  // Inside the repository, so that nothing outside the bundle could resolve but node's own modules.
  const out = join(root, 'node_modules', '.cache', 'escalations-bench');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'deployment.json'), DEPLOYMENT);
  const bundleBytes: Record<string, number> = {};
  const files: Record<string, string> = {};
  for (const name of FUNCTIONS) {
    const dir = join(out, name);
    const metafile = await bundleFunction(handlerEntry(name), dir, { files: [join(out, 'deployment.json')] });
    bundleBytes[name] = loadedAtStart(metafile, join(dir, 'index.mjs'));
    files[name] = join(dir, 'index.mjs');
  }
  // Side by side: each round loads every bundle once, so that drift on a busy machine hits all alike.
  const samples: Record<string, number[]> = {};
  const variants = [
    ...FUNCTIONS.map((name) => ({ key: name, file: files[name] ?? '', flags: [] as string[] })),
    {
      key: 'ingestSourceMaps',
      file: files.ingest ?? '',
      flags: ['--enable-source-maps'],
    },
  ];
  for (let round = 0; round < 10; round++) {
    for (const { key, file, flags } of variants) (samples[key] ??= []).push(await coldInit(file, flags));
  }
  const coldInitMs = Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, Math.round(median(values))]));
  const paired = (a: string, b: string) => median((samples[a] ?? []).map((value, i) => value / (samples[b]?.[i] ?? 1)));
  return {
    bench: 'bundles',
    bundleBytes,
    coldInitMs,
    bundleBytesGoal: 1_048_576,
    coldInitMsGoal: 150,
    coldInitRatio: Number(paired('ingest', 'remind').toFixed(2)),
    coldInitRatioGoal: 1.5,
    sourceMapsColdInitRatio: Number(paired('ingestSourceMaps', 'ingest').toFixed(2)),
  };
}

/** CPU milliseconds a fresh Node process spends importing one bundle: CPU, not wall time, so that other work on the machine does not count. */
async function coldInit(file: string, flags: readonly string[]): Promise<number> {
  const cwd = dirname(file);
  const { stdout } = await exec(
    process.execPath,
    [
      '--no-warnings',
      ...flags,
      '--input-type=module',
      '-e',
      `const c = process.cpuUsage(); await import(${JSON.stringify(`file://${file}`)}); const u = process.cpuUsage(c); console.log((u.user + u.system) / 1000);`,
    ],
    { env: { ...process.env, ...ENV, LAMBDA_TASK_ROOT: cwd }, cwd },
  );
  return Number(stdout.trim());
}

/** Bytes of the entry and of every chunk it imports statically: what a cold start reads and compiles. */
function loadedAtStart(metafile: Metafile, entry: string): number {
  const seen = new Set<string>();
  const visit = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    for (const imported of metafile.outputs[output]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(relative(root, entry));
  return [...seen].reduce((sum, output) => sum + (metafile.outputs[output]?.bytes ?? 0), 0);
}
