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
  Object.assign(process.env, await functionEnvironment(dynamo, MAILBOX));
  ({ handler } = await import('../../../functions/remind.js'));
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(() => {
  ses.reset();
  ses.on(SendRawEmailCommand).resolves({ MessageId: 'sent' });
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
