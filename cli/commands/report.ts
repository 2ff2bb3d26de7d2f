import { join } from 'node:path';
import { DateTime } from 'luxon';
import * as z from 'zod';
import { documentClient } from '../../lib/aws/dynamo-clients.js';
import { DynamoCaseStore } from '../../lib/aws/dynamo-case-store.js';
import { startEmbeddedDynamo } from '../../lib/local/embedded-dynamo.js';
import { loadLocalConfig } from '../../lib/local/local-config.js';
import { buildReport, periodOfDates, renderReport, REPORT_FORMATS } from '../../lib/report/build.js';
import { parseCommandArgs } from '../args.js';
import type { Io } from '../io.js';

export const REPORT_USAGE = 'report --from <date> --to <date> [--format html|csv|json] [--config <file.json>] [--data <folder>]';

const isoDate = (which: string) =>
  z.iso.date({
    error: (issue) =>
      issue.input === undefined ? `required: the ${which} day of the period, such as 2026-11-01` : 'not an ISO date such as 2026-11-01',
  });

const ArgsSchema = z
  .object({
    from: isoDate('first'),
    to: isoDate('last'),
    format: z.enum(REPORT_FORMATS, { error: `one of ${REPORT_FORMATS.join(', ')}` }).default('html'),
    config: z.string().optional(),
    data: z.string().min(1).optional(),
    positionals: z.array(z.string()).max(0, { error: 'report takes no arguments besides its options' }),
  })
  .refine((args) => args.from <= args.to, { error: 'the period ends before it starts', path: ['to'] });

/** The monitoring report over the local store that `serve` keeps, on standard output. */
export async function reportCommand(argv: readonly string[], io: Io): Promise<void> {
  const args = parseCommandArgs(
    'report',
    argv,
    { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, config: { type: 'string' }, data: { type: 'string' } },
    ArgsSchema,
  );
  const { config, deployment } = await loadLocalConfig(args.config);
  const zone = deployment.mailboxes[0]?.policy.timezone ?? 'Europe/London';
  const dynamo = await startEmbeddedDynamo({ path: join(args.data ?? config.dataDir, 'db'), mustExist: true });
  try {
    const store = new DynamoCaseStore(documentClient(dynamo.client), dynamo.table);
    const report = await buildReport(store, deployment, periodOfDates(args.from, args.to, zone), DateTime.now());
    io.out(renderReport(report, args.format));
  } finally {
    await dynamo.close();
  }
}
