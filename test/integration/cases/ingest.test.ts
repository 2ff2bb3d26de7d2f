import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnroutableMessageError } from '../../../lib/cases/errors.js';
import { eml, messageIdOf } from '../../support/eml.js';
import { harness, JANE, MAILBOX, RAJ, SSP, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.dynamo.close();
});

const opener = (extra: Partial<Parameters<typeof eml>[0]> = {}) =>
  eml({
    from: JANE,
    to: RAJ,
    cc: SSP,
    subject: 'Professional disagreement - discharge plan',
    text: 'Raj,\n\nI am raising this with you as a Stage 2 inter-agency discussion under the resolution policy.\n\nJane',
    ...extra,
  });
const reply = (to: Buffer, text: string, extra: Partial<Parameters<typeof eml>[0]> = {}) =>
  eml({
    from: RAJ,
    to: JANE,
    cc: SSP,
    subject: 'RE: Professional disagreement - discharge plan',
    text,
    inReplyTo: messageIdOf(to),
    references: [messageIdOf(to)],
    ...extra,
  });

async function openCase() {
  const first = opener();
  const outcome = await h.ingest(first);
  if (outcome.outcome !== 'opened') throw new Error(`expected a case to open, got ${JSON.stringify(outcome)}`);
  return { first, ref: outcome.caseRef };
}

describe('opening a case', () => {
  it('opens at the stage the message names, acknowledges its people once, books its reminders', async () => {
    const { ref } = await openCase();
    expect(ref).toBe('SSP-2026-0001');
    const stored = await h.store.getCase(ref);
    expect(stored).toMatchObject({
      status: 'open',
      stage: '2',
      policyId: 'swindon',
      stageContacts: ['jane.smith@swindon-council.example', 'raj.patel@gwh-nhs.example'],
    });
    expect(stored?.acknowledgedAt).not.toBeNull();
    expect(h.mailer.sent).toHaveLength(1);
    const [ack] = h.mailer.sent;
    expect(ack).toMatchObject({
      kind: 'acknowledgement',
      caseRef: ref,
      to: ['jane.smith@swindon-council.example', 'raj.patel@gwh-nhs.example'],
      replyTo: MAILBOX,
    });
    expect(ack?.subject.startsWith(`[${ref}] `)).toBe(true);
    expect(ack?.text).toContain('by 5pm on Monday 9 November 2026');
    // No names, no subject words, no message text.
    for (const personal of ['Jane', 'Raj', 'discharge', 'inter-agency discussion under'])
      expect(`${ack?.subject ?? ''} ${ack?.text ?? ''}`).not.toContain(personal);
    expect(h.reminders.synced.map((s) => s.ref)).toEqual([ref]);
  });

  it("opens at the policy's first stage when no stage is named", async () => {
    const outcome = await h.ingest(opener({ text: 'I have a professional disagreement with the decision to discharge.' }));
    expect(outcome.outcome).toBe('opened');
    expect((await h.store.getCase('SSP-2026-0001'))?.stage).toBe('1');
  });

  it('ignores a message that is not about the resolution process', async () => {
    expect(await h.ingest(opener({ subject: 'Room booking', text: 'Can you confirm the room for Thursday?' }))).toMatchObject({
      outcome: 'ignored',
      reason: 'unrelated',
    });
    expect(await h.store.getCase('SSP-2026-0001')).toBeNull();
  });
});

describe('matching', () => {
  it('a reply in the thread advances the case', async () => {
    const { first, ref } = await openCase();
    expect(await h.ingest(reply(first, "We still disagree, so I'm escalating this to Stage 3."))).toMatchObject({
      outcome: 'advanced',
      caseRef: ref,
    });
    const stored = await h.store.getCase(ref);
    expect(stored?.stage).toBe('3');
    expect(stored?.stageContacts).toEqual(['raj.patel@gwh-nhs.example', 'jane.smith@swindon-council.example']);
    expect(stored?.history.map((e) => e.event)).toEqual(['opened', 'advanced']);
  });

  it('a reply that forks from mail the mailbox never saw still matches by a mentioned Message-ID', async () => {
    const unseen = '<never-copied@gwh-nhs.example>';
    const first = opener({ inReplyTo: unseen, references: [unseen] });
    const { caseRef } = (await h.ingest(first)) as { caseRef: string };
    const fork = eml({
      from: RAJ,
      to: JANE,
      cc: SSP,
      subject: 'Re: discharge',
      text: 'Moving this to Stage 3 now.',
      inReplyTo: unseen,
      references: [unseen],
    });
    expect(await h.ingest(fork)).toMatchObject({ outcome: 'advanced', caseRef });
  });

  it('a known reference in the subject matches, from a domain seen on the case', async () => {
    const { ref } = await openCase();
    const tagged = eml({
      from: 'Amy Clarke <amy.clarke@gwh-nhs.example>',
      to: MAILBOX,
      subject: `[${ref}] update`,
      text: 'We are escalating to Stage 4.',
    });
    expect(await h.ingest(tagged)).toMatchObject({ outcome: 'advanced', caseRef: ref });
  });

  it('a reference alone from a stranger’s domain goes to review and changes nothing', async () => {
    const { ref } = await openCase();
    const stranger = eml({
      from: 'someone@ticketing.example',
      to: MAILBOX,
      subject: `[${ref}] Ticket updated`,
      text: 'We are escalating to Stage 5.',
    });
    expect(await h.ingest(stranger)).toMatchObject({
      outcome: 'review',
      caseRef: ref,
      reason: expect.stringContaining('never appeared on the case') as unknown,
    });
    const stored = await h.store.getCase(ref);
    expect([stored?.stage, stored?.messages.length]).toEqual(['2', 1]);
    expect(h.mailer.sent.at(-1)).toMatchObject({ kind: 'review', to: [MAILBOX], caseRef: ref });
  });

  it('an unknown reference goes to review', async () => {
    const unknown = eml({ from: JANE, to: MAILBOX, subject: '[SSP-2026-0999] update', text: 'We are escalating to Stage 3.' });
    expect(await h.ingest(unknown)).toMatchObject({
      outcome: 'review',
      caseRef: null,
      reason: expect.stringContaining('SSP-2026-0999') as unknown,
    });
  });

  it('mail to no configured mailbox is refused', async () => {
    const elsewhere = eml({ from: JANE, to: 'someone@else.example', subject: 'Professional disagreement', text: 'Stage 2.' });
    await expect(h.ingest(elsewhere, { recipients: ['someone@else.example'] })).rejects.toBeInstanceOf(UnroutableMessageError);
  });

  it('routes by mailbox to that partnership’s policy', async () => {
    const sunderland = eml({
      from: 'pc@police.example',
      to: 'ehw@sunderland-council.example',
      cc: 'sscp@sunderland-council.example',
      subject: 'Dispute resolution - Step 1',
      text: 'Under Step 1 I would like to discuss this.',
    });
    expect(await h.ingest(sunderland, { recipients: ['sscp@sunderland-council.example'] })).toMatchObject({
      outcome: 'opened',
      caseRef: 'SSCP-2026-0001',
    });
  });
});

describe('what a message does to its case', () => {
  it('resolves on a clear statement; negated and conditional statements are notes', async () => {
    const { first, ref } = await openCase();
    expect(await h.ingest(reply(first, 'Just to be clear: this is not resolved.'))).toMatchObject({ outcome: 'noted' });
    expect(await h.ingest(reply(first, 'If this is resolved by Friday I will close my file.'))).toMatchObject({ outcome: 'noted' });
    expect(await h.ingest(reply(first, 'Thank you, I can confirm this is now resolved.'))).toMatchObject({
      outcome: 'resolved',
      caseRef: ref,
    });
    expect((await h.store.getCase(ref))?.status).toBe('resolved');
  });

  it('never moves a stage backwards: a late message about an earlier stage is a note', async () => {
    const { first, ref } = await openCase();
    await h.ingest(reply(first, 'I am referring the matter to Stage 4.'));
    expect(await h.ingest(reply(first, 'I am escalating this to Stage 3.'))).toMatchObject({ outcome: 'noted' });
    const stored = await h.store.getCase(ref);
    expect(stored?.stage).toBe('4');
    expect(stored?.history.at(-1)?.note).toContain('never goes backwards');
  });

  it('reopens a resolved case that escalates further', async () => {
    const { first, ref } = await openCase();
    await h.ingest(reply(first, 'This is now resolved.'));
    expect(await h.ingest(reply(first, 'The plan failed, so I am escalating this to Stage 3.'))).toMatchObject({
      outcome: 'reopened',
      caseRef: ref,
    });
    expect(await h.store.getCase(ref)).toMatchObject({ status: 'open', stage: '3', resolvedAt: null });
  });

  it('the same message delivered twice changes nothing the second time: its record says its reminders were booked', async () => {
    const { first, ref } = await openCase();
    const escalation = reply(first, 'I am escalating this to Stage 3.');
    await h.ingest(escalation);
    const before = await h.store.getCase(ref);
    const syncs = h.reminders.synced.length;
    expect(await h.ingest(escalation)).toMatchObject({ outcome: 'ignored', reason: 'duplicate', caseRef: ref });
    expect(await h.store.getCase(ref)).toEqual(before);
    expect(h.reminders.synced.length).toBe(syncs);
  });

  it('an ambiguous message on a case is noted on it and sent for review', async () => {
    const { first, ref } = await openCase();
    expect(await h.ingest(reply(first, 'From our side this is now resolved. I am escalating to Stage 4.'))).toMatchObject({
      outcome: 'review',
      caseRef: ref,
    });
    const stored = await h.store.getCase(ref);
    expect([stored?.stage, stored?.status, stored?.messages.length]).toEqual(['2', 'open', 2]);
    expect(stored?.history.at(-1)).toMatchObject({ event: 'noted', note: expect.stringContaining('contradictory') as unknown });
  });
});

describe('safety', () => {
  it.each([
    ['an auto-reply', { headers: { 'Auto-Submitted': 'auto-replied' } }, {}, 'auto-reply'],
    ['our own mail', { headers: { 'X-Loop': 'escalations@partnership.example' } }, {}, 'own-mail'],
    ['spam', {}, { verdicts: { spam: 'FAIL' as const } }, 'spam'],
    ['a virus', {}, { verdicts: { virus: 'FAIL' as const } }, 'virus'],
  ])('ignores %s', async (_, emlExtra, incoming, reason) => {
    expect(await h.ingest(opener(emlExtra), incoming)).toMatchObject({ outcome: 'ignored', reason });
  });

  it('mail that fails authentication cannot open, advance or resolve a case', async () => {
    expect(await h.ingest(opener(), { verdicts: { dmarc: 'FAIL' } })).toMatchObject({ outcome: 'review', caseRef: null });
    const { first, ref } = await openCase();
    expect(await h.ingest(reply(first, 'I am escalating this to Stage 3.'), { verdicts: { spf: 'FAIL', dkim: 'FAIL' } })).toMatchObject({
      outcome: 'review',
      caseRef: ref,
    });
    expect((await h.store.getCase(ref))?.stage).toBe('2');
  });
});

describe('cost', () => {
  it('a follow-up costs no more than 4 DynamoDB requests, by thread or by reference; its duplicate one', async () => {
    const { first, ref } = await openCase();
    h.dynamo.resetCount();
    await h.ingest(reply(first, 'I am escalating this to Stage 3.'));
    const byThread = h.dynamo.requestCount();
    h.dynamo.resetCount();
    const update = eml({ from: JANE, to: RAJ, cc: SSP, subject: `[${ref}] update`, text: 'Noted, thank you.' });
    await h.ingest(update);
    const byReference = h.dynamo.requestCount();
    h.dynamo.resetCount();
    expect(await h.ingest(update)).toMatchObject({ outcome: 'ignored', reason: 'duplicate', caseRef: ref });
    const duplicate = h.dynamo.requestCount();
    console.log(`DynamoDB requests per follow-up: by thread ${byThread}, by reference ${byReference}, duplicate ${duplicate}`);
    // The lookup, the case (by thread), the conditional case write, the record on the message's own thread key.
    expect(byThread).toBeLessThanOrEqual(4);
    expect(byReference).toBeLessThanOrEqual(4);
    expect(duplicate).toBe(1);
  });
});

describe('recovery', () => {
  it('a retry after a failed acknowledgement sends it once and changes nothing else', async () => {
    const first = opener();
    const send = h.mailer.send.bind(h.mailer);
    let failures = 1;
    h.mailer.send = (mail) => (failures-- > 0 ? Promise.reject(new Error('SES throttled')) : send(mail));
    await expect(h.ingest(first)).rejects.toThrow('SES throttled');
    const afterFailure = await h.store.getCase('SSP-2026-0001');
    expect(afterFailure?.acknowledgedAt).toBeNull();
    // The case and the reminders were written before the acknowledgement was tried; the message's record is written last.
    expect(h.reminders.synced.map((s) => s.ref)).toEqual(['SSP-2026-0001']);
    expect(await h.ingest(first)).toMatchObject({ outcome: 'noted', caseRef: 'SSP-2026-0001' });
    const stored = await h.store.getCase('SSP-2026-0001');
    expect(stored?.messages).toEqual([messageIdOf(first)]);
    expect(stored?.acknowledgedAt).not.toBeNull();
    expect(h.mailer.sent.filter((m) => m.kind === 'acknowledgement')).toHaveLength(1);
    expect(await h.ingest(first)).toMatchObject({ outcome: 'ignored', reason: 'duplicate' });
    expect(h.mailer.sent).toHaveLength(1);
  });

  it('text in the quoted history neither resolves nor escalates', async () => {
    const { first, ref } = await openCase();
    const quoting = reply(
      first,
      'Thanks, speak tomorrow.\n\nOn Mon, 2 Nov 2026 at 10:00, Jane <jane@x.example> wrote:\n> This is now resolved.\n> I am escalating this to Stage 4.',
    );
    expect(await h.ingest(quoting)).toMatchObject({ outcome: 'noted', caseRef: ref });
    expect(await h.store.getCase(ref)).toMatchObject({ status: 'open', stage: '2' });
  });
});
