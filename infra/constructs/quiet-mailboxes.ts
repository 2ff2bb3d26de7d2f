import { Duration } from 'aws-cdk-lib';
import { ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { METRIC, METRIC_NAMESPACE, mailboxLabel } from '../../lib/metrics.js';
import type { Alarms } from './alarms.js';

export interface QuietMailboxesProps {
  /** The receiving addresses. */
  mailboxes: readonly string[];
  workingDays: number;
  alarms: Alarms;
}

/**
 * Per mailbox, an alarm when no mail has arrived for N working days: a forwarding rule that broke,
 * an MX record that changed. CloudWatch knows no working days, so the alarm looks at the last
 * N + 2 calendar days (any N + 2 consecutive days hold at least N working days, for N up to 5),
 * one day at a time, and a day without data counts as a day without mail.
 */
export class QuietMailboxes extends Construct {
  constructor(scope: Construct, id: string, props: QuietMailboxesProps) {
    super(scope, id);
    const days = props.workingDays + 2;
    props.mailboxes.forEach((address, index) => {
      const label = mailboxLabel(address);
      props.alarms.alarm(
        `Mailbox${index}Quiet`,
        new Metric({
          namespace: METRIC_NAMESPACE,
          metricName: METRIC.mailboxMessages,
          dimensionsMap: { service: 'ingest', Mailbox: label },
          statistic: 'Sum',
          period: Duration.days(1),
        }),
        `No mail reached ${address} (metric label ${label}) for ${props.workingDays} working days: check its forwarding and MX record`,
        {
          threshold: 1,
          comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
          evaluationPeriods: days,
          treatMissingData: TreatMissingData.BREACHING,
        },
      );
    });
  }
}
