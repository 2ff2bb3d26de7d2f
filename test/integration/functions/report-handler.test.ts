import { SendRawEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import { aCase } from '../../support/case.js';
import { functionEnvironment, startDynamo, type EmbeddedDynamo } from '../../support/dynalite.js';
import { captureLogs } from '../../support/logs.js';

const MAILBOX = 'safeguardingpartnership@swindon-ssp.example';
const ses = mockClient(SESClient);
let dynamo: EmbeddedDynamo;
let handler: (event: unknown) => Promise<void>;
let logs: string[] = [];

const opened = (ref: string, openedAt: string, mailbox = MAILBOX) =>
  aCase({
    ref,
    mailbox,
    openedAt,
    stageStartedAt: openedAt,
    history: [{ at: openedAt, event: 'opened', stage: '1', messageId: `<${ref}@x>`, from: 'a@agency.example', to: [] }],
  });

beforeAll(async () => {
  dynamo = await startDynamo();
  const store = new DynamoCaseStore(dynamo.doc, dynamo.table);
  await store.createCase(opened('SSP-2026-0001', '2026-10-05T09:00:00Z'));
  await store.createCase(opened('SSP-2026-0002', '2026-10-30T09:00:00Z'));
  await store.createCase(opened('SSP-2026-0003', '2026-11-02T09:00:00Z')); // the next month
  await store.createCase(opened('SSP-2026-0004', '2026-10-06T09:00:00Z', 'another@partnership.example')); // not this deployment's
  Object.assign(process.env, await functionEnvironment(dynamo, MAILBOX));
  ({ handler } = await import('../../../functions/report.js'));
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(() => {
  ses.reset();
  ses.on(SendRawEmailCommand).resolves({ MessageId: 'sent' });
  logs = captureLogs();
});

describe('the monthly report handler', () => {
  it('emails the month’s report to the monitoring address, with HTML and CSV attached, once however often it fires', async () => {
    await handler({ month: '2026-10' });
    await handler({ month: '2026-10' });
    const calls = ses.commandCalls(SendRawEmailCommand);
    expect(calls.map((c) => [c.args[0].input.Source, c.args[0].input.Destinations])).toEqual([
      ['escalations@partnership.example', [MAILBOX]],
    ]);
    const mail = await simpleParser(Buffer.from(calls[0]?.args[0].input.RawMessage?.Data ?? new Uint8Array()));
    expect(mail.subject).toBe('Escalations monitoring report: October 2026');
    expect(mail.text).toContain('- Swindon Safeguarding Partnership: 2 opened, 0 of them resolved, 2 still open;');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['escalations-report-2026-10.html', 'text/html'],
      ['escalations-report-2026-10.csv', 'text/csv'],
    ]);
    // The cases opened in October at this deployment's mailbox; November's case is only in "overdue now".
    const csv = mail.attachments[1]?.content.toString('utf8') ?? '';
    expect([...csv.matchAll(/^swindon,(SSP-\d{4}-\d{4}),agency\.example,/gm)].map((m) => m[1])).toEqual(['SSP-2026-0001', 'SSP-2026-0002']);
    expect(csv).toMatch(/^swindon,SSP-2026-0003,1,/m);
    expect(csv).not.toContain('SSP-2026-0004');
    expect(logs.join('')).toContain('"alreadySent":1');
  });

  it('rejects an event that names no month it understands, without retrying', async () => {
    await expect(handler({ month: '2026-13' })).resolves.toBeUndefined();
    await expect(handler({ detail: {} })).resolves.toBeUndefined();
    expect(ses.commandCalls(SendRawEmailCommand)).toHaveLength(0);
    expect(logs.filter((line) => line.includes('rejected an invalid report event'))).toHaveLength(2);
  });

  it('throws when sending fails, so that Lambda retries, and the retry sends', async () => {
    ses.on(SendRawEmailCommand).rejectsOnce(new Error('Throttling')).resolves({ MessageId: 'sent' });
    await expect(handler({ month: '2026-09' })).rejects.toThrow(/^monthly report failed: TransientSendError \([0-9a-f]{12}\)$/);
    await handler({ month: '2026-09' });
    expect(ses.commandCalls(SendRawEmailCommand)).toHaveLength(2);
  });
});
