import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.js';
import { InfraConfigError, readInfraConfig } from '../../infra/config.js';
import { mailboxLabel } from '../../lib/metrics.js';
import { BUILT_IN_POLICY_IDS, builtInPolicy } from '../../lib/policy/registry.js';

const MAILBOX = 'safeguardingpartnership@mail.swindon-ssp.example';
const mailbox = {
  address: MAILBOX,
  policy: 'swindon',
  partnershipAddresses: ['safeguardingpartnership@swindon-ssp.example'],
  monitoringAddress: 'safeguardingpartnership@swindon-ssp.example',
};
const config = {
  region: 'eu-west-2',
  account: '123456789012',
  verifiedDomains: ['mail.swindon-ssp.example'],
  deployment: {
    mailboxes: [mailbox],
    fromAddress: 'escalations@mail.swindon-ssp.example',
    loopId: 'escalations@mail.swindon-ssp.example',
  },
  alarmEmail: 'admin@swindon-ssp.example',
  rawMailRetentionDays: 90,
};
const flags = (JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> })
  .context;
/** An app as `cdk synth` makes it; `bundle: false` skips esbuild (as `cdk deploy` does for stacks it does not deploy) to save time. */
const appWith = (context: unknown, bundle = false) =>
  buildApp(
    new App({
      outdir: mkdtempSync(join(tmpdir(), 'infra-out-')),
      context: {
        ...flags,
        escalationMailbox: context,
        'aws:cdk:enable-asset-metadata': true,
        ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      },
    }),
  );

let template: Template;
let dataTemplate: Template;
let outdir: string;
let synthError: unknown;
beforeAll(async () => {
  const { app, stack, data } = await appWith(config, true);
  try {
    outdir = app.synth().directory;
  } catch (error) {
    synthError = error;
  }
  template = Template.fromStack(stack);
  dataTemplate = Template.fromStack(data);
}, 180_000);

type Statement = { Sid?: string; Effect?: string; Action: string | string[]; Resource: unknown; Condition?: unknown; Principal?: unknown };
const statementsIn = (t: Template, type: string) =>
  Object.values(t.findResources(type)).flatMap(
    (r) =>
      (r as { Properties: { PolicyDocument?: { Statement: Statement[] }; KeyPolicy?: { Statement: Statement[] } } }).Properties[
        type === 'AWS::KMS::Key' ? 'KeyPolicy' : 'PolicyDocument'
      ]?.Statement ?? [],
  );
const statementsOf = (type: string) => statementsIn(template, type);
type Fn = {
  Properties: { MemorySize: number; Timeout?: number; Environment?: { Variables: Record<string, unknown> } };
  Metadata?: Record<string, string>;
};
/** The environment of a function that moves case schedules on (remind); one that books them also names the remind function. */
const SCHEDULER_VARIABLES = [
  'CASE_TABLE',
  'DEPLOYMENT_FILE',
  'NODE_OPTIONS',
  'REMINDER_DLQ_ARN',
  'REMINDER_MAX_EVENT_AGE_SECONDS',
  'REMINDER_MAX_RETRIES',
  'SCHEDULER_ROLE_ARN',
  'SCHEDULE_GROUP',
];
const functionsOf = (t: Template) => Object.values(t.findResources('AWS::Lambda::Function')) as Fn[];
/** Lambda counts the bytes of every key and value; a value CloudFormation fills in (an ARN, a name) counted at 256. */
const environmentBytes = (fn: Fn) =>
  Object.entries(fn.Properties.Environment?.Variables ?? {}).reduce(
    (sum, [key, value]) => sum + Buffer.byteLength(key) + (typeof value === 'string' ? Buffer.byteLength(value) : 256),
    0,
  );

describe('the stacks', () => {
  it('pass cdk-nag (AwsSolutions) with every finding acknowledged', () => {
    expect(synthError).toBeUndefined();
  });

  it('fail synth when a finding is not acknowledged', async () => {
    const { app, stack } = await appWith(config);
    stack.functions.remind.addToRolePolicy(new PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    expect(() => app.synth()).toThrow();
  }, 120_000);

  it('set every feature flag CDK recommends, deliberately, in cdk.json', () => {
    const recommended = JSON.parse(
      readFileSync(new URL('../../node_modules/aws-cdk-lib/recommended-feature-flags.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    expect(Object.keys(recommended).length).toBeGreaterThan(50);
    for (const [flag, value] of Object.entries(recommended)) expect(flags[flag], flag).toEqual(value);
  });

  it('keep what must outlive a deploy in the data stack, retained, and nothing stateful in the service stack', () => {
    for (const type of ['AWS::DynamoDB::GlobalTable', 'AWS::S3::Bucket'])
      for (const resource of Object.values(dataTemplate.findResources(type)))
        expect(resource).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    dataTemplate.resourceCountIs('AWS::KMS::Key', 1);
    for (const type of ['AWS::DynamoDB::GlobalTable', 'AWS::DynamoDB::Table', 'AWS::S3::Bucket', 'AWS::KMS::Key'])
      template.resourceCountIs(type, 0);
    // Found by name, not through exports, so the data stack never waits on the service stack.
    expect(JSON.stringify(template.toJSON())).not.toContain('Fn::ImportValue');
  });
});

describe('the data stack', () => {
  it('keeps cases in a named on-demand table with point-in-time recovery, deletion protection, encryption and a TTL', () => {
    dataTemplate.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: 'EscalationMailbox-cases',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'byOpenedMonth' }), Match.objectLike({ IndexName: 'openCases' })],
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [
        Match.objectLike({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
      ],
    });
  });

  it('stores raw mail encrypted, private, over TLS only, for the retention period, written only by this receipt rule', () => {
    dataTemplate.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LifecycleConfiguration: { Rules: [Match.objectLike({ Prefix: 'incoming/', ExpirationInDays: 90, Status: 'Enabled' })] },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'raw-mail/' }),
    });
    const bucketPolicies = statementsIn(dataTemplate, 'AWS::S3::BucketPolicy');
    const sesWrites = bucketPolicies.filter((s) => JSON.stringify(s).includes('ses.amazonaws.com'));
    expect(sesWrites).toHaveLength(1);
    expect(sesWrites[0]).toMatchObject({ Action: 's3:PutObject', Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } });
    expect(JSON.stringify(sesWrites[0])).toContain(
      ':ses:eu-west-2:123456789012:receipt-rule-set/EscalationMailbox-intake:receipt-rule/EscalationMailbox-deliver',
    );
    expect(JSON.stringify(sesWrites[0])).toContain('/incoming/*');
    expect(bucketPolicies.some((s) => JSON.stringify(s).includes('"aws:SecureTransport":"false"'))).toBe(true);
  });
});

describe('the alarm path', () => {
  const alarmArn = 'arn:aws:cloudwatch:eu-west-2:123456789012:alarm:EscalationMailbox-*';

  it('encrypts the topic with a customer-managed, rotated key whose policy lets this stack’s alarms, and only them, use it', () => {
    dataTemplate.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    dataTemplate.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/EscalationMailbox-alarms' });
    const cloudwatch = statementsIn(dataTemplate, 'AWS::KMS::Key').filter((s) => JSON.stringify(s.Principal).includes('cloudwatch'));
    expect(cloudwatch).toEqual([
      expect.objectContaining({
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' }, ArnLike: { 'aws:SourceArn': alarmArn } },
      }),
    ]);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.stringLikeRegexp('alias/EscalationMailbox-alarms') });
    expect(JSON.stringify(template.toJSON())).not.toContain('alias/aws/sns');
  });

  it('lets CloudWatch publish to the topic for this stack’s alarms only', () => {
    const publish = statementsOf('AWS::SNS::TopicPolicy').filter((s) => s.Action === 'sns:Publish' && s.Effect === 'Allow');
    expect(publish).toEqual([
      expect.objectContaining({
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' }, ArnLike: { 'aws:SourceArn': alarmArn } },
      }),
    ]);
  });

  it('alarms on errors, throttles and dead letters, each named so that the key and topic policies cover it', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 12); // errors and throttles of five functions, two dead-letter queues
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'admin@swindon-ssp.example' });
    for (const alarm of Object.values(template.findResources('AWS::CloudWatch::Alarm'))) {
      const props = (alarm as { Properties: { AlarmName: string; AlarmActions: unknown[] } }).Properties;
      expect(props.AlarmName).toMatch(/^EscalationMailbox-/);
      expect(props.AlarmActions).toHaveLength(1);
    }
  });

  it('has no "no mail received" alarm unless asked for', () => {
    expect(JSON.stringify(template.findResources('AWS::CloudWatch::Alarm'))).not.toContain('MailboxMessages');
  });

  it('when asked, alarms per mailbox after N working days without mail (N + 2 calendar days, a day without data counting as none)', async () => {
    const second = { ...mailbox, address: 'second@mail.swindon-ssp.example' };
    const { stack } = await appWith({
      ...config,
      quietMailboxAlarmWorkingDays: 3,
      deployment: { ...config.deployment, mailboxes: [mailbox, second] },
    });
    const quiet = Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm', {
      Properties: { MetricName: 'MailboxMessages' },
    });
    expect(Object.values(quiet).map((a) => (a as { Properties: unknown }).Properties)).toEqual(
      [MAILBOX, second.address].map((address): unknown =>
        expect.objectContaining({
          Namespace: 'EscalationMailbox',
          Dimensions: expect.arrayContaining([
            { Name: 'Mailbox', Value: mailboxLabel(address) },
            { Name: 'service', Value: 'ingest' },
          ]) as unknown,
          Period: 86_400,
          Statistic: 'Sum',
          EvaluationPeriods: 5,
          ComparisonOperator: 'LessThanThreshold',
          Threshold: 1,
          TreatMissingData: 'breaching',
          AlarmName: expect.stringMatching(/^EscalationMailbox-/) as unknown,
        }),
      ),
    );
  }, 120_000);

  it('gives operators a dashboard of messages, cases, reminders, failures and the functions’ health', () => {
    const body = JSON.stringify(template.findResources('AWS::CloudWatch::Dashboard'));
    for (const title of ['Messages by outcome', 'Cases', 'Reminders sent', 'Send failures', 'Function errors', 'dead letters'])
      expect(body).toContain(title);
    expect(body).toContain('EscalationMailbox');
  });
});

describe('the service stack', () => {
  it('receives the mailboxes with scanning: the S3 action, then the ingest function as an Event', () => {
    template.hasResourceProperties('AWS::SES::ReceiptRuleSet', { RuleSetName: 'EscalationMailbox-intake' });
    template.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: {
        Name: 'EscalationMailbox-deliver',
        Enabled: true,
        Recipients: [MAILBOX],
        ScanEnabled: true,
        TlsPolicy: 'Require',
        Actions: [
          { S3Action: { BucketName: Match.anyValue(), ObjectKeyPrefix: 'incoming/' } },
          { LambdaAction: { FunctionArn: Match.anyValue(), InvocationType: 'Event' } },
        ],
      },
    });
    // Only this receipt rule may invoke ingest: SES's permission names the rule, not just the account.
    const sesPermissions = Object.values(
      template.findResources('AWS::Lambda::Permission', { Properties: { Principal: 'ses.amazonaws.com' } }),
    );
    expect(sesPermissions).toHaveLength(1);
    expect(JSON.stringify(sesPermissions[0])).toContain(
      ':receipt-rule-set/EscalationMailbox-intake:receipt-rule/EscalationMailbox-deliver',
    );
    expect(sesPermissions[0]?.Properties).toHaveProperty('SourceAccount');
  });

  it('activates its rule set through a function that may only describe and set the active rule set', () => {
    template.hasResourceProperties('Custom::ActiveReceiptRuleSet', { RuleSetName: 'EscalationMailbox-intake' });
    const ses = statementsOf('AWS::IAM::Policy').filter((s) => JSON.stringify(s.Action).includes('ses:') && s.Resource === '*');
    expect(ses).toEqual([
      expect.objectContaining({ Action: ['ses:DescribeActiveReceiptRuleSet', 'ses:SetActiveReceiptRuleSet'], Resource: '*' }),
    ]);
  });

  it('leaves the active rule set alone when it is managed elsewhere', async () => {
    const { stack } = await appWith({ ...config, activateRuleSet: false });
    Template.fromStack(stack).resourceCountIs('Custom::ActiveReceiptRuleSet', 0);
  }, 120_000);

  it('books reminders in an L2 schedule group whose role may only invoke the remind function and reach its dead-letter queue', () => {
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'EscalationMailbox-reminders' });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
          }),
        ],
      },
    });
    const schedulerPolicy = Object.values(template.findResources('AWS::IAM::Policy')).find((p) =>
      JSON.stringify(p).includes('RemindersSchedulerRole'),
    );
    const actions = (
      schedulerPolicy as { Properties: { PolicyDocument: { Statement: Statement[] } } }
    ).Properties.PolicyDocument.Statement.flatMap((s) => s.Action);
    expect(actions.sort()).toEqual(['lambda:InvokeFunction', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'].sort());
  });

  it('runs every function on nodejs24.x arm64; the three mail functions sized, retried and with a failure destination', () => {
    for (const fn of functionsOf(template)) expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x' });
    for (const [memory, timeout] of [
      [1024, 60],
      [256, 30],
      [512, 120],
      [256, 60],
    ]) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: memory,
        Timeout: timeout,
        Handler: 'index.handler',
      });
    }
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 180 });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          MAIL_PREFIX: 'incoming/',
          SCHEDULE_GROUP: 'EscalationMailbox-reminders',
          REMINDER_MAX_RETRIES: '4',
          DEPLOYMENT_FILE: 'deployment.json',
        }),
      },
    });
  });

  it('bundles the validated deployment beside each mail function’s handler, not in its environment', () => {
    const mailFunctions = functionsOf(template).filter((fn) => fn.Properties.Environment?.Variables.DEPLOYMENT_FILE !== undefined);
    expect(mailFunctions).toHaveLength(5);
    for (const fn of mailFunctions) {
      expect(fn.Properties.Environment?.Variables.DEPLOYMENT).toBeUndefined();
      const asset = fn.Metadata?.['aws:asset:path'] ?? '';
      const bundled = JSON.parse(readFileSync(join(outdir, asset, 'deployment.json'), 'utf8')) as {
        mailboxes: { address: string; policy: unknown }[];
      };
      expect(bundled.mailboxes).toEqual([expect.objectContaining({ address: MAILBOX, policy: 'swindon' })]);
    }
  });

  it('grants wildcard actions only through bucket.grantRead, and a wildcard resource only where AWS offers no other', () => {
    const statements = statementsOf('AWS::IAM::Policy');
    expect(statements.length).toBeGreaterThan(5);
    for (const statement of statements) {
      const actions = [statement.Action].flat();
      if (actions.some((a) => a.includes('*'))) expect(actions.every((a) => a.startsWith('s3:Get') || a.startsWith('s3:List'))).toBe(true);
      if (statement.Resource === '*') expect(actions).toEqual(['ses:DescribeActiveReceiptRuleSet', 'ses:SetActiveReceiptRuleSet']);
      // A case's schedule follows from the case: nothing lists schedules.
      expect(actions).not.toContain('scheduler:ListSchedules');
    }
    const sending = statements.filter((s) => s.Action === 'ses:SendRawEmail');
    expect(sending).toHaveLength(5);
    for (const s of sending) {
      expect(s.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'escalations@mail.swindon-ssp.example' } });
      expect(JSON.stringify(s.Resource)).toMatch(/identity\/escalations@mail\.swindon-ssp\.example.*identity\/mail\.swindon-ssp\.example/);
    }
    const passRole = statements.filter((s) => s.Action === 'iam:PassRole');
    expect(passRole).toHaveLength(3); // ingest's, remind's and the re-sync's
    for (const s of passRole) expect(s.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } });
    const schedules = statements.filter((s) => JSON.stringify(s.Action).includes('CreateSchedule'));
    expect(schedules).toHaveLength(3);
    for (const s of schedules) expect(JSON.stringify(s.Resource)).toContain(':schedule/EscalationMailbox-reminders/*');
    const tableWrites = statements.filter((s) => JSON.stringify(s.Action).includes('dynamodb:PutItem'));
    for (const s of tableWrites) expect(JSON.stringify(s.Resource)).toContain(':table/EscalationMailbox-cases');
  });

  it('sends the monthly report at 07:00 London time on the 1st, from a function that may only query the report’s indexes', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 7 1 * ? *)',
      ScheduleExpressionTimezone: 'Europe/London',
      State: 'ENABLED',
      Target: Match.objectLike({
        Input: '{}',
        RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 21_600 },
        DeadLetterConfig: { Arn: Match.anyValue() },
      }),
    });
    const queries = statementsOf('AWS::IAM::Policy').filter((s) => s.Action === 'dynamodb:Query');
    expect(queries).toHaveLength(3); // the monthly report's, the weekly digest's and the re-sync's
    const reportQuery = queries.filter((s) => JSON.stringify(s.Resource).includes('byOpenedMonth'));
    expect(reportQuery).toHaveLength(1);
    expect(JSON.stringify(reportQuery[0]?.Resource)).toMatch(/\/index\/byOpenedMonth.*\/index\/openCases/);
    const reportFunction = functionsOf(template).find((r) => r.Properties.MemorySize === 512);
    expect(Object.keys(reportFunction?.Properties.Environment?.Variables ?? {}).sort()).toEqual([
      'CASE_TABLE',
      'DEPLOYMENT_FILE',
      'NODE_OPTIONS',
    ]);
  });

  it('sends the weekly digest at 08:00 London time every Monday, from a function that may only query the open-cases index', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 8 ? * MON *)',
      ScheduleExpressionTimezone: 'Europe/London',
      State: 'ENABLED',
      Target: Match.objectLike({
        Input: '{}',
        RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 21_600 },
        DeadLetterConfig: { Arn: Match.anyValue() },
      }),
    });
    const digestQuery = statementsOf('AWS::IAM::Policy').filter(
      (s) => s.Action === 'dynamodb:Query' && !JSON.stringify(s.Resource).includes('byOpenedMonth'),
    );
    expect(digestQuery).toHaveLength(2); // the digest's and the re-sync's
    for (const s of digestQuery) expect(JSON.stringify(s.Resource)).toMatch(/\/index\/openCases"/);
    const digestFunction = functionsOf(template).find((r) => r.Properties.Timeout === 60 && r.Properties.MemorySize === 256);
    expect(Object.keys(digestFunction?.Properties.Environment?.Variables ?? {}).sort()).toEqual([
      'CASE_TABLE',
      'DEPLOYMENT_FILE',
      'NODE_OPTIONS',
    ]);
  });

  it('re-syncs open cases from a nodejs24.x function that may only read open cases, book reminders and send those due', () => {
    const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
    const [id, resync] =
      Object.entries(resources).find(([key, r]) => r.Type === 'AWS::Lambda::Function' && key.startsWith('ResyncFunction')) ?? [];
    expect(resync?.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 600,
      ReservedConcurrentExecutions: 1,
    });
    // Ingest's booking settings, without the mail bucket it never reads.
    const variables = (resync?.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(variables).sort()).toEqual([...SCHEDULER_VARIABLES, 'REMIND_FUNCTION_ARN'].sort());
    expect(variables).toMatchObject({ SCHEDULE_GROUP: 'EscalationMailbox-reminders', REMINDER_MAX_RETRIES: '4' });
    expect(JSON.stringify(variables.REMIND_FUNCTION_ARN)).toContain('FunctionsRemind');
    const role = JSON.stringify((resync?.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]);
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p).includes(role));
    expect(policies).toHaveLength(1);
    const statements = (policies[0] as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement;
    const byAction = (action: string) => statements.filter((s) => [s.Action].flat().includes(action));
    expect(statements.flatMap((s) => [s.Action].flat()).sort()).toEqual(
      [
        'dynamodb:Query',
        'scheduler:CreateSchedule',
        'scheduler:UpdateSchedule',
        'scheduler:DeleteSchedule',
        'iam:PassRole',
        'dynamodb:GetItem',
        'dynamodb:UpdateItem',
        'ses:SendRawEmail',
        // The failure destination: a run that failed every retry goes to the failed-invocations queue.
        'sqs:SendMessage',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
      ].sort(),
    );
    expect(JSON.stringify(byAction('sqs:SendMessage')[0]?.Resource)).toContain('FunctionsFailedInvocations');
    expect(JSON.stringify(byAction('dynamodb:Query')[0]?.Resource)).toMatch(/\/index\/openCases"/);
    expect(byAction('iam:PassRole')[0]?.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } });
    for (const action of ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'])
      expect(JSON.stringify(byAction(action)[0]?.Resource)).toContain(':schedule/EscalationMailbox-reminders/*');
    // Reads cases and writes only the sends on them (a reminder due now): a re-sync never changes a case's facts.
    expect(byAction('dynamodb:UpdateItem')).toEqual([
      expect.objectContaining({ Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CASE#*'] } } }),
    ]);
    expect(id).toBeDefined();
  });

  it("lets the remind function move a case's schedule on: create and update in the group, pass the role, and nothing else of Scheduler", () => {
    const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
    const remind = Object.entries(resources).find(
      ([key, r]) => r.Type === 'AWS::Lambda::Function' && key.startsWith('FunctionsRemind'),
    )?.[1];
    const variables = (remind?.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    // Its schedules' target is itself: named at run time, since a function cannot refer to itself in its environment.
    expect(Object.keys(variables).sort()).toEqual([...SCHEDULER_VARIABLES].sort());
    const role = JSON.stringify((remind?.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]);
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p).includes(role));
    const statements = policies.flatMap(
      (p) => (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement,
    );
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions.filter((a) => a.startsWith('scheduler:')).sort()).toEqual(['scheduler:CreateSchedule', 'scheduler:UpdateSchedule']);
    const schedules = statements.find((s) => [s.Action].flat().includes('scheduler:UpdateSchedule'));
    expect(JSON.stringify(schedules?.Resource)).toContain(':schedule/EscalationMailbox-reminders/*');
    const passRole = statements.find((s) => s.Action === 'iam:PassRole');
    expect(JSON.stringify(passRole?.Resource)).toContain('RemindersSchedulerRole');
    expect(passRole?.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } });
  });

  it('runs the re-sync, asynchronously, once the service’s functions and reminders exist, whenever its version changes', () => {
    const resources = template.toJSON().Resources as Record<string, { Type: string; DependsOn?: string[]; DeletionPolicy?: string }>;
    const idOf = (type: string, prefix: string) =>
      Object.keys(resources).find((key) => resources[key]?.Type === type && key.startsWith(prefix)) ?? `no ${prefix}`;
    const triggers = template.findResources('Custom::Trigger');
    expect(Object.keys(triggers)).toHaveLength(1);
    const trigger = Object.values(triggers)[0] as { Properties: Record<string, unknown>; DependsOn: string[] };
    const version = idOf('AWS::Lambda::Version', 'ResyncFunctionCurrentVersion');
    expect(trigger.Properties).toMatchObject({ HandlerArn: { Ref: version }, InvocationType: 'Event', ExecuteOnHandlerChange: true });
    // An old version is only the Trigger's handle: not kept.
    expect(resources[version]?.DeletionPolicy).toBe('Delete');
    for (const [type, prefix] of [
      ['AWS::Lambda::Function', 'FunctionsIngest'],
      ['AWS::Lambda::Function', 'FunctionsRemind'],
      ['AWS::Scheduler::ScheduleGroup', 'RemindersGroup'],
      ['AWS::IAM::Policy', 'RemindersSchedulerRoleDefaultPolicy'],
      ['AWS::SQS::Queue', 'RemindersDeadLetters'],
      ['AWS::IAM::Policy', 'ResyncFunctionServiceRoleDefaultPolicy'],
    ] as const)
      expect(trigger.DependsOn).toContain(idOf(type, prefix));
    // The trigger's provider may invoke the re-sync function and nothing else.
    const provider = Object.values(template.findResources('AWS::IAM::Role')).find((r) =>
      JSON.stringify(r).includes('lambda:InvokeFunction'),
    );
    expect(JSON.stringify(provider)).toContain(`{"Fn::GetAtt":["${idOf('AWS::Lambda::Function', 'ResyncFunction')}","Arn"]},":*"`);
    // Its logs are kept six months, as the functions' are, not for ever.
    const providerHandler = Object.values(template.findResources('AWS::Lambda::Function')).find((r) =>
      JSON.stringify(r).includes('TriggerCustomResourceProvider'),
    ) as { Properties: { LoggingConfig?: { LogGroup: { Ref: string } } } };
    const logGroup = providerHandler.Properties.LoggingConfig?.LogGroup.Ref ?? 'none';
    expect(resources[logGroup]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 180 } });
  });

  it('gives the re-sync a new version when closure days change, and the same one when nothing does', async () => {
    const versionOf = async (deployment: typeof config.deployment & { closureDays?: string[] }) => {
      const { app, stack } = await appWith({ ...config, deployment }, true);
      app.synth();
      return JSON.stringify(Template.fromStack(stack).findResources('Custom::Trigger'));
    };
    const before = JSON.stringify(template.findResources('Custom::Trigger'));
    expect(await versionOf(config.deployment)).toBe(before);
    expect(await versionOf({ ...config.deployment, closureDays: ['2026-12-29'] })).not.toBe(before);
  }, 240_000);

  it('keeps every function’s environment under Lambda’s 4 KB with many mailboxes on custom policies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'infra-policies-'));
    const mailboxes = BUILT_IN_POLICY_IDS.flatMap((id, index) => {
      const path = join(dir, `${id}-local.json`);
      writeFileSync(
        path,
        JSON.stringify({ ...builtInPolicy(id), id: `${id}-local`, referencePrefix: `CP${String.fromCharCode(65 + index)}` }),
      );
      return [0, 1].map((n) => ({ ...mailbox, address: `${id}-${n}@mail.swindon-ssp.example`, policy: path }));
    });
    expect(mailboxes).toHaveLength(10);
    const read = await readInfraConfig({ ...config, deployment: { ...config.deployment, mailboxes } });
    const inlined = JSON.stringify(read.deployment);
    expect(Buffer.byteLength(inlined)).toBeGreaterThan(4096 * 5);
    const { stack } = await appWith({ ...config, deployment: { ...config.deployment, mailboxes } });
    const fns = functionsOf(Template.fromStack(stack));
    expect(fns.length).toBeGreaterThanOrEqual(6);
    for (const fn of fns) expect(environmentBytes(fn)).toBeLessThan(4096);
    // The largest: the re-sync's, with ingest's booking settings.
    const resync = fns.find(
      (fn) => fn.Properties.Environment?.Variables.REMIND_FUNCTION_ARN && !fn.Properties.Environment.Variables.MAIL_BUCKET,
    );
    expect(resync).toBeDefined();
    expect(environmentBytes(resync as Fn)).toBeGreaterThan(500);
  }, 120_000);
});

describe('the configuration', () => {
  const withMailboxes = (...mailboxes: Record<string, unknown>[]) => ({ ...config, deployment: { ...config.deployment, mailboxes } });

  it('checks a policy file and inlines it, since a function cannot read the admin’s file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'infra-policy-')), 'local.json');
    writeFileSync(path, JSON.stringify({ ...builtInPolicy('swindon'), id: 'swindon-local', referencePrefix: 'SWL' }));
    const read = await readInfraConfig(withMailboxes({ ...mailbox, policy: path }));
    expect(read.deployment.mailboxes[0]?.policy).toMatchObject({ id: 'swindon-local', referencePrefix: 'SWL' });
    writeFileSync(path, '{ "id": "broken" }');
    await expect(readInfraConfig(withMailboxes({ ...mailbox, policy: path }))).rejects.toThrow(
      /deployment\.mailboxes\[0\]\.policy: invalid policy file .*partnership: /,
    );
  });

  it.each([
    [{ ...config, region: 'eu-south-2' }, 'region: SES does not receive mail in eu-south-2: use one of'],
    [{ ...config, deployment: { ...config.deployment, mailboxes: [] } }, 'deployment.mailboxes: Too small'],
    [{ ...config, alarmEmail: 'nobody' }, 'alarmEmail: Invalid email'],
    [{ ...config, rawMailRetentionDays: 0 }, 'rawMailRetentionDays: Too small'],
    [{ ...config, quietMailboxAlarmWorkingDays: 6 }, 'quietMailboxAlarmWorkingDays: Too big'],
    [withMailboxes({ ...mailbox, policy: 'swindn' }), "deployment.mailboxes[0].policy: unknown policy 'swindn'"],
    [withMailboxes(mailbox, { ...mailbox }), 'deployment.mailboxes[1].address: the same address as mailboxes[0]'],
    [
      withMailboxes({ ...mailbox, publicAddress: 'safeguarding@elsewhere.example' }),
      'deployment.mailboxes[0].publicAddress: safeguarding@elsewhere.example is not in a verified domain',
    ],
    [withMailboxes({ ...mailbox, address: 'x@unverified.example' }), 'deployment.mailboxes[0].address: x@unverified.example is not in'],
    [{ ...config, deployment: { ...config.deployment, fromAddress: 'e@other.example' } }, 'deployment.fromAddress: e@other.example'],
    [undefined, 'cdk.json context "escalationMailbox"'],
  ])('stops synth with the field’s path and the reason (%#)', async (context, message) => {
    const error = await readInfraConfig(context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfraConfigError);
    expect((error as Error).message).toContain(message);
  });

  it('accepts a public address in a verified parent domain', async () => {
    const read = await readInfraConfig({
      ...withMailboxes({ ...mailbox, publicAddress: 'safeguardingpartnership@swindon-ssp.example' }),
      verifiedDomains: ['swindon-ssp.example'],
    });
    expect(read.deployment.mailboxes[0]?.publicAddress).toBe('safeguardingpartnership@swindon-ssp.example');
  });

  it('lets report and digest write only claims on sends, remind and re-sync only the sends on cases, caps ingest’s concurrency, and keeps reminder dead letters 14 days', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (policy) =>
        (policy as { Properties: { PolicyDocument: { Statement: Record<string, unknown>[] } } }).Properties.PolicyDocument.Statement,
    );
    const tableWrites = statements.filter(
      (statement) =>
        JSON.stringify(statement.Action).includes('dynamodb:PutItem') && !JSON.stringify(statement.Action).includes('BatchWriteItem'),
    );
    expect(tableWrites.length).toBe(2); // report's and the digest's; ingest's own statement also batches
    for (const statement of tableWrites)
      expect(statement.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SENT#*'] } });
    // Remind and the re-sync update only case items: the sends on them.
    const caseUpdates = statements.filter((statement) => [statement.Action].flat().includes('dynamodb:UpdateItem') && statement.Condition);
    expect(caseUpdates).toHaveLength(2);
    for (const statement of caseUpdates)
      expect(statement.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CASE#*'] } });
    template.hasResourceProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: 20 });
    const retention = Object.values(template.findResources('AWS::SQS::Queue')).map(
      (queue) => (queue as { Properties: { MessageRetentionPeriod?: number } }).Properties.MessageRetentionPeriod,
    );
    expect(retention.filter((seconds) => seconds === 14 * 86_400).length).toBeGreaterThanOrEqual(2);
  });
});
