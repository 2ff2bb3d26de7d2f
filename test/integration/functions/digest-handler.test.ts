import { SendRawEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { DateTime } from 'luxon';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import { digestTimeAtOrBefore } from '../../../lib/digest.js';
import { aCase } from '../../support/case.js';
import { functionEnvironment, startDynamo, type EmbeddedDynamo } from '../../support/dynalite.js';
import { captureLogs } from '../../support/logs.js';

const MAILBOX = 'safeguardingpartnership@swindon-ssp.example';
const ses = mockClient(SESClient);
let dynamo: EmbeddedDynamo;
let handler: (event: unknown) => Promise<void>;
let logs: string[] = [];
/** The week the handler reports on: the latest Monday 08:00 London time before the real now. */
const monday = digestTimeAtOrBefore(DateTime.utc(), 'Europe/London');
const iso = (instant: DateTime) => instant.toUTC().toISO() ?? '';

beforeAll(async () => {
  dynamo = await startDynamo();
  const store = new DynamoCaseStore(dynamo.doc, dynamo.table);
  const openedAt = iso(monday.minus({ days: 3 }));
  const history = [{ at: openedAt, event: 'opened' as const, stage: '2', messageId: '<o@x>', from: 'a@agency.example', to: [] }];
  await store.createCase(aCase({ ref: 'SSP-2026-0001', mailbox: MAILBOX, stage: '2', openedAt, stageStartedAt: openedAt, history }));
  await store.createCase(
    aCase({ ref: 'SSP-2026-0002', mailbox: MAILBOX, status: 'withdrawn', openedAt, stageStartedAt: openedAt, history }),
  );
  await store.createCase(
    aCase({ ref: 'XYZ-2026-0001', mailbox: 'another@partnership.example', openedAt, stageStartedAt: openedAt, history }),
  );
  await store.openReview({
    token: 'f'.repeat(24),
    messageId: '<r@x>',
    mailbox: MAILBOX,
    policyId: 'swindon',
    caseRef: null,
    reason: 'ambiguous',
    receivedAt: iso(monday.minus({ days: 2 })),
    suggestedStage: '1',
    from: 'a@agency.example',
    people: ['a@agency.example'],
    contacts: [],
    threadKeys: ['<r@x>'],
    status: 'pending',
  });
  const log = (caseRef: string, at: DateTime, commands: string) =>
    store.logCorrection({
      caseRef,
      mailbox: MAILBOX,
      at: iso(at),
      messageId: `<${caseRef}-${commands}@x>`,
      event: 'corrected',
      commands,
      stage: '2',
    });
  await log('SSP-2026-0002', monday.minus({ days: 1 }), '#not-a-case');
  await log('SSP-2026-0001', monday.minus({ days: 8 }), '#stage 2'); // the week before last: not reported
  Object.assign(process.env, await functionEnvironment(dynamo, MAILBOX));
  ({ handler } = await import('../../../functions/digest.js'));
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(() => {
  ses.reset();
  ses.on(SendRawEmailCommand).resolves({ MessageId: 'sent' });
  logs = captureLogs();
});

describe('the weekly digest handler', () => {
  it('emails each mailbox’s picture to its monitoring address once, however often the schedule fires', async () => {
    await handler({});
    await handler({});
    const calls = ses.commandCalls(SendRawEmailCommand);
    expect(calls.map((c) => c.args[0].input.Destinations)).toEqual([[MAILBOX]]);
    const mail = await simpleParser(Buffer.from(calls[0]?.args[0].input.RawMessage?.Data ?? new Uint8Array()));
    expect(mail.subject).toMatch(/^Escalations this week: 1 open, 0 overdue, 1 to review \(/);
    expect(mail.text).toMatch(/Open cases: 1, 0 overdue\.\n- SSP-2026-0001: Stage 2 /);
    expect(mail.text).toMatch(/Reviews waiting: 1\.\n- received .*, no case\./);
    expect(mail.text).toMatch(/Corrections last week: 1\.\n- .*: SSP-2026-0002 #not-a-case, now at stage 2\./);
    expect(mail.text).not.toContain('XYZ-2026-0001');
    expect(logs.join('')).toContain(`"week":"${monday.toISODate() ?? ''}"`);
    expect(logs.join('')).toContain('"alreadySent":1');
  });

  it('drops an invalid event with a logged reason', async () => {
    await handler({ week: 'next' });
    expect(ses.commandCalls(SendRawEmailCommand)).toHaveLength(0);
    expect(logs.join('')).toContain('rejected an invalid digest event');
  });
});
