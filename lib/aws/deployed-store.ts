import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SESClient } from '@aws-sdk/client-ses';
import { systemClock } from '../clock.js';
import type { CorrectionDependencies } from '../corrections/correct.js';
import type { Mailer } from '../ports.js';
import { remind } from '../remind.js';
import { documentClient } from './dynamo-clients.js';
import { DynamoCaseStore } from './dynamo-case-store.js';
import { loadIngestEnvironment } from './environment.js';
import { SchedulerReminderBook } from './scheduler-reminder-book.js';
import { SesMailer } from './ses-mailer.js';

/**
 * What an admin's correction needs on a deployed table: the same adapters as the ingest function,
 * configured from its environment (its deployment and reminder settings), the table and region
 * given, credentials from the SDK's usual chain. Throws ConfigurationError for a bad environment.
 */
export async function deployedCorrectionDependencies(
  table: string,
  region: string,
  functionEnvironment: Record<string, string | undefined>,
): Promise<{ deps: CorrectionDependencies; close(): void }> {
  const { deployment, scheduler } = await loadIngestEnvironment({
    MAIL_BUCKET: '-',
    MAIL_PREFIX: '',
    ...functionEnvironment,
    CASE_TABLE: table,
  });
  const dynamo = new DynamoDBClient({ region });
  const schedulerClient = new SchedulerClient({ region });
  const ses = new SESClient({ region });
  const store = new DynamoCaseStore(documentClient(dynamo), table);
  // A reminder due within the minute is sent at once, as the ingest function does: through SES, claimed once.
  const reminderMailer = new SesMailer(ses, { from: deployment.fromAddress, loopId: deployment.loopId });
  return {
    deps: {
      store,
      reminders: new SchedulerReminderBook(schedulerClient, scheduler, systemClock, deployment.closureDays, (request) =>
        remind(request, { store, mailer: reminderMailer, deployment, clock: systemClock }),
      ),
      mailer: NO_MAIL,
      clock: systemClock,
      deployment,
    },
    close: () => {
      dynamo.destroy();
      schedulerClient.destroy();
      ses.destroy();
    },
  };
}

/** Admin commands send no mail of their own: their result is printed. */
export const NO_MAIL: Mailer = { send: () => Promise.resolve() };
