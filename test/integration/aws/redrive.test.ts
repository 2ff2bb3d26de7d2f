import { readFileSync } from 'node:fs';
import { GetObjectCommand, ListObjectsV2Command, S3Client, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { CreateScheduleCommand, ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { SendRawEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import { redriveQueue, redriveStored } from '../../../lib/aws/redrive.js';
import { S3RawMailSource } from '../../../lib/aws/s3-raw-mail-source.js';
import { SchedulerReminderBook } from '../../../lib/aws/scheduler-reminder-book.js';
import type { IntakeDependencies } from '../../../lib/aws/ses-intake.js';
import { SesMailer } from '../../../lib/aws/ses-mailer.js';
import { DateTime } from 'luxon';
import type { Deployment } from '../../../lib/config.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { startDynamo, type EmbeddedDynamo } from '../../support/dynalite.js';
import { eml } from '../../support/eml.js';

const MAILBOX = 'safeguardingpartnership@swindon-ssp.example';
const QUEUE = 'https://sqs.eu-west-2.amazonaws.com/123456789012/failed';
const sesEvent = (messageId: string) => {
  const event = JSON.parse(readFileSync(new URL('../functions/fixtures/ses-lambda-event.json', import.meta.url), 'utf8')) as {
    Records: { ses: { mail: { messageId: string } } }[];
  };
  for (const record of event.Records) record.ses.mail.messageId = messageId;
  return event;
};
/** What Lambda's on-failure destination puts in the queue. */
const destinationRecord = (requestPayload: unknown) =>
  JSON.stringify({ version: '1.0', requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 3 }, requestPayload });
const opener = (subject: string) =>
  eml({
    from: 'Jane Smith <jane.smith@swindon-council.example>',
    to: 'Raj Patel <raj.patel@gwh-nhs.example>',
    cc: `Safeguarding Partnership <${MAILBOX}>`,
    subject,
    text: 'Raj,\n\nI am raising this with you as a Stage 2 inter-agency discussion under the resolution policy.\n\nJane',
  });
/** One message, the same bytes each time it is read. */
const ONE = opener('Professional disagreement - one');
const body = (raw: Buffer) =>
  ({ transformToByteArray: () => Promise.resolve(new Uint8Array(raw)) }) as unknown as NonNullable<GetObjectCommandOutput['Body']>;

const s3 = mockClient(S3Client);
const sqs = mockClient(SQSClient);
const ses = mockClient(SESClient);
const scheduler = mockClient(SchedulerClient);
let dynamo: EmbeddedDynamo;
let deps: IntakeDependencies;
const errors: string[] = [];

beforeAll(async () => {
  dynamo = await startDynamo();
  const deployment: Deployment = {
    mailboxes: [{ address: MAILBOX, policy: builtInPolicy('swindon'), partnershipAddresses: [MAILBOX], monitoringAddress: MAILBOX }],
    fromAddress: 'escalations@partnership.example',
    loopId: 'escalations@partnership.example',
    closureDays: [],
    maxRecipients: 10,
    agencies: {},
  };
  const store = new DynamoCaseStore(dynamo.doc, dynamo.table);
  const mailer = new SesMailer(new SESClient({ region: 'eu-west-2' }), { from: deployment.fromAddress, loopId: deployment.loopId });
  const clock = { now: () => DateTime.fromISO('2026-11-09T09:00:00Z', { zone: 'utc' }) };
  deps = {
    store,
    mailer,
    reminders: new SchedulerReminderBook(
      new SchedulerClient({ region: 'eu-west-2' }),
      {
        groupName: 'EscalationMailbox-reminders',
        targetArn: 'arn:aws:lambda:eu-west-2:123456789012:function:Remind',
        roleArn: 'arn:aws:iam::123456789012:role/Scheduler',
        deadLetterArn: 'arn:aws:sqs:eu-west-2:123456789012:dlq',
        maximumRetryAttempts: 4,
        maximumEventAgeInSeconds: 3600,
      },
      clock,
      [],
      () => Promise.reject(new Error('no reminder is due yet in these tests')),
    ),
    clock,
    deployment,
    source: new S3RawMailSource(new S3Client({ region: 'eu-west-2' }), 'raw-mail', () => Promise.resolve()),
    log: { info: () => undefined, warn: (m) => errors.push(m), error: (m) => errors.push(m) },
    keyPrefix: 'incoming/',
  };
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(() => {
  for (const mock of [s3, sqs, ses, scheduler]) mock.reset();
  errors.length = 0;
  ses.on(SendRawEmailCommand).resolves({ MessageId: 'sent' });
  scheduler.on(ListSchedulesCommand).resolves({ Schedules: [] });
  scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:aws:scheduler:eu-west-2:123456789012:schedule/g/x' });
});

/** The queue holds these messages until they are deleted; each receive returns those still there. */
function queueOf(messages: { id: string; body: string }[]) {
  const held = new Map(messages.map((m) => [m.id, m]));
  sqs.on(ReceiveMessageCommand).callsFake(() => ({
    Messages: [...held.values()].map((m) => ({ MessageId: m.id, ReceiptHandle: `handle-${m.id}`, Body: m.body })),
  }));
  sqs.on(DeleteMessageCommand).callsFake((input: { ReceiptHandle: string }) => {
    held.delete(input.ReceiptHandle.replace('handle-', ''));
    return {};
  });
  return held;
}

describe('redrive from the failed-invocations queue', () => {
  it('re-ingests the failed SES events, deletes only what went through, and leaves other failures in the queue', async () => {
    s3.on(GetObjectCommand, { Key: 'incoming/ses-1' }).resolves({ Body: body(ONE) });
    const held = queueOf([
      { id: 'm1', body: destinationRecord(sesEvent('ses-1')) },
      { id: 'm2', body: destinationRecord({ caseRef: 'SSP-2026-0009', reminderId: 'r' }) },
      { id: 'm3', body: 'not json' },
    ]);
    const summary = await redriveQueue(new SQSClient({ region: 'eu-west-2' }), QUEUE, deps);
    expect(summary).toEqual({ ingested: 1, outcomes: { opened: 1 }, failed: 0, skipped: 2 });
    expect(sqs.commandCalls(DeleteMessageCommand).map((c) => c.args[0].input)).toEqual([{ QueueUrl: QUEUE, ReceiptHandle: 'handle-m1' }]);
    expect([...held.keys()]).toEqual(['m2', 'm3']);
    expect(ses.commandCalls(SendRawEmailCommand)).toHaveLength(1);
    expect(await new DynamoCaseStore(dynamo.doc, dynamo.table).getCase('SSP-2026-0001')).toMatchObject({ status: 'open', stage: '2' });
  });

  it('is idempotent: the same event redriven again changes nothing and sends nothing', async () => {
    s3.on(GetObjectCommand, { Key: 'incoming/ses-1' }).resolves({ Body: body(ONE) });
    queueOf([{ id: 'm1', body: destinationRecord(sesEvent('ses-1')) }]);
    const summary = await redriveQueue(new SQSClient({ region: 'eu-west-2' }), QUEUE, deps);
    expect(summary).toEqual({ ingested: 1, outcomes: { ignored: 1 }, failed: 0, skipped: 0 });
    expect(ses.commandCalls(SendRawEmailCommand)).toHaveLength(0);
    expect(await new DynamoCaseStore(dynamo.doc, dynamo.table).getCase('SSP-2026-0002')).toBeNull();
  });

  it('keeps a message in the queue when it fails again, and says so without the error’s text', async () => {
    s3.on(GetObjectCommand).rejects(new Error('Access Denied for jane.smith@swindon-council.example'));
    const held = queueOf([{ id: 'm1', body: destinationRecord(sesEvent('ses-2')) }]);
    const summary = await redriveQueue(new SQSClient({ region: 'eu-west-2' }), QUEUE, deps);
    expect(summary).toEqual({ ingested: 0, outcomes: {}, failed: 1, skipped: 0 });
    expect(sqs.commandCalls(DeleteMessageCommand)).toHaveLength(0);
    expect([...held.keys()]).toEqual(['m1']);
    expect(errors.join(' ')).not.toContain('jane');
  });
});

describe('redrive by date from the raw-mail bucket', () => {
  it('re-ingests, oldest first, every message stored in the period, across pages, and only those', async () => {
    const at = (iso: string) => new Date(iso);
    s3.on(ListObjectsV2Command, { ContinuationToken: undefined }).resolves({
      IsTruncated: true,
      NextContinuationToken: 'page-2',
      Contents: [
        { Key: 'incoming/late', LastModified: at('2026-11-10T18:00:00Z') },
        { Key: 'incoming/before', LastModified: at('2026-11-08T23:59:59Z') },
      ],
    });
    s3.on(ListObjectsV2Command, { ContinuationToken: 'page-2' }).resolves({
      IsTruncated: false,
      Contents: [
        { Key: 'incoming/early', LastModified: at('2026-11-09T08:00:00Z') },
        { Key: 'incoming/after', LastModified: at('2026-11-11T00:00:00Z') },
      ],
    });
    s3.on(GetObjectCommand, { Key: 'incoming/early' }).resolves({ Body: body(opener('Professional disagreement - early')) });
    s3.on(GetObjectCommand, { Key: 'incoming/late' }).resolves({ Body: body(opener('Professional disagreement - late')) });
    const run = () =>
      redriveStored(new S3Client({ region: 'eu-west-2' }), 'raw-mail', at('2026-11-09T00:00:00Z'), at('2026-11-11T00:00:00Z'), deps);

    expect(await run()).toEqual({ ingested: 2, outcomes: { opened: 2 }, failed: 0, skipped: 0 });
    expect(s3.commandCalls(ListObjectsV2Command).map((c) => c.args[0].input)).toEqual([
      { Bucket: 'raw-mail', Prefix: 'incoming/', ContinuationToken: undefined },
      { Bucket: 'raw-mail', Prefix: 'incoming/', ContinuationToken: 'page-2' },
    ]);
    expect(s3.commandCalls(GetObjectCommand).map((c) => c.args[0].input.Key)).toEqual(['incoming/early', 'incoming/late']);
    const sent = ses.commandCalls(SendRawEmailCommand).length;
    expect(sent).toBe(2);

    expect(await run()).toEqual({ ingested: 2, outcomes: { ignored: 2 }, failed: 0, skipped: 0 });
    expect(ses.commandCalls(SendRawEmailCommand)).toHaveLength(sent);
  });
});
