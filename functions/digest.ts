import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { systemClock } from '../lib/clock.js';
import { handleDigestEvent } from '../lib/aws/digest-intake.js';
import { documentClient } from '../lib/aws/dynamo-clients.js';
import { DynamoCaseStore } from '../lib/aws/dynamo-case-store.js';
import { loadReportEnvironment } from '../lib/aws/environment.js';
import { SesMailer } from '../lib/aws/ses-mailer.js';

// Built once per cold start: configuration, clients and adapters. It needs what the report needs: the table and the deployment.
const logger = new Logger({ serviceName: 'escalation-mailbox-digest' });
const env = await loadReportEnvironment(process.env);
const deps = {
  store: new DynamoCaseStore(documentClient(new DynamoDBClient({})), env.table),
  mailer: new SesMailer(new SESClient({}), { from: env.deployment.fromAddress, loopId: env.deployment.loopId }),
  clock: systemClock,
  deployment: env.deployment,
  log: logger,
};

/** The weekly schedule fired (`{}`): one digest per mailbox, once per week. */
export const handler = async (event: unknown): Promise<void> => {
  await handleDigestEvent(event, deps);
};
