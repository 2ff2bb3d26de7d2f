import { SchedulerClient, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { SendRawEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import { openCase } from '../../../lib/cases/transitions.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { allReminders } from '../../../lib/reminders/plan.js';
import { functionEnvironment, startDynamo, type EmbeddedDynamo } from '../../support/dynalite.js';
import { captureLogs } from '../../support/logs.js';

const MAILBOX = 'safeguardingpartnership@swindon-ssp.example';
const ses = mockClient(SESClient);
const scheduler = mockClient(SchedulerClient);
let dynamo: EmbeddedDynamo;
let handler: (event: unknown) => Promise<void>;
let logs: string[] = [];
const policy = builtInPolicy('swindon');
const opened = openCase({
  ref: 'SSP-2026-0001',
  policy,
  mailbox: MAILBOX,
  stage: '3',
  arrival: {
    messageId: '<m1@x.example>',
    at: DateTime.fromISO('2026-11-09T09:00:00Z'),
    from: 'a@agency.example',
    people: ['a@agency.example', MAILBOX],
    contacts: ['a@agency.example'],
    threadKeys: ['<m1@x.example>'],
  },
});

beforeAll(async () => {
  dynamo = await startDynamo();
  await new DynamoCaseStore(dynamo.doc, dynamo.table).createCase(opened);
  Object.assign(process.env, await functionEnvironment(dynamo, MAILBOX), {
    AWS_LAMBDA_FUNCTION_NAME: 'stack-Remind',
    SCHEDULE_GROUP: 'reminders',
    SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/Invoke',
    REMINDER_DLQ_ARN: 'arn:aws:sqs:eu-west-2:123456789012:dlq',
    REMINDER_MAX_RETRIES: '4',
    REMINDER_MAX_EVENT_AGE_SECONDS: '3600',
  });
  ({ handler } = await import('../../../functions/remind.js'));
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(() => {
  ses.reset();
  ses.on(SendRawEmailCommand).resolves({ MessageId: 'sent' });
  scheduler.reset();
  scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn' });
  logs = captureLogs();
});

describe('the remind handler', () => {
  it('sends a reminder once, however often its schedule fires', async () => {
    const [first] = allReminders(opened, policy, { closureDays: [] });
    const event = { caseRef: 'SSP-2026-0001', reminderId: first?.id };
    await handler(event);
    await handler(event);
    expect(ses.commandCalls(SendRawEmailCommand).map((c) => c.args[0].input.Destinations)).toEqual([['a@agency.example']]);
    expect(logs.join('')).toContain('"reason":"already-sent"');
  });

  it("keeps the case's schedule on its next reminder, invoking the function itself", async () => {
    // A case opened now, on the real clock the handler runs on: its reminders are all to come.
    const now = DateTime.utc();
    const fresh = { ...opened, ref: 'SSP-2026-0002', openedAt: now.toISO(), stageStartedAt: now.toISO() };
    await new DynamoCaseStore(dynamo.doc, dynamo.table).createCase(fresh);
    const [first] = allReminders(fresh, policy, { closureDays: [] });
    // Fired early (a stale schedule): nothing is sent, and the schedule names the first reminder again.
    await handler({ caseRef: 'SSP-2026-0002', reminderId: first?.id, after: now.toISO() });
    expect(ses.commandCalls(SendRawEmailCommand)).toHaveLength(0);
    const input = scheduler.commandCalls(UpdateScheduleCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ Name: 'SSP-2026-0002', GroupName: 'reminders' });
    expect(input?.Target?.Arn).toBe('arn:aws:lambda:eu-west-2:123456789012:function:stack-Remind');
    expect(JSON.parse(input?.Target?.Input ?? '{}')).toEqual({ caseRef: 'SSP-2026-0002', reminderId: first?.id, after: now.toISO() });
  });

  it('rejects an event that is not a reminder, without retrying', async () => {
    await expect(handler({ 'detail-type': 'Scheduled Event' })).resolves.toBeUndefined();
    expect(logs.join('')).toContain('rejected an invalid reminder event');
    expect(ses.commandCalls(SendRawEmailCommand)).toHaveLength(0);
  });

  it('throws when sending fails, so that Lambda retries, saying nothing of what SES quoted', async () => {
    ses.on(SendRawEmailCommand).rejects(Object.assign(new Error('Sending paused for raj.patel@gwh-nhs.example'), { name: 'Throttling' }));
    const [, second] = allReminders(opened, policy, { closureDays: [] });
    await expect(handler({ caseRef: 'SSP-2026-0001', reminderId: second?.id })).rejects.toThrow(
      /^reminder failed: TransientSendError \([0-9a-f]{12}\)$/,
    );
    expect(logs.join('')).toMatch(/"error":"TransientSendError","errorHash":"[0-9a-f]{12}"/);
    expect(logs.join('')).not.toContain('gwh-nhs');
  });
});
