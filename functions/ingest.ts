import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoCaseStore } from '../lib/aws/dynamo-case-store.js';
import { loadIngestEnvironment } from '../lib/aws/ingest-environment.js';
import { S3RawMailSource } from '../lib/aws/s3-raw-mail-source.js';
import { handleSesEvent } from '../lib/aws/ses-intake.js';
import { SesMailer } from '../lib/aws/ses-mailer.js';
import { systemClock } from '../lib/clock.js';
import { InMemoryReminderBook } from '../lib/reminders/in-memory-book.js';

// Built once per cold start: configuration, clients and adapters.
const logger = new Logger({ serviceName: 'escalation-mailbox-ingest' });
const env = await loadIngestEnvironment(process.env);
const deps = {
  store: new DynamoCaseStore(
    DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } }),
    env.table,
  ),
  mailer: new SesMailer(new SESClient({}), { from: env.deployment.fromAddress, loopId: env.deployment.loopId }),
  reminders: new InMemoryReminderBook(env.deployment.closureDays),
  clock: systemClock,
  deployment: env.deployment,
  source: new S3RawMailSource(new S3Client({}), env.bucket),
  log: logger,
  keyPrefix: env.prefix,
};

/** SES's Lambda action (Event invocation), after its S3 action stored the message. */
export const handler = async (event: unknown): Promise<void> => {
  await handleSesEvent(event, deps);
};
