import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import * as z from 'zod';
import { ConfigurationError, loadIngestEnvironment } from '../../lib/aws/environment.js';
import { redriveWithAws, type RedriveSummary } from '../../lib/aws/redrive.js';
import type { Log } from '../../lib/log.js';
import { defineCommand, option, type Args } from '../command.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';

const isoDate = z.iso.date({ error: 'not an ISO date such as 2026-11-01' });

const OPTIONS = {
  outputs: option.string(
    '<outputs.json>',
    'the file `npm run deploy` (cdk deploy --outputs-file) wrote',
    z.string({ error: 'required: the file `cdk deploy --outputs-file` wrote' }).min(1),
  ),
  config: option.string(
    '<cdk.json>',
    'the configuration the stack was deployed with (default: cdk.json)',
    z.string().min(1).default('cdk.json'),
  ),
  from: option.string(
    '<date>',
    'instead of the failed events: every raw message the bucket received from this day (UTC)',
    isoDate.optional(),
  ),
  to: option.string('<date>', 'with --from: the last day, included (default: today)', isoDate.optional()),
  table: option.string('<name>', "the case table, if not the stack's", z.string().min(1).optional()),
  bucket: option.string('<name>', "the raw-mail bucket, if not the stack's", z.string().min(1).optional()),
  stack: option.string(
    '<name>',
    'the service stack whose outputs to read (default: EscalationMailbox)',
    z.string().min(1).default('EscalationMailbox'),
  ),
};

export const redrive = defineCommand({
  name: 'redrive',
  summary:
    'Re-ingests mail whose processing failed, from the failed-invocations queue or by the days it arrived, with your AWS credentials.',
  description:
    'Ingest is idempotent: a message already ingested comes back as a duplicate and changes nothing, so a redrive may be\n' +
    'run again safely. Events are deleted from the queue only once their message went through.',
  options: OPTIONS,
  examples: ['redrive --outputs outputs.json', 'redrive --outputs outputs.json --from 2026-11-20 --to 2026-11-21'],
  run: redriveCommand,
});

/** The service stack's outputs, as `cdk deploy --outputs-file` writes them. */
const OutputsSchema = z.looseObject({
  CaseTable: z.string().min(1),
  MailBucket: z.string().min(1),
  ScheduleGroup: z.string().min(1),
  RemindFunctionArn: z.string().min(1),
  SchedulerRoleArn: z.string().min(1),
  ReminderDeadLetterQueueArn: z.string().min(1),
  FailedInvocationsQueueUrl: z.url(),
});

/**
 * Re-ingests failed mail with the admin's AWS credentials: by default the events in the
 * functions' failed-invocations queue; with --from (and --to, default today) every raw message
 * the bucket received in those days (UTC). Ingest is idempotent: a message already ingested
 * comes back "duplicate" and changes nothing, so a redrive can be run again safely.
 */
async function redriveCommand(args: Args<typeof OPTIONS>, io: Io): Promise<void> {
  if (args.to !== undefined && args.from === undefined) throw new UsageError('redrive: --to: needs --from as well');
  if (args.from !== undefined && args.to !== undefined && args.from > args.to)
    throw new UsageError('redrive: --to: the period ends before it starts');
  const outputs = parseFile(
    args.outputs,
    (json) => OutputsSchema.safeParse((json as Record<string, unknown>)[args.stack]),
    `stack ${args.stack}`,
  );
  const deployment = parseFile(
    args.config,
    (json) => z.object({ context: z.object({ escalationMailbox: z.object({ deployment: z.unknown() }) }) }).safeParse(json),
    'context.escalationMailbox.deployment',
  );
  const [outputsValue, configValue] = await Promise.all([outputs, deployment]);
  const env = await loadIngestEnvironment({
    CASE_TABLE: args.table ?? outputsValue.CaseTable,
    DEPLOYMENT: JSON.stringify(configValue.context.escalationMailbox.deployment),
    MAIL_BUCKET: args.bucket ?? outputsValue.MailBucket,
    MAIL_PREFIX: 'incoming/',
    SCHEDULE_GROUP: outputsValue.ScheduleGroup,
    REMIND_FUNCTION_ARN: outputsValue.RemindFunctionArn,
    SCHEDULER_ROLE_ARN: outputsValue.SchedulerRoleArn,
    REMINDER_DLQ_ARN: outputsValue.ReminderDeadLetterQueueArn,
    REMINDER_MAX_RETRIES: '4',
    REMINDER_MAX_EVENT_AGE_SECONDS: String(6 * 3600),
  }).catch((error: unknown) => {
    throw error instanceof ConfigurationError ? new UsageError(`redrive: ${error.message}`, { cause: error }) : error;
  });
  const summary = await redriveWithAws(
    env,
    args.from
      ? {
          from: DateTime.fromISO(args.from, { zone: 'utc' }).toJSDate(),
          to: DateTime.fromISO(args.to ?? DateTime.utc().toISODate(), { zone: 'utc' })
            .plus({ days: 1 })
            .toJSDate(),
        }
      : { queueUrl: outputsValue.FailedInvocationsQueueUrl },
    errorsOnly(io),
  );
  io.out(describe(summary));
}

/** One line per failure on standard error (names and hashes only, as the function logs); the summary goes to standard output. */
function errorsOnly(io: Io): Log {
  const line = (message: string, attributes: Record<string, unknown>) => {
    io.err(`redrive: ${message} ${JSON.stringify(attributes)}`);
  };
  return { info: () => undefined, warn: line, error: line };
}

function describe(summary: RedriveSummary): string {
  const outcomes = Object.entries(summary.outcomes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([outcome, n]) => `${outcome} ${String(n)}`);
  return [
    `re-ingested ${String(summary.ingested)}${outcomes.length ? ` (${outcomes.join(', ')})` : ''}`,
    `failed again ${String(summary.failed)}`,
    ...(summary.skipped ? [`left in the queue, not mail events: ${String(summary.skipped)}`] : []),
  ].join('\n');
}

async function parseFile<T>(path: string, parse: (json: unknown) => z.ZodSafeParseResult<T>, what: string): Promise<T> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`redrive: '${path}' cannot be read as JSON: ${(error as Error).message}`, { cause: error });
  }
  const result = parse(json);
  if (!result.success)
    throw new UsageError(
      `redrive: '${path}' has no valid ${what}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      { cause: result.error },
    );
  return result.data;
}
