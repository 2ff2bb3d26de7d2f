import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SESClient } from '@aws-sdk/client-ses';
import { REQUEST_LIMITS } from '../lib/aws/request-timeouts.js';
import { documentClient } from '../lib/aws/dynamo-clients.js';
import { DynamoCaseStore } from '../lib/aws/dynamo-case-store.js';
import { loadIngestEnvironment } from '../lib/aws/environment.js';
import { observability } from '../lib/aws/observability.js';
import { S3RawMailSource } from '../lib/aws/s3-raw-mail-source.js';
import { SchedulerReminderBook } from '../lib/aws/scheduler-reminder-book.js';
import { handleSesEvent } from '../lib/aws/ses-intake.js';
import { SesMailer } from '../lib/aws/ses-mailer.js';
import { systemClock } from '../lib/clock.js';
import { countingFailures } from '../lib/metrics.js';
import { remind } from '../lib/remind.js';

// Built once per cold start: configuration, clients and adapters.
const { log, metrics, handler: observed } = observability('ingest');
const env = await loadIngestEnvironment(process.env);
const store = new DynamoCaseStore(documentClient(new DynamoDBClient(REQUEST_LIMITS)), env.table, {
  retentionYears: env.deployment.retentionYears,
});
const mailer = countingFailures(
  new SesMailer(new SESClient(REQUEST_LIMITS), { from: env.deployment.fromAddress, loopId: env.deployment.loopId }),
  metrics,
);
const deps = {
  store,
  mailer,
  // A reminder already due when it is booked is sent from here instead.
  reminders: new SchedulerReminderBook(
    new SchedulerClient(REQUEST_LIMITS),
    env.scheduler,
    systemClock,
    env.deployment.closureDays,
    (request) => remind(request, { store, mailer, deployment: env.deployment, clock: systemClock }),
  ),
  clock: systemClock,
  deployment: env.deployment,
  source: new S3RawMailSource(new S3Client(REQUEST_LIMITS), env.bucket),
  log,
  metrics,
  keyPrefix: env.prefix,
};

/** SES's Lambda action (Event invocation), after its S3 action stored the message. */
export const handler = observed((event) => handleSesEvent(event, deps));
