import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { InfraConfig } from '../config.js';
import { DEPLOYMENT_FILE } from '../deployment-file.js';
import { handlerFunction } from './handler-function.js';
import { MAIL_PREFIX } from './mail-store.js';
import { sendRawEmailFrom } from './ses-sending.js';
import type { Reminders } from './reminders.js';

export interface FunctionsProps {
  config: InfraConfig;
  /** The validated deployment as a file, bundled beside each handler. */
  deploymentFile: string;
  table: ITableV2;
  mailBucket: IBucket;
  reminders: Reminders;
}

/** Claims on sends that belong to no case (SENT# items: reports, digests) and nothing else of the table: what report and digest may write. */
export function sendClaims(table: ITableV2): PolicyStatement {
  return new PolicyStatement({
    actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
    resources: [table.tableArn],
    conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SENT#*'] } },
  });
}

/** What a function that moves a case's schedule on is told: the group, the role and the dead letters (the remind function itself is the target). */
export function schedulerEnvironment(reminders: Reminders): Record<string, string> {
  return {
    SCHEDULE_GROUP: reminders.groupName,
    SCHEDULER_ROLE_ARN: reminders.role.roleArn,
    REMINDER_DLQ_ARN: reminders.deadLetterQueue.queueArn,
    REMINDER_MAX_RETRIES: '4',
    REMINDER_MAX_EVENT_AGE_SECONDS: String(6 * 3600),
  };
}

/** What a function that books reminders is told: that, and the remind function the schedules invoke. */
export function bookingEnvironment(reminders: Reminders, remind: IFunction): Record<string, string> {
  return { ...schedulerEnvironment(reminders), REMIND_FUNCTION_ARN: remind.functionArn };
}

/**
 * What moving a case's schedule on takes (the remind function): create and update schedules in
 * the group (an update, a create when the schedule is gone), and pass the role to Scheduler.
 */
export function allowRebooking(fn: LambdaFunction, reminders: Reminders): void {
  reminders.group.grantWriteSchedules(fn);
  // By hand: grantPassRole cannot add the condition that the role goes to Scheduler only.
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['iam:PassRole'],
      resources: [reminders.role.roleArn],
      conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
    }),
  );
}

/** What booking reminders takes (ingest, re-sync): that, and deleting the schedule of a case that closed. Nothing is listed. */
export function allowBooking(fn: LambdaFunction, reminders: Reminders): void {
  allowRebooking(fn, reminders);
  reminders.group.grantDeleteSchedules(fn);
}

/**
 * Sends on cases (Case.sends) and nothing else of the table: remind reads its case and claims its
 * reminder in one UpdateItem, marks it sent or gives it back, and reads a case whose claim was
 * refused (a grant method cannot add the LeadingKeys condition).
 */
export function caseSends(table: ITableV2): PolicyStatement {
  return new PolicyStatement({
    actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
    resources: [table.tableArn],
    conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CASE#*'] } },
  });
}

/** The two mail functions, ingest and remind, each with the least it needs. */
export class Functions extends Construct {
  readonly ingest: LambdaFunction;
  readonly remind: LambdaFunction;
  /** Asynchronous invocations that failed every retry. */
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    const { config, table, mailBucket, reminders } = props;
    this.failures = new Queue(this, 'FailedInvocations', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const deployment = { bundledFile: props.deploymentFile, environment: { CASE_TABLE: table.tableName, DEPLOYMENT_FILE } };

    // Remind: loads a case, sends one email, moves the case's schedule on. 256 MB and 30 s cover a
    // DynamoDB read, an SES call and a Scheduler call with retries.
    this.remind = this.fn('Remind', 'remind', {
      memorySize: 256,
      timeout: Duration.seconds(30),
      bundledFile: props.deploymentFile,
      environment: { ...deployment.environment, ...schedulerEnvironment(reminders) },
    });
    reminders.allowInvoking(this.remind);
    allowRebooking(this.remind, reminders);

    // Ingest: parses a message of up to 40 MB (memory is bounded by streaming attachments past), with S3, DynamoDB and Scheduler retries.
    this.ingest = this.fn('Ingest', 'ingest', {
      memorySize: 1024,
      timeout: Duration.seconds(60),
      bundledFile: props.deploymentFile,
      // A flood of mail waits in Lambda's async queue instead of taking the account's concurrency.
      reservedConcurrentExecutions: 20,
      environment: {
        ...deployment.environment,
        MAIL_BUCKET: mailBucket.bucketName,
        MAIL_PREFIX,
        ...bookingEnvironment(reminders, this.remind),
      },
    });

    // Exact item actions rather than grantReadWriteData (which adds Query, Scan and the indexes). The
    // table uses the AWS-owned key; a customer-managed key would also need table.encryptionKey grants.
    table.grant(
      this.ingest,
      'dynamodb:GetItem',
      'dynamodb:BatchGetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
    );
    // Remind reads its case and writes only the sends on it.
    this.remind.addToRolePolicy(caseSends(table));
    mailBucket.grantRead(this.ingest, `${MAIL_PREFIX}*`);
    const sendRaw = sendRawEmailFrom(this, config.deployment.fromAddress, config.verifiedDomains);
    this.ingest.addToRolePolicy(sendRaw);
    this.remind.addToRolePolicy(sendRaw);
    allowBooking(this.ingest, reminders);
  }

  private fn(
    id: string,
    entry: string,
    options: {
      memorySize: number;
      timeout: Duration;
      environment: Record<string, string>;
      bundledFile: string;
      reservedConcurrentExecutions?: number;
    },
  ): LambdaFunction {
    return handlerFunction(this, id, { entry, ...options, failures: this.failures });
  }
}
