import { join } from 'node:path';
import { DateTime } from 'luxon';
import * as z from 'zod';
import { documentClient } from '../../lib/aws/dynamo-clients.js';
import { DynamoCaseStore } from '../../lib/aws/dynamo-case-store.js';
import { startEmbeddedDynamo } from '../../lib/local/embedded-dynamo.js';
import { loadLocalConfig } from '../../lib/local/local-config.js';
import { buildReport, periodOfDates, renderReport, REPORT_FORMATS } from '../../lib/report/build.js';
import { defineCommand, option, type Args } from '../command.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';

const isoDate = z.iso.date({ error: 'not an ISO date such as 2026-11-01' });

const OPTIONS = {
  month: option.string(
    '<YYYY-MM>',
    'the calendar month to report on (default: last month, unless --from and --to are given)',
    z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'not a month such as 2026-11' })
      .optional(),
  ),
  from: option.string('<date>', 'the first day of the period (with --to, instead of --month)', isoDate.optional()),
  to: option.string('<date>', 'the last day of the period, included', isoDate.optional()),
  format: option.string(
    `<${REPORT_FORMATS.join('|')}>`,
    'what to print (default: html)',
    z.enum(REPORT_FORMATS, { error: `one of ${REPORT_FORMATS.join(', ')}` }).default('html'),
  ),
  config: option.string('<file.json>', "the configuration `serve` ran with (default: the sample's)", z.string().optional()),
  data: option.string(
    '<folder>',
    "the folder `serve` kept its data in (default: the configuration's dataDir)",
    z.string().min(1).optional(),
  ),
};

export const report = defineCommand({
  name: 'report',
  summary: 'The monitoring report over the cases that `serve` has kept, for one period, on standard output.',
  description:
    'It covers the cases opened in the period: by agency, the stage each reached and was resolved at, working days at\n' +
    'each stage, the share finished within the timescales, what is overdue now, and the trend by month. Stop `serve`\n' +
    'first: the store has one user at a time.',
  options: OPTIONS,
  examples: [
    'report > report.html',
    'report --month 2026-11 --format csv > report.csv',
    'report --from 2026-11-01 --to 2026-11-15 --format json',
  ],
  run: reportCommand,
});

/** The monitoring report over the local store that `serve` keeps, on standard output. */
async function reportCommand(args: Args<typeof OPTIONS>, io: Io): Promise<void> {
  const { config, deployment } = await loadLocalConfig(args.config);
  const zone = deployment.mailboxes[0]?.policy.timezone ?? 'Europe/London';
  const { from, to } = periodDays(args, DateTime.now().setZone(zone));
  const dynamo = await startEmbeddedDynamo({ path: join(args.data ?? config.dataDir, 'db'), mustExist: true });
  try {
    const store = new DynamoCaseStore(documentClient(dynamo.client), dynamo.table);
    const built = await buildReport(store, deployment, periodOfDates(from, to, zone), DateTime.now());
    io.out(renderReport(built, args.format));
  } finally {
    await dynamo.close();
  }
}

/** The first and last day reported on: a month, two days, or last month by the local calendar. */
export function periodDays(args: { month?: string | undefined; from?: string | undefined; to?: string | undefined }, now: DateTime) {
  if (args.month !== undefined && (args.from !== undefined || args.to !== undefined))
    throw new UsageError('report: give --month, or --from and --to, not both');
  if ((args.from === undefined) !== (args.to === undefined)) throw new UsageError('report: --from and --to go together');
  if (args.from !== undefined && args.to !== undefined) {
    if (args.from > args.to) throw new UsageError('report: --to: the period ends before it starts');
    return { from: args.from, to: args.to };
  }
  const month = args.month === undefined ? now.startOf('month').minus({ months: 1 }) : DateTime.fromISO(`${args.month}-01`);
  return { from: month.toISODate() ?? '', to: month.endOf('month').toISODate() ?? '' };
}
