import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deployment } from '../../../lib/config.js';
import { ingest } from '../../../lib/ingest.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { PermanentSendError, TransientSendError } from '../../../lib/outgoing/errors.js';
import type { OutgoingMail } from '../../../lib/outgoing/mail.js';
import { allReminders } from '../../../lib/reminders/plan.js';
import { remind } from '../../../lib/remind.js';
import { eml, messageIdOf } from '../../support/eml.js';
import { FixedClock } from '../../support/fakes.js';
import { deployment, harness, JANE, MAILBOX, RAJ, SSP, type Harness } from '../cases/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.dynamo.close();
});

const DOMAINS = [
  'swindon-council.example',
  'gwh-nhs.example',
  'school-a.example',
  'school-b.example',
  'police.example',
  'gp-1.example',
  'gp-2.example',
  'charity.example',
  'outsider.example',
];
const sixtyOutsiders = Array.from({ length: 60 }, (_, i) => `someone.${i}@${DOMAINS[i % DOMAINS.length] ?? ''}`);
const opener = (cc = `${SSP}, ${sixtyOutsiders.join(', ')}`) =>
  eml({ from: JANE, to: RAJ, cc, subject: 'Professional disagreement', text: 'I am raising this at Stage 2 of the resolution policy.' });

const policy = builtInPolicy('swindon');
const restricted: Deployment = { ...deployment, recipientDomains: ['swindon-council.example', 'gwh-nhs.example'], maxRecipients: 10 };
const run = (raw: Buffer, d: Deployment = restricted) =>
  ingest({ raw, recipients: [MAILBOX] }, { store: h.store, mailer: h.mailer, reminders: h.reminders, clock: h.clock, deployment: d });

/** The harness mailer, refusing the kinds given with the error given. */
function refuse(kinds: OutgoingMail['kind'][], error: () => Error): () => void {
  const send = h.mailer.send.bind(h.mailer);
  h.mailer.send = (mail) => (kinds.includes(mail.kind) ? Promise.reject(error()) : send(mail));
  return () => {
    h.mailer.send = send;
  };
}

describe('the acknowledgement follows the reminders’ recipient rules', () => {
  it('an opener copied to 60 people in 9 domains is acknowledged to the allowed domains only, at most the cap, never the mailbox', async () => {
    const withOdd = opener(`${SSP}, ${sixtyOutsiders.join(', ')}, "Zoë" <zoë@gwh-nhs.example>`);
    expect(await run(withOdd)).toMatchObject({ outcome: 'opened' });
    const ack = h.mailer.sent.find((m) => m.kind === 'acknowledgement');
    expect(ack?.to.length).toBe(10);
    expect(ack?.to.every((a) => a.endsWith('@swindon-council.example') || a.endsWith('@gwh-nhs.example'))).toBe(true);
    expect(ack?.to).not.toContain(MAILBOX);
    expect(ack?.to.some((a) => a.includes('ë'))).toBe(false);
    expect(ack?.cc).toEqual([]);
  });
});

describe('one send never blocks a case', () => {
  it('a dead relay: the case and its reminders are written, its record waits; the retry sends the acknowledgement, once', async () => {
    const first = opener();
    const restore = refuse(['acknowledgement'], () => new TransientSendError('relay refused the connection'));
    await expect(run(first)).rejects.toBeInstanceOf(TransientSendError);
    expect(await h.store.getCase('SSP-2026-0001')).toMatchObject({ acknowledgedAt: null, messages: [messageIdOf(first)] });
    expect(h.reminders.synced.map((s) => s.ref)).toEqual(['SSP-2026-0001']);
    restore();
    expect(await run(first)).toMatchObject({ outcome: 'noted', caseRef: 'SSP-2026-0001' });
    expect(await run(first)).toMatchObject({ outcome: 'ignored', reason: 'duplicate' });
    expect(h.mailer.sent.filter((m) => m.kind === 'acknowledgement')).toHaveLength(1);
    expect((await h.store.getCase('SSP-2026-0001'))?.acknowledgedAt).not.toBeNull();
  });

  it('an acknowledgement refused for good goes to review; the message is recorded and the reminders booked; nothing retries', async () => {
    const first = opener();
    refuse(['acknowledgement'], () => new PermanentSendError('SES MessageRejected 400 (message digest 0123456789ab)'));
    expect(await run(first)).toMatchObject({ outcome: 'opened', caseRef: 'SSP-2026-0001' });
    const review = h.mailer.sent.find((m) => m.kind === 'review');
    expect(review).toMatchObject({ caseRef: 'SSP-2026-0001', to: [MAILBOX] });
    expect(review?.text).toContain('the acknowledgement of case SSP-2026-0001 could not be sent (SES MessageRejected 400');
    expect(review?.text).not.toContain(messageIdOf(first));
    expect(await h.store.getCase('SSP-2026-0001')).toMatchObject({
      acknowledgedAt: null,
      acknowledgementRefusedAt: h.clock.now().toUTC().toISO(),
    });
    expect(h.reminders.synced.map((s) => s.ref)).toEqual(['SSP-2026-0001']);
    expect(await run(first)).toMatchObject({ outcome: 'ignored', reason: 'duplicate' });
    expect(h.mailer.sent.filter((m) => m.kind === 'review')).toHaveLength(1);
  });

  it('a reminder refused for good goes to review once, and is not retried', async () => {
    await run(opener());
    const current = await h.store.getCase('SSP-2026-0001');
    if (!current) throw new Error('no case');
    const dueSoon = allReminders(current, policy, restricted).find((r) => r.kind === 'due-soon');
    if (!dueSoon) throw new Error('no due-soon reminder');
    refuse(['due-soon'], () => new PermanentSendError('SES InvalidParameterValue 400 (message digest 0123456789ab)'));
    const deps = { store: h.store, mailer: h.mailer, deployment: restricted, clock: new FixedClock(dueSoon.at) };
    const request = { caseRef: current.ref, reminderId: dueSoon.id };
    expect(await remind(request, deps)).toMatchObject({ outcome: 'skipped', reason: 'refused' });
    expect(await remind(request, deps)).toMatchObject({ outcome: 'skipped', reason: 'already-sent' });
    const reviews = h.mailer.sent.filter((m) => m.kind === 'review');
    expect(reviews).toHaveLength(1);
    expect(reviews[0]?.text).toContain('the due-soon reminder of case SSP-2026-0001 could not be sent');
  });
});
