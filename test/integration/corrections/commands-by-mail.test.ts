import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../../../lib/cases/case.js';
import { reviewTokenOf } from '../../../lib/cases/review.js';
import { caseDeadlines } from '../../../lib/cases/deadlines.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { eml, messageIdOf } from '../../support/eml.js';
import { harness, JANE, MAILBOX, RAJ, SSP, type Harness } from '../cases/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.dynamo.close();
});

const swindon = builtInPolicy('swindon');
const opener = (subject = 'Professional disagreement - discharge plan') =>
  eml({
    from: JANE,
    to: RAJ,
    cc: SSP,
    subject,
    text: 'Raj,\n\nI am raising this with you as a Stage 2 inter-agency discussion under the resolution policy.\n\nJane',
  });
/** A reply from the partnership to one of the product's emails. */
const command = (subject: string, text: string, extra: Partial<Parameters<typeof eml>[0]> = {}) =>
  eml({ from: SSP, to: SSP, subject: `Re: ${subject}`, text, ...extra });

async function openCase(subject?: string): Promise<{ first: Buffer; ref: string; stored: Case }> {
  const first = opener(subject);
  const outcome = await h.ingest(first);
  if (outcome.outcome !== 'opened') throw new Error(`expected a case to open, got ${outcome.outcome}`);
  const stored = await h.store.getCase(outcome.caseRef);
  if (!stored) throw new Error('case not stored');
  return { first, ref: outcome.caseRef, stored };
}

const lastMail = () => h.mailer.sent.at(-1);
function required<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

describe('commands by mail from a partnership address', () => {
  it('#stage moves a misread case either way, records who sent it, re-syncs reminders and confirms to the partnership', async () => {
    const { ref } = await openCase();
    h.clock.set('2026-11-04T11:00');
    const outcome = await h.ingest(command(`[${ref}] Professional disagreement recorded`, '#stage 1\n\nIt never left the practitioners.'));
    expect(outcome).toMatchObject({ outcome: 'command', applied: true, reason: 'corrected', caseRef: ref });
    const stored = await h.store.getCase(ref);
    expect(stored).toMatchObject({ stage: '1', stageStartedAt: '2026-11-04T11:00:00.000Z', status: 'open' });
    expect(stored?.history.at(-1)).toMatchObject({ event: 'corrected', stage: '1', from: MAILBOX, note: '#stage 1' });
    expect(h.reminders.synced.at(-1)).toMatchObject({ ref, stage: '1', status: 'open' });
    expect(lastMail()).toMatchObject({
      kind: 'confirmation',
      caseRef: ref,
      to: [MAILBOX],
      subject: `[${ref}] Correction applied: #stage 1`,
    });
    expect(lastMail()?.text).toContain('moved from stage 2 to stage 1');
    // The deadlines start from the correction.
    expect(
      caseDeadlines(required(stored), swindon, [])
        .find((d) => d.kind === 'deadline')
        ?.due.toISO(),
    ).toBe('2026-11-06T17:00:00.000+00:00');
  });

  it('the same command delivered twice changes nothing the second time and sends no second reply', async () => {
    const { ref } = await openCase();
    const once = command(`[${ref}] Professional disagreement recorded`, '#stage 3');
    await h.ingest(once);
    const [stored, sent] = [await h.store.getCase(ref), h.mailer.sent.length];
    expect(await h.ingest(once)).toMatchObject({ outcome: 'ignored', reason: 'duplicate' });
    expect(await h.store.getCase(ref)).toEqual(stored);
    expect(h.mailer.sent.length).toBe(sent);
  });

  it('#not-a-case withdraws a case: status withdrawn, no deadlines, later mail on its thread only noted', async () => {
    const { first, ref } = await openCase();
    await h.ingest(command(`[${ref}] Professional disagreement recorded`, '#not-a-case'));
    const stored = await h.store.getCase(ref);
    expect(stored).toMatchObject({ status: 'withdrawn' });
    expect(stored?.history.at(-1)).toMatchObject({ event: 'withdrawn', from: MAILBOX });
    expect(caseDeadlines(required(stored), swindon, [])).toEqual([]);
    expect(h.reminders.synced.at(-1)).toMatchObject({ ref, status: 'withdrawn' });
    expect(await h.store.openCases()).toEqual([]);
    const later = eml({
      from: RAJ,
      to: JANE,
      cc: SSP,
      subject: 'RE: Professional disagreement - discharge plan',
      text: 'I am escalating this to Stage 3 now.',
      inReplyTo: messageIdOf(first),
      references: [messageIdOf(first)],
    });
    expect(await h.ingest(later)).toMatchObject({ outcome: 'noted', caseRef: ref });
    expect(await h.store.getCase(ref)).toMatchObject({ status: 'withdrawn', stage: '2' });
  });

  it('#resolved, then #reopen with #stage and #due as one decision', async () => {
    const { ref } = await openCase();
    await h.ingest(command(`[${ref}] x`, '#resolved'));
    expect(await h.store.getCase(ref)).toMatchObject({ status: 'resolved' });
    h.clock.set('2026-11-05T09:30');
    await h.ingest(command(`[${ref}] x`, '#reopen\n#stage 3\n#due 2026-11-20'));
    const stored = await h.store.getCase(ref);
    expect(stored).toMatchObject({ status: 'open', stage: '3', resolvedAt: null });
    const deadline = caseDeadlines(required(stored), swindon, []).find((d) => d.kind === 'deadline');
    expect(deadline?.due.setZone('Europe/London').toISO()).toBe('2026-11-20T17:00:00.000+00:00');
    expect(deadline?.id).toBe('stage-3-agreed-20261120T1700');
  });

  it('#merge moves the messages and thread keys into the other case and withdraws this one', async () => {
    const a = await openCase('Professional disagreement - discharge plan');
    const b = await openCase('Professional disagreement - school place');
    await h.ingest(command(`[${b.ref}] x`, `#merge ${a.ref}`));
    const [left, joined] = [await h.store.getCase(b.ref), await h.store.getCase(a.ref)];
    expect(left).toMatchObject({ status: 'withdrawn' });
    expect(left?.history.at(-1)).toMatchObject({ event: 'merged', note: `${b.ref} merged into ${a.ref}` });
    expect(joined?.messages).toEqual([...a.stored.messages, ...b.stored.messages]);
    expect(joined?.history.at(-1)).toMatchObject({ event: 'merged', from: MAILBOX });
    // A reply on the merged case's thread now lands on the case it joined.
    const reply = eml({
      from: RAJ,
      to: JANE,
      cc: SSP,
      subject: 'RE: Professional disagreement - school place',
      text: 'Thanks, noted.',
      inReplyTo: messageIdOf(b.first),
      references: [messageIdOf(b.first)],
    });
    expect(await h.ingest(reply)).toMatchObject({ caseRef: a.ref });
  });

  it('a review is opened as a case with #open stage 2, named by the token in the review request subject', async () => {
    // An opener that failed authentication cannot open a case itself: it goes to review.
    const question = opener();
    const reviewed = await h.ingest(question, { verdicts: { spf: 'FAIL', dkim: 'FAIL', dmarc: 'GRAY' } });
    expect(reviewed.outcome).toBe('review');
    const request = h.mailer.sent.find((m) => m.kind === 'review');
    const token = reviewTokenOf(request?.subject ?? '');
    expect(token).toMatch(/^[0-9a-f]{24}$/);
    expect(request?.links?.map((l) => l.label)).toContain('Open as a case at Stage 2 Inter-agency Discussion');
    expect(await h.store.pendingReviews()).toHaveLength(1);

    h.clock.set('2026-11-03T09:00');
    const outcome = await h.ingest(command(required(request).subject, '#open stage 2'));
    expect(outcome).toMatchObject({ outcome: 'command', applied: true, reason: 'opened' });
    const opened = await h.store.getCase(outcome.caseRef ?? '');
    expect(opened).toMatchObject({ stage: '2', status: 'open', messages: [messageIdOf(question)] });
    expect(opened?.history.map((e) => e.event)).toEqual(['opened', 'corrected']);
    expect(h.mailer.sent.filter((m) => m.kind === 'acknowledgement' && m.caseRef === outcome.caseRef)).toHaveLength(1);
    expect(await h.store.pendingReviews()).toEqual([]);
    // A second #open on the same review changes nothing.
    expect(await h.ingest(command(required(request).subject, '#open'))).toMatchObject({ outcome: 'command', applied: false });
  });

  it('a forged command (DMARC fails) goes to review and changes nothing', async () => {
    const { ref, stored } = await openCase();
    const before = await h.store.getCase(ref);
    const outcome = await h.ingest(command(`[${ref}] x`, '#not-a-case'), { verdicts: { spf: 'PASS', dkim: 'PASS', dmarc: 'FAIL' } });
    expect(outcome).toMatchObject({ outcome: 'review' });
    expect(await h.store.getCase(ref)).toEqual(before);
    expect(stored.status).toBe('open');
    expect(lastMail()).toMatchObject({ kind: 'review', to: [MAILBOX] });
  });

  it('a command without SPF or DKIM passing is not authenticated either', async () => {
    const { ref } = await openCase();
    const before = await h.store.getCase(ref);
    const outcome = await h.ingest(command(`[${ref}] x`, '#stage 4'), { verdicts: { spf: 'FAIL', dkim: 'GRAY', dmarc: 'GRAY' } });
    expect(outcome.outcome).toBe('review');
    expect(await h.store.getCase(ref)).toEqual(before);
  });

  it('command lines from anyone else are ordinary mail', async () => {
    const { first, ref } = await openCase();
    const outcome = await h.ingest(
      eml({
        from: RAJ,
        to: JANE,
        cc: SSP,
        subject: `RE: [${ref}] Professional disagreement`,
        text: '#not-a-case\n\nThanks.',
        inReplyTo: messageIdOf(first),
        references: [messageIdOf(first)],
      }),
    );
    expect(outcome).toMatchObject({ outcome: 'noted', caseRef: ref });
    expect(await h.store.getCase(ref)).toMatchObject({ status: 'open', stage: '2' });
  });
});

describe('bad commands change nothing and get a clear reply listing the commands', () => {
  const cases: [string, (ref: string, other: string) => { subject: string; text: string }, RegExp][] = [
    ['an unknown command', (ref) => ({ subject: `[${ref}] x`, text: '#escalate 3' }), /#escalate is not a command/],
    [
      'a stage the policy does not have',
      (ref) => ({ subject: `[${ref}] x`, text: '#stage 9' }),
      /has no stage 9 \(its stages: 1, 2, 3, 4, 5\)/,
    ],
    ['#merge into itself', (ref) => ({ subject: `[${ref}] x`, text: `#merge ${ref}` }), /cannot be merged into itself/],
    [
      '#merge into a withdrawn case',
      (ref, other) => ({ subject: `[${ref}] x`, text: `#merge ${other}` }),
      /is withdrawn: merge into a case that stands/,
    ],
    ['#due in the past', (ref) => ({ subject: `[${ref}] x`, text: '#due 2026-10-01' }), /has passed/],
    ['#due not a date', (ref) => ({ subject: `[${ref}] x`, text: '#due 31/02/2026' }), /#due needs a date/],
    [
      'a command only in the quoted history',
      (ref) => ({ subject: `[${ref}] x`, text: 'Thanks, all done.\n\nOn Mon, 2 Nov 2026 someone wrote:\n> #not-a-case' }),
      /quoted history were not applied/,
    ],
    [
      'two commands that contradict each other',
      (ref) => ({ subject: `[${ref}] x`, text: '#resolved\n#reopen' }),
      /#resolved cannot go with #reopen/,
    ],
    ['two different stages', (ref) => ({ subject: `[${ref}] x`, text: '#stage 3\n#stage 4' }), /#stage is given twice/],
    ['no case in the subject', () => ({ subject: 'Hello', text: '#resolved' }), /names no case/],
  ];
  it.each(cases)('%s', async (_name, build, why) => {
    const { ref } = await openCase('Professional disagreement - discharge plan');
    const withdrawn = await openCase('Professional disagreement - school place');
    await h.ingest(command(`[${withdrawn.ref}] x`, '#not-a-case'));
    const before = [await h.store.getCase(ref), await h.store.getCase(withdrawn.ref)];
    const { subject, text } = build(ref, withdrawn.ref);
    const outcome = await h.ingest(command(subject, text));
    expect(outcome).toMatchObject({ outcome: 'command', applied: false, reason: 'refused' });
    expect([await h.store.getCase(ref), await h.store.getCase(withdrawn.ref)]).toEqual(before);
    const reply = lastMail();
    expect(reply).toMatchObject({ kind: 'confirmation', to: [MAILBOX] });
    expect(reply?.subject).toContain('Correction not applied');
    expect(reply?.text).toMatch(why);
    expect(reply?.text).toContain('#open [stage <n>]');
    expect(reply?.text).toContain('Nothing was changed');
  });

  it('a command on a case of another mailbox', async () => {
    const sunderland = 'sscp@sunderland-council.example';
    const opened = await h.ingest(
      eml({
        from: JANE,
        to: RAJ,
        cc: sunderland,
        subject: 'Professional disagreement',
        text: 'Raj,\n\nI am escalating this to Step 2 under the resolving professional differences protocol.\n\nJane',
      }),
      { recipients: [sunderland] },
    );
    expect(opened.outcome).toBe('opened');
    const before = await h.store.getCase(opened.caseRef ?? '');
    const outcome = await h.ingest(command(`[${opened.caseRef}] x`, '#stage 3'));
    expect(outcome).toMatchObject({ outcome: 'command', applied: false });
    expect(await h.store.getCase(opened.caseRef ?? '')).toEqual(before);
    expect(lastMail()?.text).toMatch(/belongs to another mailbox or policy/);
  });
});
