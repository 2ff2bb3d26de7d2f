import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SESClient } from '@aws-sdk/client-ses';
import { documentClient } from '../lib/aws/dynamo-clients.js';
import { DynamoCaseStore } from '../lib/aws/dynamo-case-store.js';
import { loadResyncEnvironment } from '../lib/aws/environment.js';
import { REQUEST_LIMITS } from '../lib/aws/request-timeouts.js';
import { SchedulerReminderBook } from '../lib/aws/scheduler-reminder-book.js';
import { SesMailer } from '../lib/aws/ses-mailer.js';
import { systemClock } from '../lib/clock.js';
import { remind } from '../lib/remind.js';
import { resyncOpenCases } from '../lib/resync.js';

// Built once per cold start; ingest's environment without the mail bucket: it books reminders as ingest does.
const logger = new Logger({ serviceName: 'escalation-mailbox-resync' });
const env = await loadResyncEnvironment(process.env);
const store = new DynamoCaseStore(documentClient(new DynamoDBClient(REQUEST_LIMITS)), env.table, {
  retentionYears: env.deployment.retentionYears,
});
const mailer = new SesMailer(new SESClient(REQUEST_LIMITS), { from: env.deployment.fromAddress, loopId: env.deployment.loopId });
const reminders = new SchedulerReminderBook(
  new SchedulerClient(REQUEST_LIMITS),
  env.scheduler,
  systemClock,
  env.deployment.closureDays,
  (request) => remind(request, { store, mailer, deployment: env.deployment, clock: systemClock }),
);

/** Invoked once after each deploy (any event): open cases' reminders re-booked from the deployed policy and closure days. */
export const handler = async (): Promise<{ synced: number; unknownMailbox: number; failed: number }> => {
  const outcome = await resyncOpenCases({ store, reminders, deployment: env.deployment });
  logger.info('open cases re-synced', { synced: outcome.synced, unknownMailbox: outcome.unknownMailbox, failed: outcome.failed });
  if (outcome.failed.length > 0) throw new Error(`${outcome.failed.length} open cases could not be re-synced`);
  return { synced: outcome.synced, unknownMailbox: outcome.unknownMailbox, failed: outcome.failed.length };
};
