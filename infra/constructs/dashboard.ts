import { Duration } from 'aws-cdk-lib';
import { Dashboard, GraphWidget, MathExpression, Metric, TextWidget, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC, METRIC_NAMESPACE } from '../../lib/metrics.js';

export interface OperationsDashboardProps {
  dashboardName: string;
  functions: Record<string, IFunction>;
  deadLetterQueues: Record<string, IQueue>;
}

const DAY = Duration.days(1);
const count = (metricName: string, service: string, label: string) =>
  new Metric({ namespace: METRIC_NAMESPACE, metricName, dimensionsMap: { service }, statistic: 'Sum', period: DAY, label });
/** Every series of a metric whatever its dimension's value (outcome, kind, reason). */
const byDimension = (metricName: string, service: string, dimension: string, label: string) =>
  new MathExpression({
    expression: `SEARCH('{${METRIC_NAMESPACE},${dimension},service} MetricName="${metricName}" service="${service}"', 'Sum', 86400)`,
    label,
    period: DAY,
  });

/** What an operator looks at first: mail in, cases, reminders, failures, and the functions' health. */
export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const graph = (title: string, left: IMetric[]) => new GraphWidget({ title, left, width: 12, height: 6 });
    const fns = Object.entries(props.functions);
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.days(30),
      widgets: [
        [
          new TextWidget({
            markdown:
              '## Escalation mailbox\nDaily counts from the functions (EMF, namespace `EscalationMailbox`). Failed events: `npm run escalations -- redrive` (docs/deploy.md).',
            width: 24,
            height: 2,
          }),
        ],
        [
          graph('Messages by outcome', [byDimension(METRIC.messages, 'ingest', 'Outcome', 'messages')]),
          graph('Cases', [
            count(METRIC.casesOpened, 'ingest', 'opened'),
            count(METRIC.casesAdvanced, 'ingest', 'advanced'),
            count(METRIC.casesResolved, 'ingest', 'resolved'),
            count(METRIC.reviews, 'ingest', 'reviews'),
            count(METRIC.corrections, 'ingest', 'corrections'),
          ]),
        ],
        [
          graph('Reminders sent (by kind) and skipped (by reason)', [
            byDimension(METRIC.remindersSent, 'remind', 'Kind', 'sent'),
            byDimension(METRIC.remindersSkipped, 'remind', 'Reason', 'skipped'),
          ]),
          graph(
            'Send failures',
            ['ingest', 'remind', 'report'].map((service) => byDimension(METRIC.sendFailures, service, 'Kind', service)),
          ),
        ],
        [
          graph(
            'Function errors and throttles',
            fns.flatMap(([name, fn]) => [
              fn.metricErrors({ period: Duration.hours(1), label: `${name} errors` }),
              fn.metricThrottles({ period: Duration.hours(1), label: `${name} throttles` }),
            ]),
          ),
          graph('Function duration (p95) and dead letters', [
            ...fns.map(([name, fn]) => fn.metricDuration({ period: Duration.hours(1), statistic: 'p95', label: `${name} p95 ms` })),
            ...Object.entries(props.deadLetterQueues).map(([name, queue]) =>
              queue.metricApproximateNumberOfMessagesVisible({ period: Duration.hours(1), label: `${name} waiting` }),
            ),
          ]),
        ],
      ],
    });
  }
}
