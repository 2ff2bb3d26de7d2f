import { Duration, Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Where reminders are booked: a schedule group, the role Scheduler assumes, and a dead-letter queue for invocations that fail. */
export class Reminders extends Construct {
  readonly groupName: string;
  readonly group: CfnScheduleGroup;
  readonly role: Role;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.groupName = `${Stack.of(this).stackName}-reminders`;
    this.group = new CfnScheduleGroup(this, 'Group', { name: this.groupName });
    // Kept as long as the failed-invocations queue: 14 days, the most SQS keeps, to find and re-drive a lost reminder.
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    // Scheduler may assume it only for schedules of this account.
    this.role = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: 'EventBridge Scheduler invokes the remind function, and nothing else',
    });
    this.deadLetterQueue.grantSendMessages(this.role);
  }

  /** The remind function is the one target the role may invoke. */
  allowInvoking(remind: IFunction): void {
    this.role.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [remind.functionArn] }));
  }

  /** ARN pattern of this group's schedules. */
  schedulesArn(): string {
    const stack = Stack.of(this);
    return `arn:${stack.partition}:scheduler:${stack.region}:${stack.account}:schedule/${this.groupName}/*`;
  }
}
