import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { systemClock } from '../lib/clock.js';
import { REQUEST_LIMITS } from '../lib/aws/request-timeouts.js';
import { documentClient } from '../lib/aws/dynamo-clients.js';
import { DynamoCaseStore } from '../lib/aws/dynamo-case-store.js';
import { loadReportEnvironment } from '../lib/aws/environment.js';
import { observability } from '../lib/aws/observability.js';
import { handleReportEvent } from '../lib/aws/report-intake.js';
import { SesMailer } from '../lib/aws/ses-mailer.js';
import { countingFailures } from '../lib/metrics.js';

// Built once per cold start: configuration, clients and adapters.
const { log, metrics, handler: observed } = observability('report');
const env = await loadReportEnvironment(process.env);
const deps = {
  store: new DynamoCaseStore(documentClient(new DynamoDBClient(REQUEST_LIMITS)), env.table, {
    retentionYears: env.deployment.retentionYears,
  }),
  mailer: countingFailures(
    new SesMailer(new SESClient(REQUEST_LIMITS), { from: env.deployment.fromAddress, loopId: env.deployment.loopId }),
    metrics,
  ),
  clock: systemClock,
  deployment: env.deployment,
  log,
};

/** The monthly schedule fired (`{}`), or an admin asked for a month again (`{ "month": "2026-10" }`). */
export const handler = observed((event) => handleReportEvent(event, deps));
