import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SESClient } from '@aws-sdk/client-ses';
import { REQUEST_LIMITS } from '../lib/aws/request-timeouts.js';
import { documentClient } from '../lib/aws/dynamo-clients.js';
import { DynamoCaseStore } from '../lib/aws/dynamo-case-store.js';
import { loadRemindEnvironment } from '../lib/aws/environment.js';
import { observability } from '../lib/aws/observability.js';
import { handleReminderEvent } from '../lib/aws/reminder-intake.js';
import { SchedulerReminderBook } from '../lib/aws/scheduler-reminder-book.js';
import { SesMailer } from '../lib/aws/ses-mailer.js';
import { systemClock } from '../lib/clock.js';
import { countingFailures } from '../lib/metrics.js';

// Built once per cold start: configuration, clients and adapters.
const { log, metrics, handler: observed } = observability('remind');
const env = await loadRemindEnvironment(process.env);
const deps = {
  store: new DynamoCaseStore(documentClient(new DynamoDBClient(REQUEST_LIMITS)), env.table, {
    retentionYears: env.deployment.retentionYears,
  }),
  mailer: countingFailures(
    new SesMailer(new SESClient(REQUEST_LIMITS), { from: env.deployment.fromAddress, loopId: env.deployment.loopId }),
    metrics,
  ),
  deployment: env.deployment,
  clock: systemClock,
  // Once a reminder is sent, the case's schedule is moved on to its next.
  reminders: new SchedulerReminderBook(new SchedulerClient(REQUEST_LIMITS), env.scheduler, systemClock, env.deployment.closureDays),
  log,
  metrics,
};

/** A case's EventBridge Scheduler schedule fired (asynchronous invocation) with `{ caseRef, reminderId, after }`. */
export const handler = observed((event) => handleReminderEvent(event, deps));
