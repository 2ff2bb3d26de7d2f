import type { Context } from 'aws-lambda';
import { mailboxLabel } from '../../../lib/metrics.js';
import { readFileSync } from 'node:fs';
import { GetObjectCommand, NoSuchKey, S3Client, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { SendRawEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SesLambdaEventSchema } from '../../../lib/aws/ses-event.js';
import { functionEnvironment, startDynamo, type EmbeddedDynamo } from '../../support/dynalite.js';
import { captureLogs } from '../../support/logs.js';
import { eml } from '../../support/eml.js';

const MAILBOX = 'safeguardingpartnership@swindon-ssp.example';
const SES_ID = 'o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1';
const event = () =>
  JSON.parse(readFileSync(new URL('./fixtures/ses-lambda-event.json', import.meta.url), 'utf8')) as {
    Records: { ses: { mail: { messageId: string }; receipt: Record<string, unknown> } }[];
  };
const opener = eml({
  id: '<AM0PR01MB1@swindon-council.example>',
  from: 'Jane Smith <jane.smith@swindon-council.example>',
  to: 'Raj Patel <raj.patel@gwh-nhs.example>',
  cc: `Safeguarding Partnership <${MAILBOX}>`,
  subject: 'Professional disagreement - discharge plan',
  text: 'Raj,\n\nI am raising this with you as a Stage 2 inter-agency discussion under the resolution policy.\n\nJane',
});
const body = (raw: Buffer) =>
  ({ transformToByteArray: () => Promise.resolve(new Uint8Array(raw)) }) as unknown as NonNullable<GetObjectCommandOutput['Body']>;

const s3 = mockClient(S3Client);
const ses = mockClient(SESClient);
const scheduler = mockClient(SchedulerClient);
let dynamo: EmbeddedDynamo;
let handler: (event: unknown, context?: Context) => Promise<void>;
let logs: string[] = [];

beforeAll(async () => {
  dynamo = await startDynamo();
  Object.assign(process.env, await functionEnvironment(dynamo, MAILBOX), {
    MAIL_BUCKET: 'escalation-mail',
    MAIL_PREFIX: 'incoming/',
    SCHEDULE_GROUP: 'escalation-reminders',
    REMIND_FUNCTION_ARN: 'arn:aws:lambda:eu-west-2:123456789012:function:Remind',
    SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/SchedulerInvokeRemind',
    REMINDER_DLQ_ARN: 'arn:aws:sqs:eu-west-2:123456789012:reminders-dlq',
    REMINDER_MAX_RETRIES: '4',
    REMINDER_MAX_EVENT_AGE_SECONDS: '3600',
  });
  ({ handler } = await import('../../../functions/ingest.js'));
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(() => {
  s3.reset();
  ses.reset();
  ses.on(SendRawEmailCommand).resolves({ MessageId: 'sent-1' });
  scheduler.reset();
  scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:aws:scheduler:eu-west-2:123456789012:schedule/escalation-reminders/x' });
  logs = captureLogs();
});

describe('the ingest handler', () => {
  it('accepts the event SES really sends (no dmarcPolicy when DMARC passes), which Powertools’ schema refuses', async () => {
    const { SesSchema } = await import('@aws-lambda-powertools/parser/schemas/ses');
    expect(SesSchema.safeParse(event()).success).toBe(false);
    expect(SesLambdaEventSchema.safeParse(event()).success).toBe(true);
  });

  it('reads the stored message, opens its case and sends the acknowledgement through SES', async () => {
    s3.on(GetObjectCommand).resolves({ Body: body(opener) });
    await handler(event());
    expect(s3.commandCalls(GetObjectCommand).map((call) => call.args[0].input)).toEqual([
      { Bucket: 'escalation-mail', Key: `incoming/${SES_ID}` },
    ]);
    const sent = ses.commandCalls(SendRawEmailCommand).map((call) => call.args[0].input);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.Source).toBe('escalations@partnership.example');
    expect(sent[0]?.Destinations).toEqual(['jane.smith@swindon-council.example', 'raj.patel@gwh-nhs.example']);
    const raw = Buffer.from(sent[0]?.RawMessage?.Data ?? new Uint8Array()).toString();
    expect(raw).toMatch(/^Subject: \[SSP-2026-0001\] /m);
    expect(raw).toMatch(/^Auto-Submitted: auto-generated/m);
    expect(raw).toMatch(/^X-Auto-Response-Suppress: All/m);
    expect(raw).toMatch(/^X-Loop: escalations@partnership.example/m);
    expect(raw).toMatch(new RegExp(`^Reply-To: ${MAILBOX}`, 'm'));
    // The new case's one schedule is created, naming its first reminder, for the remind function.
    expect(scheduler.calls()).toHaveLength(1);
    expect(scheduler.commandCalls(CreateScheduleCommand).map((call) => [call.args[0].input.Name, call.args[0].input.Target?.Arn])).toEqual([
      ['SSP-2026-0001', 'arn:aws:lambda:eu-west-2:123456789012:function:Remind'],
    ]);
    const logged = logs.join('');
    expect(logged).toContain('"outcome":"opened"');
    expect(logged).toContain('"caseRef":"SSP-2026-0001"');
    for (const personal of ['jane', 'raj', 'discharge', 'inter-agency']) expect(logged.toLowerCase()).not.toContain(personal);
  });

  it('logs with the Lambda context and counts the message, its case and its mailbox as EMF metrics, naming no address', async () => {
    const third = eml({
      from: 'Jane Smith <jane.smith@swindon-council.example>',
      to: MAILBOX,
      subject: 'Professional disagreement - a third',
      text: 'Raising this as a Stage 1 discussion under the resolution policy.',
    });
    s3.on(GetObjectCommand).resolves({ Body: body(third) });
    const context = {
      functionName: 'Ingest',
      awsRequestId: 'req-1',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-2:1:function:Ingest',
      memoryLimitInMB: '1024',
      functionVersion: '$LATEST',
    } as Context;
    await handler(event(), context);
    const lines = logs
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const ingested = lines.find((line) => line.message === 'message ingested');
    expect(ingested).toMatchObject({ function_request_id: 'req-1', cold_start: expect.any(Boolean) as unknown, outcome: 'opened' });
    const emf = lines.filter((line) => '_aws' in line);
    const metric = (name: string) => emf.find((line) => JSON.stringify(line._aws).includes(`"Name":"${name}"`));
    expect(metric('Messages')).toMatchObject({ service: 'ingest', Outcome: 'opened', Messages: 1 });
    expect(metric('CasesOpened')).toMatchObject({ service: 'ingest', CasesOpened: 1 });
    // The dimensions the quiet-mailbox alarm watches (infra/constructs/quiet-mailboxes.ts), exactly.
    expect(metric('MailboxMessages')).toMatchObject({ service: 'ingest', Mailbox: mailboxLabel(MAILBOX), MailboxMessages: 1 });
    expect(JSON.stringify(metric('MailboxMessages')?._aws)).toContain('"Dimensions":[["service","Mailbox"]]');
    expect(JSON.stringify(metric('Messages')?._aws)).toContain('"Namespace":"EscalationMailbox"');
    expect(JSON.stringify(emf)).not.toContain('@');
  });

  it('waits for a message that is not readable yet', async () => {
    const second = eml({
      from: 'Jane Smith <jane.smith@swindon-council.example>',
      to: MAILBOX,
      subject: 'Professional disagreement - another',
      text: 'Raising this as a Stage 1 discussion under the resolution policy.',
    });
    s3.on(GetObjectCommand)
      .rejectsOnce(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} }))
      .resolves({ Body: body(second) });
    await handler(event());
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(2);
    expect(logs.join('')).toContain('"outcome":"opened"');
  });

  it('rejects a malformed event with a clear logged reason, and does not retry', async () => {
    await expect(handler({ Records: [{ eventSource: 'aws:ses', ses: { mail: {} } }] })).resolves.toBeUndefined();
    const logged = logs.join('');
    expect(logged).toContain('rejected an invalid SES event');
    expect(logged).toContain('Records[0].ses.receipt');
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  it('drops bytes that are not mail without retrying', async () => {
    s3.on(GetObjectCommand).resolves({ Body: body(Buffer.from([0, 1, 2, 255])) });
    await expect(handler(event())).resolves.toBeUndefined();
    expect(logs.join('')).toContain('"reason":"not-mail"');
  });

  it('throws on a transient failure so that Lambda retries, after every record had its turn', async () => {
    const two = event();
    const first = two.Records[0];
    if (!first) throw new Error('fixture has a record');
    two.Records.push({ ...first, ses: { ...first.ses, mail: { ...first.ses.mail, messageId: 'second-message' } } });
    s3.on(GetObjectCommand, { Key: `incoming/${SES_ID}` }).rejects(new Error('connection reset'));
    s3.on(GetObjectCommand, { Key: 'incoming/second-message' }).resolves({ Body: body(opener) });
    await expect(handler(two)).rejects.toThrow('1 of 2 records failed');
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(2);
    expect(logs.join('')).not.toContain('connection reset');
  });
});
