import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface RemindersProps {
  groupName: string;
}

/** Where reminders are booked: a schedule group, the role Scheduler assumes, and a dead-letter queue for invocations that fail. */
export class Reminders extends Construct {
  readonly group: ScheduleGroup;
  readonly role: Role;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: RemindersProps) {
    super(scope, id);
    // Deleting the group deletes its schedules: the reminders of open cases, which ingest books again (docs/deploy.md, upgrade).
    this.group = new ScheduleGroup(this, 'Group', { scheduleGroupName: props.groupName, removalPolicy: RemovalPolicy.DESTROY });
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

  get groupName(): string {
    return this.group.scheduleGroupName;
  }

  /** The remind function is the one target the role may invoke. */
  allowInvoking(remind: IFunction): void {
    remind.grantInvoke(this.role);
  }
}
