import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import * as z from 'zod';
import { systemClock } from '../../lib/clock.js';
import { documentClient } from '../../lib/aws/dynamo-clients.js';
import { DynamoCaseStore } from '../../lib/aws/dynamo-case-store.js';
import { deployedCorrectionDependencies, NO_MAIL } from '../../lib/aws/deployed-store.js';
import { ConfigurationError } from '../../lib/aws/environment.js';
import { shortDate } from '../../lib/calendar/wording.js';
import { caseDeadlines } from '../../lib/cases/deadlines.js';
import { adminCorrection, caseSummary } from '../../lib/corrections/admin.js';
import type { Command } from '../../lib/corrections/commands.js';
import type { CorrectionDependencies } from '../../lib/corrections/correct.js';
import { startEmbeddedDynamo } from '../../lib/local/embedded-dynamo.js';
import { InProcessReminderBook } from '../../lib/local/in-process-reminder-book.js';
import { loadLocalConfig } from '../../lib/local/local-config.js';
import { loadPending, savePendingReminders } from '../../lib/local/runtime.js';
import { defineCommand, option, type Args } from '../command.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';

const USAGE_POSITIONALS = 'list | show <REF> | stage <REF> <n> | resolve <REF> | reopen <REF> | withdraw <REF> | merge <REF> <INTO>';

const REFERENCE = /^[A-Z]{2,8}-\d{4}-\d{4,6}$/;
const Ref = z.string().regex(REFERENCE, 'a case reference such as SSP-2026-0007');

const Positionals = z.union([
  z.tuple([z.literal('list')]),
  z.tuple([z.literal('show'), Ref]),
  z.tuple([z.literal('stage'), Ref, z.string().regex(/^[0-9a-z]{1,4}$/i, 'a stage such as 3')]),
  z.tuple([z.enum(['resolve', 'reopen', 'withdraw']), Ref]),
  z.tuple([z.literal('merge'), Ref, Ref]),
]);

const OPTIONS = {
  by: option.string(
    '<name>',
    'who made the correction, for the history (default: your user name)',
    z
      .string()
      .regex(/^[\w.@-]{1,64}$/, 'a name of letters, digits, . _ @ -')
      .optional(),
  ),
  config: option.string('<file.json>', "the configuration `serve` ran with (default: the sample's)", z.string().optional()),
  data: option.string(
    '<folder>',
    "the folder `serve` kept its data in (default: the configuration's dataDir)",
    z.string().min(1).optional(),
  ),
  table: option.string(
    '<name>',
    'a deployed case table instead of the local store (with --region and --function-env)',
    z.string().min(3).optional(),
  ),
  region: option.string(
    '<region>',
    "the deployed table's AWS region",
    z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as eu-west-2')
      .optional(),
  ),
  'function-env': option.string(
    '<file.json>',
    "with --table: the ingest function's environment as JSON (its deployment and reminder settings)",
    z.string().min(1).optional(),
  ),
};

const POSITIONALS = { usage: USAGE_POSITIONALS, description: 'what to do, and to which case', schema: z.array(z.string()) };

export const caseCommand = defineCommand({
  name: 'case',
  summary: 'Lists the open cases, shows one, or corrects one (stage, resolve, reopen, withdraw, merge) as a command by mail would.',
  description:
    "Each correction writes the same history event and re-books the same reminders as the partnership's commands by mail.\n" +
    "On the local store `serve` keeps (stop `serve` first: the store is one process's), or on a deployed table with\n" +
    '--table, --region and --function-env, with your AWS credentials.',
  options: OPTIONS,
  positionals: POSITIONALS,
  examples: [
    'case list',
    'case show SSP-2026-0007',
    'case stage SSP-2026-0007 3 --by partnership.officer',
    'case merge SSP-2026-0008 SSP-2026-0007',
  ],
  run: runCase,
});

/**
 * Admin commands on cases, through the corrections use case: the same history events and the
 * same reminder sync as a command by mail. On the local store `serve` keeps (stop `serve`
 * first: the store is one process's), or on a deployed table through the same DynamoDB adapter.
 */
async function runCase(args: Args<typeof OPTIONS, typeof POSITIONALS.schema>, io: Io): Promise<void> {
  if ((args.table === undefined) !== (args.region === undefined)) throw new UsageError('case: --table and --region go together');
  if (args.table !== undefined && args['function-env'] === undefined)
    throw new UsageError(
      "case: --function-env: a deployed table needs the ingest function's environment as JSON (its deployment and reminder settings)",
    );
  const positionals = Positionals.safeParse(args.positionals);
  if (!positionals.success) throw new UsageError(`case: ${describePositionals(args.positionals)} (usage: case ${USAGE_POSITIONALS})`);
  const [action, ref, extra] = positionals.data as [string, string?, string?];
  const admin = args.by ?? safeUserName();

  const session = args.table ? await deployedSession(args.table, args.region ?? '', args['function-env'] ?? '') : await localSession(args);
  try {
    const { deps } = session;
    if (action === 'list') {
      const cases = (await deps.store.openCases()).sort((a, b) => a.ref.localeCompare(b.ref));
      const reviews = await deps.store.pendingReviews();
      io.out(
        [
          `${cases.length} open case(s); ${reviews.length} review(s) waiting.`,
          ...cases.map((c) => {
            const mailbox = deps.deployment.mailboxes.find((m) => m.address === c.mailbox);
            const due = mailbox ? caseDeadlines(c, mailbox.policy, deps.deployment.closureDays)[0] : undefined;
            const zone = mailbox?.policy.timezone ?? 'Europe/London';
            return `${c.ref}  stage ${c.stage}  opened ${shortDate(toDate(c.openedAt), zone)}  ${due ? `due ${shortDate(due.due, zone)}` : 'no deadline'}`;
          }),
        ].join('\n'),
      );
      return;
    }
    if (!ref) throw new UsageError(`case ${action}: needs a case reference`);
    if (action === 'show') {
      const current = await deps.store.getCase(ref);
      if (!current) throw new UsageError(`case show: there is no case ${ref}`);
      io.out(JSON.stringify(caseSummary(current, deps), null, 2));
      return;
    }
    const commands: Command[] =
      action === 'stage'
        ? [{ kind: 'stage', stage: (extra ?? '').toLowerCase() }]
        : action === 'merge'
          ? [{ kind: 'merge', into: extra ?? '' }]
          : [{ kind: action === 'resolve' ? 'resolved' : action === 'reopen' ? 'reopen' : 'not-a-case' }];
    const result = await adminCorrection(ref, commands, admin, deps);
    if (!result.applied) throw new UsageError(`case ${action}: nothing changed: ${result.problems.join('; ')}`);
    await session.save();
    io.out([`${ref}: ${result.event}`, ...result.done.map((line) => `- ${line}`)].join('\n'));
  } finally {
    await session.close();
  }
}

interface Session {
  deps: CorrectionDependencies;
  /** Keeps what the session changed outside the store (the local runtime's pending reminders). */
  save(): Promise<void>;
  close(): Promise<void>;
}

/** `serve`'s store and pending reminders: reminders due already are left for `serve` to send when it starts. */
async function localSession(args: { config?: string | undefined; data?: string | undefined }): Promise<Session> {
  const { config, deployment } = await loadLocalConfig(args.config);
  const dataDir = args.data ?? config.dataDir;
  const dynamo = await startEmbeddedDynamo({ path: join(dataDir, 'db'), mustExist: true });
  const store = new DynamoCaseStore(documentClient(dynamo.client), dynamo.table);
  const reminders = new InProcessReminderBook(systemClock, deployment.closureDays);
  const pendingFile = join(dataDir, 'reminders.json');
  reminders.restore(await loadPending(pendingFile));
  return {
    deps: { store, reminders, mailer: NO_MAIL, clock: systemClock, deployment },
    save: () => savePendingReminders(reminders, pendingFile),
    close: () => dynamo.close(),
  };
}

/**
 * A deployed table in a region, with the ingest function's own configuration (its environment,
 * as `aws lambda get-function-configuration --query Environment.Variables` prints it): the same
 * adapters, so reminders are re-booked in the deployment's Scheduler group.
 */
async function deployedSession(table: string, region: string, envFile: string): Promise<Session> {
  let env: Record<string, string>;
  try {
    env = JSON.parse(await readFile(envFile, 'utf8')) as Record<string, string>;
  } catch (error) {
    throw new UsageError(`case: --function-env '${envFile}' cannot be read as JSON: ${(error as Error).message}`, { cause: error });
  }
  try {
    const deployed = await deployedCorrectionDependencies(table, region, env);
    return {
      deps: deployed.deps,
      save: () => Promise.resolve(),
      close: () => {
        deployed.close();
        return Promise.resolve();
      },
    };
  } catch (error) {
    if (error instanceof ConfigurationError) throw new UsageError(`case: --function-env: ${error.message}`, { cause: error });
    throw error;
  }
}

function describePositionals(positionals: readonly string[]): string {
  const [action] = positionals;
  if (action === undefined) return 'say what to do: list, show, stage, resolve, reopen, withdraw or merge';
  if (!['list', 'show', 'stage', 'resolve', 'reopen', 'withdraw', 'merge'].includes(action)) return `'${action}' is not a case command`;
  return `'${action}' takes ${action === 'list' ? 'nothing' : action === 'stage' ? '<REF> <n>' : action === 'merge' ? '<REF> <INTO>' : '<REF>'}, and references look like SSP-2026-0007`;
}

function safeUserName(): string {
  try {
    return userInfo().username.replace(/[^\w.@-]/g, '') || 'admin';
  } catch {
    return 'admin';
  }
}

const toDate = (iso: string) => DateTime.fromISO(iso);
