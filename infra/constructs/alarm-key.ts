import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface AlarmKeyProps {
  /** Every alarm that may publish is named `<prefix>…`: the key serves those alarms only. */
  alarmNamePrefix: string;
  /** The topic finds the key by this alias. */
  aliasName: string;
}

/**
 * The alarm topic's key. The AWS-managed `alias/aws/sns` key cannot be used: its policy cannot
 * be changed to let CloudWatch encrypt, so every alarm notification would be dropped. This
 * customer-managed key lets CloudWatch generate data keys only for this account's alarms whose
 * names start with the prefix (aws:SourceAccount and aws:SourceArn, against the confused deputy).
 */
export class AlarmKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string, props: AlarmKeyProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.key = new Key(this, 'Key', {
      description: 'Encrypts the escalation mailbox alarm topic; CloudWatch may use it for this stack’s alarms only',
      enableKeyRotation: true,
      // Encrypts notifications in flight only: nothing is lost when it goes, after the shortest wait.
      pendingWindow: Duration.days(7),
      removalPolicy: RemovalPolicy.DESTROY,
      alias: props.aliasName,
    });
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsOfThisStack',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': `arn:${stack.partition}:cloudwatch:${stack.region}:${stack.account}:alarm:${props.alarmNamePrefix}*`,
          },
        },
      }),
    );
  }
}
