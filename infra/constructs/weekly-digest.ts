import { Duration, Stack, TimeZone, Token, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { type Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { OPEN_INDEX } from '../../lib/aws/case-table.js';
import type { InfraConfig } from '../config.js';
import { DEPLOYMENT_FILE } from '../deployment-file.js';
import { sendClaims } from './functions.js';
import { handlerFunction } from './handler-function.js';
import { scheduledInvocation } from './scheduled-invocation.js';
import { sendRawEmailFrom } from './ses-sending.js';

export interface WeeklyDigestProps {
  config: InfraConfig;
  /** The validated deployment as a file, bundled beside the handler. */
  deploymentFile: string;
  table: ITableV2;
  /** Where the function's failed asynchronous invocations go. */
  failures: IQueue;
  /** Where Scheduler puts an invocation it could not deliver. */
  deadLetterQueue: IQueue;
}

/** Every Monday at 08:00 London time, the weekly picture to each mailbox's monitoring address. */
export class WeeklyDigest extends Construct {
  readonly function: LambdaFunction;
  readonly schedule: Schedule;
  /** The role Scheduler assumes to invoke the function. */
  readonly schedulerRole: Role;

  constructor(scope: Construct, id: string, props: WeeklyDigestProps) {
    super(scope, id);
    const { config, table } = props;
    // Reads the open cases, the pending reviews and last week's corrections (all on one index), sends one email a mailbox.
    this.function = handlerFunction(this, 'Function', {
      entry: 'digest',
      memorySize: 256,
      timeout: Duration.minutes(1),
      environment: { CASE_TABLE: table.tableName, DEPLOYMENT_FILE },
      bundledFile: props.deploymentFile,
      failures: props.failures,
    });
    this.function.addToRolePolicy(
      new PolicyStatement({ actions: ['dynamodb:Query'], resources: [`${table.tableArn}/index/${OPEN_INDEX.name}`] }),
    );
    // A claim per mailbox and week, so a retried run never sends twice.
    this.function.addToRolePolicy(sendClaims(table));
    this.function.addToRolePolicy(sendRawEmailFrom(this, config.deployment.fromAddress, config.verifiedDomains));

    ({ role: this.schedulerRole, schedule: this.schedule } = scheduledInvocation(this, this.function, {
      target: 'the weekly digest function',
      description: 'The weekly picture of open cases, reviews waiting and corrections, for each partnership',
      schedule: ScheduleExpression.cron({ minute: '0', hour: '8', weekDay: 'MON', timeZone: TimeZone.EUROPE_LONDON }),
      deadLetterQueue: props.deadLetterQueue,
    }));
    this.acknowledgeFindings();
  }

  /** cdk-nag findings of this construct, acknowledged here with the same reasons as the stack's other functions. */
  private acknowledgeFindings(): void {
    const stack = Stack.of(this);
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    const acknowledge = (scope: Construct, id: string, reason: string) => {
      Validations.of(scope).acknowledge({ id, reason });
    };
    acknowledge(
      this.function,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'AWSLambdaBasicExecutionRole grants only CloudWatch Logs writes (CreateLogGroup, CreateLogStream, PutLogEvents); the log group is created by this stack with a retention.',
    );
    acknowledge(
      this.function,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:${stack.region}:${account}:identity/*]`,
      'SES authorises sending against the verified identity, which may be the address or its domain; the ses:FromAddress condition pins the one From address the system sends as.',
    );
    acknowledge(
      this.schedulerRole,
      `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.function.node.defaultChild as never)}.Arn>:*]`,
      "Scheduler's Lambda target grants invoking the digest function and its versions (the :* suffix); no other function.",
    );
  }
}
