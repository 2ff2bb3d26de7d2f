import { execFile } from 'node:child_process';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
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
 * Each Lambda bundled as the stack bundles it (esbuild, ESM, minified, the AWS SDK included),
 * its size, and its cold initialisation: the CPU time of a fresh Node process importing it, median
 * of 10. Goals: under 1 MB, under 150 ms; ingest at most 1.5 × remind (`coldInitRatio`).
 * `sourceMapsColdInitRatio`: ingest with `--enable-source-maps` ÷ without.
 */
export async function benchBundles(): Promise<Record<string, unknown>> {
  // Inside the repository, so that nothing outside the bundle could resolve but node's own modules.
  const out = join(root, 'node_modules', '.cache', 'escalations-bench');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'deployment.json'), DEPLOYMENT);
  const bundleBytes: Record<string, number> = {};
  const files: Record<string, string> = {};
  for (const name of FUNCTIONS) {
    const file = join(out, `${name}.mjs`);
    await build({
      entryPoints: [join(root, 'functions', `${name}.ts`)],
      outfile: file,
      bundle: true,
      minify: true,
      sourcemap: 'external',
      platform: 'node',
      target: 'node20',
      format: 'esm',
      mainFields: ['module', 'main'],
      // CommonJS dependencies call require(): give the ES module one.
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      logLevel: 'error',
    });
    bundleBytes[name] = (await stat(file)).size;
    files[name] = file;
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
    for (const { key, file, flags } of variants) (samples[key] ??= []).push(await coldInit(file, flags, out));
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
async function coldInit(file: string, flags: readonly string[], cwd: string): Promise<number> {
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
