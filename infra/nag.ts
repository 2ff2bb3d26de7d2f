import { Stack, Token, Validations } from 'aws-cdk-lib';
import type { EscalationMailboxStack } from './stack.js';

const acknowledge = (scope: Parameters<typeof Validations.of>[0], id: string, reason: string) => {
  Validations.of(scope).acknowledge({ id, reason });
};

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

  const sesIdentity = `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:${stack.region}:${account}:identity/*]`;
  const fromOnly =
    'SES authorises sending against the verified identity, which may be the address or its domain; the ses:FromAddress condition pins the one From address the system sends as.';
  for (const fn of [ingest, remind, report]) acknowledge(fn, sesIdentity, fromOnly);
  acknowledge(
    stack.monthlyReport.schedulerRole,
    `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(report.node.defaultChild as never)}.Arn>:*]`,
    "Scheduler's Lambda target grants invoking the report function and its versions (the :* suffix); no other function.",
  );
  acknowledge(
    ingest,
    'AwsSolutions-IAM5[Resource::*]',
    'scheduler:ListSchedules has no resource-level permission; it is the only action granted on every resource.',
  );
  acknowledge(
    ingest,
    `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:${stack.region}:${account}:schedule/${stack.reminders.groupName}/*]`,
    "Schedules are named per case and reminder at run time; create, update and delete are limited to this stack's schedule group.",
  );
  acknowledge(
    ingest,
    `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(stack.intake.bucket.node.defaultChild as never)}.Arn>/incoming/*]`,
    "Raw messages are stored under SES's message id: read access is limited to the incoming/ prefix of the mail bucket.",
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

  const activation = stack.intake.node.tryFindChild('ActivateRuleSet');
  if (activation) {
    acknowledge(activation, 'AwsSolutions-IAM5[Resource::*]', 'ses:SetActiveReceiptRuleSet has no resource-level permission.');
    // The custom resource's provider function is a CDK singleton at the stack's root.
    const provider = Stack.of(stack).node.tryFindChild('AWS679f53fac002430cb0da5b7982bd2287');
    if (provider) acknowledge(provider, basicExecution, `${logsOnly.split(';')[0] ?? ''}; it belongs to CDK's AwsCustomResource provider.`);
  }
}
