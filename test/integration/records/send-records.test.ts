import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import type { Case, HistoryEntry } from '../../../lib/cases/case.js';
import type { Deployment, Mailbox } from '../../../lib/config.js';
import type { OutgoingMail } from '../../../lib/outgoing/mail.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { sendRecords } from '../../../lib/records/send.js';
import { aCase } from '../../support/case.js';
import { startDynamo, type EmbeddedDynamo } from '../../support/dynalite.js';
import { FixedClock, RecordingMailer } from '../../support/fakes.js';
import { readDocx } from '../../support/docx.js';

const policy = builtInPolicy('swindon');
const mailbox: Mailbox = {
  address: 'partnership@swindon.example',
  policy,
  partnershipAddresses: ['partnership@swindon.example'],
  monitoringAddress: 'monitoring@swindon.example',
};
const deployment: Deployment = {
  mailboxes: [mailbox],
  fromAddress: 'escalations@swindon.example',
  loopId: 'escalations@swindon.example',
  closureDays: [],
  maxRecipients: 10,
  agencies: { 'swindon.gov.example': 'Swindon Borough Council', 'nhs.example': 'Great Western Hospitals' },
};
const ann = 'ann@swindon.gov.example';
const ben = 'ben@nhs.example';

const entry = (at: string, event: HistoryEntry['event'], stage: string, from: string, to: string): HistoryEntry => ({
  at,
  event,
  stage,
  messageId: `<${at}@x>`,
  from,
  to: [to],
});

/** A Swindon case opened at Stage 1 on Mon 2 Nov, at Stage 5 (the form's) from Thu 12 Nov. */
function atStageFive(ref = 'SSP-2026-0001'): Case {
  const history = [
    entry('2026-11-02T10:00:00Z', 'opened', '1', ann, ben),
    entry('2026-11-04T11:00:00Z', 'advanced', '3', ben, ann),
    entry('2026-11-12T10:00:00Z', 'advanced', '5', ann, ben),
  ];
  return aCase({
    ref,
    mailbox: mailbox.address,
    stage: '5',
    stageStartedAt: '2026-11-12T10:00:00Z',
    openedAt: '2026-11-02T10:00:00Z',
    history,
    messages: history.map((h) => h.messageId),
    participants: [ann, ben],
  });
}

const resolvedAt = (c: Case, at: string): Case => ({
  ...c,
  status: 'resolved',
  resolvedAt: at,
  history: [...c.history, entry(at, 'resolved', c.stage, ben, ann)],
});

/** A case as stored: a record's send is claimed and marked on its case. */
async function stored(c: Case): Promise<Case> {
  await store.createCase(c);
  return c;
}

/** The message that made the case's latest change: the one whose ingest sends what the change owes. */
const lastMessage = (c: Case) => c.history.at(-1)?.messageId ?? '';

class FailingOnceMailer extends RecordingMailer {
  private failed = false;
  override send(mail: OutgoingMail): Promise<void> {
    if (!this.failed) {
      this.failed = true;
      return Promise.reject(new Error('SES is throttling'));
    }
    return super.send(mail);
  }
}

let dynamo: EmbeddedDynamo;
let store: DynamoCaseStore;
let mailer: RecordingMailer;
const clock = new FixedClock(DateTime.fromISO('2026-11-12T10:00:00Z'));

beforeAll(async () => {
  dynamo = await startDynamo();
  store = new DynamoCaseStore(dynamo.doc, dynamo.table);
});
afterAll(() => dynamo.close());
beforeEach(() => {
  mailer = new RecordingMailer();
  clock.set('2026-11-12T10:00:00Z');
});

describe('sendRecords, against the embedded DynamoDB server', () => {
  it('sends the policy’s form once, to the monitoring address only, when the case reaches the form’s stage', async () => {
    const current = await stored(atStageFive('SSP-2026-0101'));
    await sendRecords(current, mailbox, { store, mailer, clock, deployment }, lastMessage(current));
    await sendRecords(current, mailbox, { store, mailer, clock, deployment }, lastMessage(current)); // the same message delivered again
    expect(mailer.sent).toHaveLength(1);
    const [form] = mailer.sent;
    expect(form).toMatchObject({ kind: 'form', caseRef: 'SSP-2026-0101', stage: '5', to: ['monitoring@swindon.example'], cc: [] });
    expect(form?.subject).toBe('[SSP-2026-0101] Appendix 1 – Resolution Form: pre-filled at Stage 5 Swindon Safeguarding Partnership');
    expect(form?.attachments?.map((a) => [a.filename, a.contentType])).toEqual([
      ['SSP-2026-0101-appendix-1.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['SSP-2026-0101-appendix-1.html', 'text/html; charset=utf-8'],
    ]);
    // The body names stages and dates; the people are only in the form, which the partnership keeps.
    expect(form?.text).toContain(
      [
        '- Stage 1 Internal Discussion: from Mon 2 Nov 2026, escalated to Stage 3 Team/Service Manager on Wed 4 Nov 2026, within its timescale (2.0 working days).',
        '- Stage 3 Team/Service Manager: from Wed 4 Nov 2026, escalated to Stage 5 Swindon Safeguarding Partnership on Thu 12 Nov 2026, past its timescale (6.0 working days).',
        '- Stage 5 Swindon Safeguarding Partnership: from Thu 12 Nov 2026, still running (0.0 working days).',
      ].join('\n'),
    );
    expect(form?.text).not.toMatch(/ann@|ben@/);
    // The agencies come from the deployment's directory of domains.
    const docx = await readDocx(form?.attachments?.[0]?.content ?? Buffer.alloc(0));
    expect(docx.tables[0]).toContainEqual(['Name of the agency seeking a solution', 'Swindon Borough Council']);
    const html = form?.attachments?.[1]?.content.toString('utf8') ?? '';
    expect(html).toContain('<td>ben@nhs.example (Great Western Hospitals)</td>');
  });

  it('sends nothing for a case below the form’s stage, and claims nothing', async () => {
    const early = await stored({ ...atStageFive('SSP-2026-0102'), stage: '3', history: atStageFive().history.slice(0, 2) });
    await sendRecords(early, mailbox, { store, mailer, clock, deployment }, lastMessage(early));
    expect(mailer.sent).toEqual([]);
    // Nothing was claimed: when it reaches Stage 5 the form still goes.
    const reached = atStageFive('SSP-2026-0102');
    await sendRecords(reached, mailbox, { store, mailer, clock, deployment }, lastMessage(reached));
    expect(mailer.sent.map((m) => m.kind)).toEqual(['form']);
  });

  it('asks the store nothing for a later message on a case already past the form’s stage', async () => {
    const current = await stored(atStageFive('SSP-2026-0105'));
    await sendRecords(current, mailbox, { store, mailer, clock, deployment }, lastMessage(current));
    const later = { ...current, history: [...current.history, entry('2026-11-13T10:00:00Z', 'noted', '5', ben, ann)] };
    dynamo.resetCount();
    await sendRecords(later, mailbox, { store, mailer, clock, deployment }, lastMessage(later));
    expect(dynamo.requestCount()).toBe(0);
    expect(mailer.sent).toHaveLength(1);
  });

  it('releases its claim when sending fails, so the retry of the message sends the form', async () => {
    const failing = new FailingOnceMailer();
    const current = await stored(atStageFive('SSP-2026-0103'));
    await expect(sendRecords(current, mailbox, { store, mailer: failing, clock, deployment }, lastMessage(current))).rejects.toThrow(
      'SES is throttling',
    );
    expect(failing.sent).toEqual([]);
    await sendRecords(current, mailbox, { store, mailer: failing, clock, deployment }, lastMessage(current));
    expect(failing.sent.map((m) => m.kind)).toEqual(['form']);
  });

  it('sends one closure summary per resolution with every form, and another if the case is reopened and resolved again', async () => {
    const open = await stored(atStageFive('SSP-2026-0104'));
    await sendRecords(open, mailbox, { store, mailer, clock, deployment }, lastMessage(open));
    clock.set('2026-11-16T14:00:00Z');
    const resolved = resolvedAt(open, '2026-11-16T14:00:00Z');
    await sendRecords(resolved, mailbox, { store, mailer, clock, deployment }, lastMessage(resolved));
    await sendRecords(resolved, mailbox, { store, mailer, clock, deployment }, lastMessage(resolved));
    expect(mailer.sent.map((m) => m.kind)).toEqual(['form', 'closure']);
    const closure = mailer.sent[1];
    expect(closure).toMatchObject({ to: ['monitoring@swindon.example'], cc: [] });
    expect(closure?.subject).toMatch(/^\[SSP-2026-0104\] Closure summary: resolved at Stage 5/);
    expect(closure?.attachments?.map((a) => a.filename)).toEqual([
      'SSP-2026-0104-appendix-1-closure.docx',
      'SSP-2026-0104-appendix-1-closure.html',
    ]);

    const reopened: Case = {
      ...resolved,
      status: 'open',
      resolvedAt: null,
      history: [...resolved.history, entry('2026-11-20T10:00:00Z', 'reopened', '5', ann, ben)],
    };
    await sendRecords(reopened, mailbox, { store, mailer, clock, deployment }, lastMessage(reopened));
    expect(mailer.sent).toHaveLength(2); // the Stage 5 form went already
    clock.set('2026-11-24T10:00:00Z');
    const resolvedAgain = resolvedAt(reopened, '2026-11-24T10:00:00Z');
    await sendRecords(resolvedAgain, mailbox, { store, mailer, clock, deployment }, lastMessage(resolvedAgain));
    expect(mailer.sent.map((m) => m.kind)).toEqual(['form', 'closure', 'closure']);
  });
});
