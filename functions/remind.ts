import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { REQUEST_LIMITS } from '../lib/aws/request-timeouts.js';
import { documentClient } from '../lib/aws/dynamo-clients.js';
import { DynamoCaseStore } from '../lib/aws/dynamo-case-store.js';
import { loadRemindEnvironment } from '../lib/aws/environment.js';
import { handleReminderEvent } from '../lib/aws/reminder-intake.js';
import { SesMailer } from '../lib/aws/ses-mailer.js';
import { systemClock } from '../lib/clock.js';

// Built once per cold start: configuration, clients and adapters.
const logger = new Logger({ serviceName: 'escalation-mailbox-remind' });
const env = await loadRemindEnvironment(process.env);
const deps = {
  store: new DynamoCaseStore(documentClient(new DynamoDBClient(REQUEST_LIMITS)), env.table, {
    retentionYears: env.deployment.retentionYears,
  }),
  mailer: new SesMailer(new SESClient(REQUEST_LIMITS), { from: env.deployment.fromAddress, loopId: env.deployment.loopId }),
  deployment: env.deployment,
  clock: systemClock,
  log: logger,
};

/** An EventBridge Scheduler schedule fired (asynchronous invocation) with `{ caseRef, reminderId }`. */
export const handler = async (event: unknown): Promise<void> => {
  await handleReminderEvent(event, deps);
};
