import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { InfraConfig } from '../config.js';
import { handlerFunction } from './handler-function.js';
import { sendRawEmailFrom } from './ses-sending.js';
import type { Reminders } from './reminders.js';

/** Where incoming raw mail is stored by SES's S3 action. */
export const MAIL_PREFIX = 'incoming/';

export interface FunctionsProps {
  config: InfraConfig;
  table: ITableV2;
  mailBucket: IBucket;
  reminders: Reminders;
}

/** The two mail functions, ingest and remind, each with the least it needs. */
/** Claims on sends (SENT# items) and nothing else of the table: what remind and report may write. */
export function sendClaims(table: ITableV2): PolicyStatement {
  return new PolicyStatement({
    actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
    resources: [table.tableArn],
    conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SENT#*'] } },
  });
}

export class Functions extends Construct {
  readonly ingest: NodejsFunction;
  readonly remind: NodejsFunction;
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
    const deployment = JSON.stringify(config.deployment);

    // Remind: loads a case, sends one email. 256 MB and 30 s cover a DynamoDB read and an SES call with retries.
    this.remind = this.fn('Remind', 'remind', {
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment: { CASE_TABLE: table.tableName, DEPLOYMENT: deployment },
    });
    reminders.allowInvoking(this.remind);

    // Ingest: parses a message of up to 40 MB (memory is bounded by streaming attachments past), with S3, DynamoDB and Scheduler retries.
    this.ingest = this.fn('Ingest', 'ingest', {
      memorySize: 1024,
      timeout: Duration.seconds(60),
      // A flood of mail waits in Lambda's async queue instead of taking the account's concurrency.
      reservedConcurrentExecutions: 20,
      environment: {
        CASE_TABLE: table.tableName,
        DEPLOYMENT: deployment,
        MAIL_BUCKET: mailBucket.bucketName,
        MAIL_PREFIX,
        SCHEDULE_GROUP: reminders.groupName,
        REMIND_FUNCTION_ARN: this.remind.functionArn,
        SCHEDULER_ROLE_ARN: reminders.role.roleArn,
        REMINDER_DLQ_ARN: reminders.deadLetterQueue.queueArn,
        REMINDER_MAX_RETRIES: '4',
        REMINDER_MAX_EVENT_AGE_SECONDS: String(6 * 3600),
      },
    });

    const caseItems = [
      'dynamodb:GetItem',
      'dynamodb:BatchGetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
    ];
    this.ingest.addToRolePolicy(new PolicyStatement({ actions: caseItems, resources: [table.tableArn] }));
    // Remind reads its case and its send's claim, and writes only claims (SENT# items).
    this.remind.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CASE#*', 'SENT#*'] } },
      }),
    );
    this.remind.addToRolePolicy(sendClaims(table));
    this.ingest.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [mailBucket.arnForObjects(`${MAIL_PREFIX}*`)] }),
    );
    const sendRaw = sendRawEmailFrom(this, config.deployment.fromAddress);
    this.ingest.addToRolePolicy(sendRaw);
    this.remind.addToRolePolicy(sendRaw);
    this.ingest.addToRolePolicy(
      new PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
        resources: [reminders.schedulesArn()],
      }),
    );
    // ListSchedules has no resource-level permission: it can only be granted on every resource.
    this.ingest.addToRolePolicy(new PolicyStatement({ actions: ['scheduler:ListSchedules'], resources: ['*'] }));
    this.ingest.addToRolePolicy(
      new PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [reminders.role.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
  }

  private fn(
    id: string,
    entry: string,
    options: { memorySize: number; timeout: Duration; environment: Record<string, string>; reservedConcurrentExecutions?: number },
  ): NodejsFunction {
    return handlerFunction(this, id, { entry, ...options, failures: this.failures });
  }
}
