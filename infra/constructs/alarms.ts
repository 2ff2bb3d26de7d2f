import { Duration, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface AlarmsProps {
  alarmEmail: string;
  /** The customer-managed key whose policy lets this stack's alarms publish (the data stack's AlarmKey). */
  key: IKey;
  /** Every alarm is named with this prefix, which the key's policy and the topic's name. */
  alarmNamePrefix: string;
  functions: Record<string, IFunction>;
  deadLetterQueues: Record<string, IQueue>;
}

/** Errors, throttles and dead letters, to an encrypted topic that emails the admin. */
export class Alarms extends Construct {
  readonly topic: Topic;
  private readonly action: SnsAction;
  private readonly props: AlarmsProps;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.props = props;
    const stack = Stack.of(this);
    this.topic = new Topic(this, 'Topic', { masterKey: props.key, enforceSSL: true });
    // The topic's policy replaces SNS's default one (enforceSSL): CloudWatch is let in for this stack's alarms only.
    // Not topic.grantPublish: it would also grant on the key, in the data stack, without the conditions the key's policy has.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsOfThisStack',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': `arn:${stack.partition}:cloudwatch:${stack.region}:${stack.account}:alarm:${props.alarmNamePrefix}*`,
          },
        },
      }),
    );
    this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.action = new SnsAction(this.topic);
    for (const [name, fn] of Object.entries(props.functions)) {
      this.alarm(`${name}Errors`, fn.metricErrors({ period: Duration.minutes(5) }), `The ${name} function failed: see its logs`);
      this.alarm(`${name}Throttles`, fn.metricThrottles({ period: Duration.minutes(5) }), `The ${name} function was throttled`);
    }
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      this.alarm(
        `${name}DeadLetters`,
        queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
        `${name}: something could not be delivered after every retry (npm run escalations -- redrive)`,
      );
    }
  }

  /** One alarm to the topic, named `<prefix><name>` so the key and topic policies cover it. */
  alarm(
    name: string,
    metric: IMetric,
    description: string,
    options: Partial<{
      threshold: number;
      comparisonOperator: ComparisonOperator;
      evaluationPeriods: number;
      treatMissingData: TreatMissingData;
    }> = {},
  ): Alarm {
    const alarm = new Alarm(this, name, {
      alarmName: `${this.props.alarmNamePrefix}${name}`,
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
      ...options,
    });
    alarm.addAlarmAction(this.action);
    return alarm;
  }
}
