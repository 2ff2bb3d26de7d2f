// The SDK here talks to the embedded store and mocks; its notice about future Node versions is for maintainers.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { benchBundles } from './bundles.js';
import { benchCli } from './cli.js';
import { benchHostile } from './hostile.js';
import { benchIngest, benchScheduler } from './ingest.js';
import { benchMail } from './mail.js';
import { benchReplayMemory } from './replay.js';
import { benchReport } from './report.js';
import { benchRequests } from './requests.js';

/** `npm run bench`: one JSON line per benchmark (comparable run to run), then a short table. */
const results: Record<string, unknown>[] = [
  await benchMail(),
  await benchHostile(),
  await benchIngest(),
  await benchScheduler(),
  await benchRequests(),
  await benchBundles(),
  await benchReport(),
  await benchReplayMemory(),
  await benchCli(),
];
for (const result of results) console.log(JSON.stringify(result));
console.log('');
const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
for (const { bench, ...figures } of results) {
  for (const [key, value] of Object.entries(figures)) console.log(`${shown(bench).padEnd(9)} ${key.padEnd(28)} ${shown(value)}`);
}
