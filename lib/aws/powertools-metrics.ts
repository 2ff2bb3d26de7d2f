import { MetricUnit, type Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import type { MetricName, Metrics } from '../metrics.js';

/**
 * The metrics port on Powertools Metrics (CloudWatch embedded metric format). A count with
 * dimensions goes out at once as its own EMF line, so dimensions never leak between counts; a
 * plain count waits for the handler's publishStoredMetrics.
 */
export class EmfMetrics implements Metrics {
  constructor(private readonly metrics: PowertoolsMetrics) {}

  count(name: MetricName, dimensions?: Readonly<Record<string, string>>): void {
    if (dimensions === undefined || Object.keys(dimensions).length === 0) {
      this.metrics.addMetric(name, MetricUnit.Count, 1);
      return;
    }
    const single = this.metrics.singleMetric();
    for (const [key, value] of Object.entries(dimensions)) single.addDimension(key, value);
    single.addMetric(name, MetricUnit.Count, 1);
  }
}
