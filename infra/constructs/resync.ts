import { CfnResource, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { InvocationType, Trigger } from 'aws-cdk-lib/triggers';
import { Construct } from 'constructs';
import { OPEN_INDEX } from '../../lib/aws/case-table.js';
import type { InfraConfig } from '../config.js';
import { DEPLOYMENT_FILE } from '../deployment-file.js';
import { allowBooking, bookingEnvironment, caseSends } from './functions.js';
import { handlerFunction } from './handler-function.js';
import type { Reminders } from './reminders.js';
import { sendRawEmailFrom } from './ses-sending.js';

export interface ResyncAfterDeployProps {
  config: InfraConfig;
  /** The validated deployment as a file, bundled beside the handler. */
  deploymentFile: string;
  table: ITableV2;
  reminders: Reminders;
  /** The function the booked schedules invoke. */
  remind: LambdaFunction;
  /** Where the function's failed asynchronous invocations go. */
  failures: IQueue;
  /** What must exist before the first run: the service's functions and the reminders' group, role and dead letters. */
  after: Construct[];
}

/**
 * After a deploy that changed the policies, the closure days or the code, every open case's
 * schedule made right (functions/resync.ts): it names the case's next reminder under the
 * deployed policy and closure days; a reminder whose deadline moved answers not-in-plan.
 */
export class ResyncAfterDeploy extends Construct {
  readonly function: LambdaFunction;
  readonly trigger: Trigger;

  constructor(scope: Construct, id: string, props: ResyncAfterDeployProps) {
    super(scope, id);
    const { config, table, reminders } = props;
    // One schedule call per open case, one after another: minutes for thousands of cases.
    this.function = handlerFunction(this, 'Function', {
      entry: 'resync',
      memorySize: 512,
      timeout: Duration.minutes(10),
      environment: { CASE_TABLE: table.tableName, DEPLOYMENT_FILE, ...bookingEnvironment(reminders, props.remind) },
      bundledFile: props.deploymentFile,
      failures: props.failures,
      // Two deploys in quick succession re-sync one after the other: Lambda's async queue holds the second.
      reservedConcurrentExecutions: 1,
    });
    // Reads the open cases on their index; books as ingest does; a reminder due now is sent in process, as remind does.
    this.function.addToRolePolicy(
      new PolicyStatement({ actions: ['dynamodb:Query'], resources: [`${table.tableArn}/index/${OPEN_INDEX.name}`] }),
    );
    allowBooking(this.function, reminders);
    this.function.addToRolePolicy(caseSends(table));
    this.function.addToRolePolicy(sendRawEmailFrom(this, config.deployment.fromAddress, config.verifiedDomains));

    // The Trigger invokes the function's current version, whose identity derives from the bundled code
    // and deployment file and from the environment: CloudFormation updates the Trigger, and so runs
    // it, whenever a policy, a closure day, the code or a reminder setting changes (not on a no-op deploy).
    // executeOnHandlerChange must stay true: with false, CDK's provider skips every update and the
    // re-sync would run on the first deploy only.
    this.trigger = new Trigger(this, 'AfterDeploy', {
      handler: this.function,
      executeOnHandlerChange: true,
      // Asynchronously: a deploy neither waits minutes nor rolls back over one case; failures retry,
      // alarm, and land in the failed-invocations queue like any other function's.
      invocationType: InvocationType.EVENT,
      executeAfter: [...props.after, this.function],
    });
    // A version is only the Trigger's handle on the code: an old one is not kept.
    this.function.currentVersion.applyRemovalPolicy(RemovalPolicy.DESTROY);
    this.keepTriggerLogs();
    this.acknowledgeFindings(reminders.groupName);
  }

  /**
   * CDK's trigger provider (one per stack, outside this construct) logs each invocation to a log
   * group Lambda would create without a retention: it gets one made here, kept as the functions' are.
   */
  private keepTriggerLogs(): void {
    const stack = Stack.of(this);
    const provider = stack.node.tryFindChild('AWSCDK.TriggerCustomResourceProviderCustomResourceProvider');
    const handler = provider?.node.tryFindChild('Handler');
    if (!(handler instanceof CfnResource)) throw new Error("CDK's trigger provider is not where this CDK version put it");
    const logs = new LogGroup(this, 'TriggerLogs', { retention: RetentionDays.SIX_MONTHS });
    handler.addPropertyOverride('LoggingConfig', { LogGroup: logs.logGroupName });
  }

  /** cdk-nag findings of this construct, acknowledged here with the same reasons as the stack's other functions. */
  private acknowledgeFindings(groupName: string): void {
    const stack = Stack.of(this);
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    const acknowledge = (id: string, reason: string) => {
      Validations.of(this.function).acknowledge({ id, reason });
    };
    acknowledge(
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'AWSLambdaBasicExecutionRole grants only CloudWatch Logs writes (CreateLogGroup, CreateLogStream, PutLogEvents); the log group is created by this stack with a retention.',
    );
    acknowledge(
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:${stack.region}:${account}:identity/*]`,
      'SES authorises sending against the verified identity, which may be the address or its domain; the ses:FromAddress condition pins the one From address the system sends as.',
    );
    acknowledge(
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:${stack.region}:${account}:schedule/${groupName}/*]`,
      "Each case's schedule is named by its reference at run time; create, update and delete are limited to this stack's schedule group.",
    );
  }
}
