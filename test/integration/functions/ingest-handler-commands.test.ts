import { readFileSync } from 'node:fs';
import { GetObjectCommand, S3Client, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { SchedulerClient, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { SendRawEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import { functionEnvironment, startDynamo, type EmbeddedDynamo } from '../../support/dynalite.js';
import { captureLogs } from '../../support/logs.js';
import { eml } from '../../support/eml.js';

const MAILBOX = 'safeguardingpartnership@swindon-ssp.example';
type SesEvent = { Records: { ses: { mail: { messageId: string }; receipt: Record<string, unknown> } }[] };
const event = (dmarc = 'PASS') => {
  const parsed = JSON.parse(readFileSync(new URL('./fixtures/ses-lambda-event.json', import.meta.url), 'utf8')) as SesEvent;
  for (const record of parsed.Records) record.ses.receipt.dmarcVerdict = { status: dmarc };
  return parsed;
};
const opener = eml({
  from: 'Jane Smith <jane.smith@swindon-council.example>',
  to: 'Raj Patel <raj.patel@gwh-nhs.example>',
  cc: `Safeguarding Partnership <${MAILBOX}>`,
  subject: 'Professional disagreement - discharge plan',
  text: 'Raj,\n\nI am raising this with you as a Stage 2 inter-agency discussion under the resolution policy.\n\nJane',
});
const command = (text: string) =>
  eml({
    from: `Safeguarding Partnership <${MAILBOX}>`,
    to: MAILBOX,
    subject: 'Re: [SSP-2026-0001] Professional disagreement recorded',
    text,
  });
const body = (raw: Buffer) =>
  ({ transformToByteArray: () => Promise.resolve(new Uint8Array(raw)) }) as unknown as NonNullable<GetObjectCommandOutput['Body']>;

const s3 = mockClient(S3Client);
const ses = mockClient(SESClient);
const scheduler = mockClient(SchedulerClient);
let dynamo: EmbeddedDynamo;
let store: DynamoCaseStore;
let handler: (event: unknown) => Promise<void>;
let logs: string[] = [];

beforeAll(async () => {
  dynamo = await startDynamo();
  store = new DynamoCaseStore(dynamo.doc, dynamo.table);
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
  resetMocks();
  s3.on(GetObjectCommand).resolves({ Body: body(opener) });
  await handler(event());
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(() => {
  resetMocks();
  logs = captureLogs();
});

function resetMocks() {
  s3.reset();
  ses.reset();
  ses.on(SendRawEmailCommand).resolves({ MessageId: 'sent-1' });
  scheduler.reset();
  scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn:aws:scheduler:eu-west-2:123456789012:schedule/escalation-reminders/x' });
}

const sentMail = () =>
  ses.commandCalls(SendRawEmailCommand).map((call) => Buffer.from(call.args[0].input.RawMessage?.Data ?? new Uint8Array()).toString());

describe('the ingest handler takes the partnership’s commands', () => {
  it('refuses a command whose SES verdict says DMARC failed: review to the partnership, case unchanged', async () => {
    const before = await store.getCase('SSP-2026-0001');
    s3.on(GetObjectCommand).resolves({ Body: body(command('#not-a-case')) });
    await handler(event('FAIL'));
    expect(await store.getCase('SSP-2026-0001')).toEqual(before);
    expect(sentMail()).toHaveLength(1);
    expect(sentMail()[0]).toMatch(/^Subject: Review needed \[review [0-9a-f]{24}\]/m);
    expect(logs.join('')).toContain('"outcome":"review"');
  });

  it('applies an authenticated #stage: history names the sender, reminders re-booked, confirmation through SES', async () => {
    s3.on(GetObjectCommand).resolves({ Body: body(command('#stage 4')) });
    await handler(event());
    const stored = await store.getCase('SSP-2026-0001');
    expect(stored).toMatchObject({ stage: '4', status: 'open' });
    expect(stored?.history.at(-1)).toMatchObject({ event: 'corrected', from: MAILBOX, note: '#stage 4' });
    // The case's one schedule now names its first reminder at stage 4.
    expect(scheduler.commandCalls(UpdateScheduleCommand).map((call) => call.args[0].input.Name)).toEqual(['SSP-2026-0001']);
    expect(sentMail()).toHaveLength(1);
    expect(sentMail()[0]).toMatch(/^Subject: \[SSP-2026-0001\] Correction applied: #stage 4/m);
    const logged = logs.join('');
    expect(logged).toContain('"outcome":"command"');
    expect(logged).toContain('"reason":"corrected"');
  });
});
