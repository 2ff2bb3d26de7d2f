import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import type { Deployment } from '../../../lib/config.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { sendMonthlyReports } from '../../../lib/report/monthly.js';
import { aCase } from '../../support/case.js';
import { startDynamo, type EmbeddedDynamo } from '../../support/dynalite.js';
import { FixedClock, RecordingMailer } from '../../support/fakes.js';

const mailbox = (address: string, policyId: string, monitoringAddress: string) => ({
  address,
  policy: builtInPolicy(policyId),
  partnershipAddresses: [address],
  monitoringAddress,
});
/** Two partnerships in one deployment, each monitored at its own address. */
const deployment: Deployment = {
  mailboxes: [
    mailbox('ssp@swindon.example', 'swindon', 'monitoring@swindon.example'),
    mailbox('sscp@sunderland.example', 'sunderland', 'monitoring@sunderland.example'),
  ],
  fromAddress: 'escalations@partnership.example',
  loopId: 'escalations@partnership.example',
  closureDays: [],
  maxRecipients: 10,
  agencies: {},
};

let dynamo: EmbeddedDynamo;
let store: DynamoCaseStore;

beforeAll(async () => {
  dynamo = await startDynamo();
  store = new DynamoCaseStore(dynamo.doc, dynamo.table);
  const opened = (ref: string, policyId: string, mailboxAddress: string, openedAt: string) =>
    aCase({ ref, policyId, mailbox: mailboxAddress, openedAt, stageStartedAt: openedAt });
  await store.createCase(opened('SSP-2026-0001', 'swindon', 'ssp@swindon.example', '2026-10-05T09:00:00Z'));
  await store.createCase(opened('SSCP-2026-0001', 'sunderland', 'sscp@sunderland.example', '2026-10-07T09:00:00Z'));
  await store.createCase(opened('SSCP-2026-0002', 'sunderland', 'sscp@sunderland.example', '2026-10-31T23:30:00Z')); // 23:30 on 31 Oct, London being on GMT again: still October
});
afterAll(() => dynamo.close());

describe('sendMonthlyReports', () => {
  it('reports the month before now, to each monitoring address about its own mailboxes only', async () => {
    const mailer = new RecordingMailer();
    const clock = new FixedClock(DateTime.fromISO('2026-11-01T07:00', { zone: 'Europe/London' }));
    const outcome = await sendMonthlyReports({ store, mailer, clock, deployment });
    expect(outcome).toEqual({ month: '2026-10', sent: 2, alreadySent: 0 });
    expect(mailer.sent.map((m) => [m.kind, m.to, m.cc, m.caseRef, m.subject])).toEqual([
      ['report', ['monitoring@swindon.example'], [], null, 'Escalations monitoring report: October 2026'],
      ['report', ['monitoring@sunderland.example'], [], null, 'Escalations monitoring report: October 2026'],
    ]);
    expect(mailer.sent[0]?.text).toContain('- Swindon Safeguarding Partnership: 1 opened');
    expect(mailer.sent[0]?.text).not.toContain('Sunderland');
    expect(mailer.sent[1]?.text).toContain('- Sunderland Safeguarding Children Partnership: 2 opened');
  });

  it('sends a month once: a second run finds each report claimed', async () => {
    const mailer = new RecordingMailer();
    const clock = new FixedClock(DateTime.fromISO('2026-11-01T07:05', { zone: 'Europe/London' }));
    expect(await sendMonthlyReports({ store, mailer, clock, deployment })).toEqual({ month: '2026-10', sent: 0, alreadySent: 2 });
    expect(mailer.sent).toEqual([]);
  });

  it('reports a month asked for by name, whatever the date', async () => {
    const mailer = new RecordingMailer();
    const clock = new FixedClock(DateTime.fromISO('2027-03-15T12:00', { zone: 'Europe/London' }));
    expect(await sendMonthlyReports({ store, mailer, clock, deployment }, '2026-09')).toEqual({
      month: '2026-09',
      sent: 2,
      alreadySent: 0,
    });
    expect(mailer.sent[0]?.text).toContain('0 opened');
  });
});
