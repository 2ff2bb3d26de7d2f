import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { METRIC_NAMESPACE, type Metrics } from '../metrics.js';
import { EmfMetrics } from './powertools-metrics.js';

export interface Observability {
  log: Logger;
  metrics: Metrics;
  /** The handler Lambda calls: the Lambda context in every log line (request id, cold start), metrics flushed at the end. */
  handler: (run: (event: unknown) => Promise<unknown>) => (event: unknown, context?: Context) => Promise<void>;
}

/** Logger and metrics for one function, built once per cold start. `service` is the function's short name: ingest, remind, report. */
export function observability(service: string): Observability {
  const log = new Logger({ serviceName: `escalation-mailbox-${service}` });
  const emf = new PowertoolsMetrics({ namespace: METRIC_NAMESPACE, serviceName: service });
  return {
    log,
    metrics: new EmfMetrics(emf),
    handler: (run) => async (event, context) => {
      if (context) {
        log.addContext(context);
        emf.captureColdStartMetric(context.functionName);
      }
      try {
        await run(event);
      } finally {
        if (emf.hasStoredMetrics()) emf.publishStoredMetrics();
      }
    },
  };
}
