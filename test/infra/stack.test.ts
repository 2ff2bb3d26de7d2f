import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.js';
import { InfraConfigError, readInfraConfig } from '../../infra/config.js';
import { builtInPolicy } from '../../lib/policy/registry.js';

const MAILBOX = 'safeguardingpartnership@mail.swindon-ssp.example';
const config = {
  region: 'eu-west-2',
  account: '123456789012',
  deployment: {
    mailboxes: [
      {
        address: MAILBOX,
        policy: 'swindon',
        partnershipAddresses: ['safeguardingpartnership@swindon-ssp.example'],
        monitoringAddress: 'safeguardingpartnership@swindon-ssp.example',
      },
    ],
    fromAddress: 'escalations@mail.swindon-ssp.example',
    loopId: 'escalations@mail.swindon-ssp.example',
  },
  alarmEmail: 'admin@swindon-ssp.example',
  rawMailRetentionDays: 90,
};
const appWith = (context: unknown) => buildApp(new App({ context: { escalationMailbox: context } }));

let template: Template;
let synthError: unknown;
beforeAll(async () => {
  const { app, stack } = await appWith(config);
  try {
    app.synth();
  } catch (error) {
    synthError = error;
  }
  template = Template.fromStack(stack);
}, 120_000);

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };
const statementsOf = (type: string) =>
  Object.values(template.findResources(type)).flatMap(
    (r) => (r as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement,
  );

describe('the stack', () => {
  it('passes cdk-nag (AwsSolutions) with every finding acknowledged', () => {
    expect(synthError).toBeUndefined();
  });

  it('fails synth when a finding is not acknowledged', async () => {
    const { app, stack } = await appWith(config);
    stack.functions.remind.addToRolePolicy(new PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    expect(() => app.synth()).toThrow();
  }, 120_000);

  it('keeps cases in an on-demand table with point-in-time recovery, deletion protection, encryption and a TTL', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      // The monitoring report's queries: cases by the month they opened, and the open ones.
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: 'byOpenedMonth',
          KeySchema: [
            { AttributeName: 'openedMonth', KeyType: 'HASH' },
            { AttributeName: 'openedAt', KeyType: 'RANGE' },
          ],
        }),
        Match.objectLike({
          IndexName: 'openCases',
          KeySchema: [
            { AttributeName: 'openFlag', KeyType: 'HASH' },
            { AttributeName: 'ref', KeyType: 'RANGE' },
          ],
        }),
      ],
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [
        Match.objectLike({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
      ],
    });
  });

  it('stores raw mail encrypted, private, over TLS only, for the retention period, written only by this receipt rule', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
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
    const sesWrites = statementsOf('AWS::S3::BucketPolicy').filter((s) => JSON.stringify(s).includes('ses.amazonaws.com'));
    expect(sesWrites).toHaveLength(1);
    expect(sesWrites[0]).toMatchObject({ Action: 's3:PutObject', Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } });
    expect(JSON.stringify(sesWrites[0])).toContain(
      ':ses:eu-west-2:123456789012:receipt-rule-set/EscalationMailbox-intake:receipt-rule/EscalationMailbox-deliver',
    );
    expect(JSON.stringify(sesWrites[0])).toContain('/incoming/*');
    expect(statementsOf('AWS::S3::BucketPolicy').some((s) => JSON.stringify(s).includes('"aws:SecureTransport":"false"'))).toBe(true);
  });

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
    const activation = JSON.stringify(Object.values(template.findResources('Custom::AWS'))[0]);
    expect(activation).toMatch(/"Create":.*setActiveReceiptRuleSet.*RuleSetName/);
    expect(activation).toMatch(/"Delete":.*setActiveReceiptRuleSet\\",\\"parameters\\":\{\}/);
  });

  it('leaves the active rule set alone when it is managed elsewhere', async () => {
    const { stack } = await appWith({ ...config, activateRuleSet: false });
    Template.fromStack(stack).resourceCountIs('Custom::AWS', 0);
  }, 120_000);

  it('books reminders in a schedule group whose role may only invoke the remind function and reach its dead-letter queue', () => {
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
      JSON.stringify(p).includes('SchedulerRole'),
    );
    const actions = (
      schedulerPolicy as { Properties: { PolicyDocument: { Statement: Statement[] } } }
    ).Properties.PolicyDocument.Statement.flatMap((s) => s.Action);
    expect(actions.sort()).toEqual(['lambda:InvokeFunction', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'].sort());
  });

  it('runs the four functions on nodejs24.x arm64, sized, retried and with a failure destination', () => {
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
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 4);
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
          DEPLOYMENT: Match.stringLikeRegexp('"policy":"swindon"'),
        }),
      },
    });
  });

  it('grants no wildcard action, and a wildcard resource only where AWS offers no other', () => {
    const statements = statementsOf('AWS::IAM::Policy');
    expect(statements.length).toBeGreaterThan(5);
    for (const statement of statements) {
      for (const action of [statement.Action].flat()) expect(action, JSON.stringify(statement)).not.toMatch(/\*/);
      if (statement.Resource === '*') expect(['scheduler:ListSchedules', 'ses:SetActiveReceiptRuleSet']).toContain(statement.Action);
    }
    const sending = statements.filter((s) => s.Action === 'ses:SendRawEmail');
    expect(sending).toHaveLength(4);
    for (const s of sending) expect(s.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'escalations@mail.swindon-ssp.example' } });
    const passRole = statements.find((s) => s.Action === 'iam:PassRole');
    expect(passRole?.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } });
    const schedules = statements.find((s) => JSON.stringify(s.Action).includes('CreateSchedule'));
    expect(JSON.stringify(schedules?.Resource)).toContain(':schedule/EscalationMailbox-reminders/*');
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
    expect(queries).toHaveLength(2); // the monthly report's and the weekly digest's
    expect(JSON.stringify(queries[0]?.Resource)).toMatch(/\/index\/byOpenedMonth.*\/index\/openCases/);
    const reportFunction = Object.values(template.findResources('AWS::Lambda::Function')).find(
      (r) => (r as { Properties: { MemorySize: number } }).Properties.MemorySize === 512,
    ) as { Properties: { Environment: { Variables: Record<string, string> } } } | undefined;
    expect(Object.keys(reportFunction?.Properties.Environment.Variables ?? {}).sort()).toEqual([
      'CASE_TABLE',
      'DEPLOYMENT',
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
    expect(digestQuery).toHaveLength(1);
    expect(JSON.stringify(digestQuery[0]?.Resource)).toMatch(/\/index\/openCases"/);
    const digestFunction = Object.values(template.findResources('AWS::Lambda::Function')).find(
      (r) =>
        (r as { Properties: { Timeout: number; MemorySize: number } }).Properties.Timeout === 60 &&
        (r as { Properties: { MemorySize: number } }).Properties.MemorySize === 256,
    ) as { Properties: { Environment: { Variables: Record<string, string> } } } | undefined;
    expect(Object.keys(digestFunction?.Properties.Environment.Variables ?? {}).sort()).toEqual([
      'CASE_TABLE',
      'DEPLOYMENT',
      'NODE_OPTIONS',
    ]);
  });

  it('alarms on errors, throttles and dead letters to an encrypted topic that emails the admin', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 8);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'admin@swindon-ssp.example' });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [Match.anyValue()] });
  });
});

describe('the configuration', () => {
  it('checks a policy file and inlines it, since a function cannot read the admin’s file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'infra-policy-')), 'local.json');
    writeFileSync(path, JSON.stringify({ ...builtInPolicy('swindon'), id: 'swindon-local', referencePrefix: 'SWL' }));
    const read = await readInfraConfig({
      ...config,
      deployment: { ...config.deployment, mailboxes: [{ ...config.deployment.mailboxes[0], policy: path }] },
    });
    expect(read.deployment.mailboxes[0]?.policy).toMatchObject({ id: 'swindon-local', referencePrefix: 'SWL' });
    writeFileSync(path, '{ "id": "broken" }');
    await expect(
      readInfraConfig({
        ...config,
        deployment: { ...config.deployment, mailboxes: [{ ...config.deployment.mailboxes[0], policy: path }] },
      }),
    ).rejects.toThrow(/mailbox safeguardingpartnership@mail\.swindon-ssp\.example: invalid policy file .*partnership: /);
  });

  it.each([
    [{ ...config, region: 'eu-west-9' }, 'region: SES receives mail only in'],
    [{ ...config, deployment: { ...config.deployment, mailboxes: [] } }, 'deployment.mailboxes: Too small'],
    [{ ...config, alarmEmail: 'nobody' }, 'alarmEmail: Invalid email'],
    [{ ...config, rawMailRetentionDays: 0 }, 'rawMailRetentionDays: Too small'],
    [
      { ...config, deployment: { ...config.deployment, mailboxes: [{ ...config.deployment.mailboxes[0], policy: 'swindn' }] } },
      "unknown policy 'swindn'",
    ],
    [undefined, 'cdk.json context "escalationMailbox"'],
  ])('stops synth with the field and the reason (%#)', async (context, message) => {
    const error = await readInfraConfig(context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfraConfigError);
    expect((error as Error).message).toContain(message);
  });
});
