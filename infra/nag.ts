import { Stack, Token, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { EscalationMailboxStack } from './stack.js';

const acknowledge = (scope: IConstruct, id: string, reason: string) => {
  Validations.of(scope).acknowledge({ id, reason });
};

const logicalId = (scope: IConstruct) => Stack.of(scope).getLogicalId(scope.node.defaultChild as never);

/** cdk-nag findings acknowledged, each on its own construct, each with the reason a reviewer would want. */
export function acknowledgeFindings(stack: EscalationMailboxStack): void {
  // Finding ids quote the resource as synthesised: the account is a token unless the stack pins one.
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  const basicExecution = 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';
  const logsOnly =
    'AWSLambdaBasicExecutionRole grants only CloudWatch Logs writes (CreateLogGroup, CreateLogStream, PutLogEvents); the log groups are created by this stack with a retention.';
  const { ingest, remind, failures } = stack.functions;
  const report = stack.monthlyReport.function;
  for (const fn of [ingest, remind, report]) acknowledge(fn, basicExecution, logsOnly);

  acknowledge(
    stack.monthlyReport.schedulerRole,
    `AwsSolutions-IAM5[Resource::<${logicalId(report)}.Arn>:*]`,
    "Scheduler's Lambda target grants invoking the report function and its versions (the :* suffix); no other function.",
  );
  acknowledge(
    stack.reminders.role,
    `AwsSolutions-IAM5[Resource::<${logicalId(remind)}.Arn>:*]`,
    'grantInvoke names the remind function and its versions (the :* suffix); no other function.',
  );
  for (const fn of [ingest, remind])
    acknowledge(
      fn,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:${stack.region}:${account}:schedule/${stack.reminders.groupName}/*]`,
      "Each case's schedule is named by its reference at run time; create, update and delete are limited to this stack's schedule group.",
    );
  const bucket = `${stack.stackName.toLowerCase()}-raw-mail-<AWS::AccountId>-<AWS::Region>`;
  const partition = Token.isUnresolved(stack.partition) ? '<AWS::Partition>' : stack.partition;
  const mailObjects = `AwsSolutions-IAM5[Resource::arn:${partition}:s3:::${bucket}/incoming/*]`;
  acknowledge(ingest, mailObjects, "Raw messages are stored under SES's message id: read access is limited to the incoming/ prefix.");
  for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*'])
    acknowledge(
      ingest,
      `AwsSolutions-IAM5[Action::${action}]`,
      'bucket.grantRead: read-only actions, on the incoming/ prefix of the mail bucket only.',
    );

  acknowledge(
    failures,
    'AwsSolutions-SQS3',
    'This queue is the on-failure destination of the functions: it is itself the dead-letter queue.',
  );
  acknowledge(
    stack.reminders.deadLetterQueue,
    'AwsSolutions-SQS3',
    "This queue is EventBridge Scheduler's dead-letter queue: it is itself the dead-letter queue.",
  );

  const activation = stack.intake.activation;
  if (activation) {
    acknowledge(activation.function, basicExecution, logsOnly);
    acknowledge(
      activation.function,
      'AwsSolutions-IAM5[Resource::*]',
      'ses:DescribeActiveReceiptRuleSet and ses:SetActiveReceiptRuleSet have no resource-level permission.',
    );
    const framework = activation.provider;
    acknowledge(framework, basicExecution, `${logsOnly.split(';')[0] ?? ''}; it belongs to CDK's custom resource Provider framework.`);
    acknowledge(
      framework,
      `AwsSolutions-IAM5[Resource::<${logicalId(activation.function)}.Arn>:*]`,
      "The Provider framework invokes the activation function and its versions (CDK's grantInvoke).",
    );
    acknowledge(framework, 'AwsSolutions-L1', "The Provider framework's own function runs the runtime CDK chose for it.");
  }
}
