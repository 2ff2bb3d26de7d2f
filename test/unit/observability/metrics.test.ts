import { describe, expect, it } from 'vitest';
import { countIngested, countingFailures, countReminder, mailboxLabel, type Metrics } from '../../../lib/metrics.js';
import type { OutgoingMail } from '../../../lib/outgoing/mail.js';

function recording(): Metrics & { counted: string[] } {
  const counted: string[] = [];
  return { counted, count: (name, dimensions) => counted.push(`${name}${dimensions ? ` ${JSON.stringify(dimensions)}` : ''}`) };
}

describe('the metrics port', () => {
  it.each([
    ['opened', ['Messages {"Outcome":"opened"}', 'CasesOpened']],
    ['advanced', ['Messages {"Outcome":"advanced"}', 'CasesAdvanced']],
    ['resolved', ['Messages {"Outcome":"resolved"}', 'CasesResolved']],
    ['review', ['Messages {"Outcome":"review"}', 'Reviews']],
    ['corrected', ['Messages {"Outcome":"corrected"}', 'Corrections']],
    ['ignored', ['Messages {"Outcome":"ignored"}']],
  ])('counts an ingested message that was %s', (outcome, expected) => {
    const metrics = recording();
    countIngested(metrics, outcome);
    expect(metrics.counted).toEqual(expected);
  });

  it('counts reminders sent by kind and skipped by reason', () => {
    const metrics = recording();
    countReminder(metrics, { outcome: 'sent', caseRef: 'SSP-2026-0001', kind: 'overdue' });
    countReminder(metrics, { outcome: 'skipped', caseRef: 'SSP-2026-0001', reason: 'not-in-plan' });
    expect(metrics.counted).toEqual(['RemindersSent {"Kind":"overdue"}', 'RemindersSkipped {"Reason":"not-in-plan"}']);
  });

  it('counts every reminder a firing sent: the one named and those it found due with it', () => {
    const metrics = recording();
    countReminder(metrics, { outcome: 'skipped', caseRef: 'SSP-2026-0001', reason: 'not-in-plan', alsoSent: ['due-soon', 'overdue'] });
    expect(metrics.counted).toEqual([
      'RemindersSkipped {"Reason":"not-in-plan"}',
      'RemindersSent {"Kind":"due-soon"}',
      'RemindersSent {"Kind":"overdue"}',
    ]);
  });

  it('counts a send that fails, by kind, and lets the failure through', async () => {
    const metrics = recording();
    const refusal = new Error('refused');
    const mailer = countingFailures({ send: (mail) => (mail.kind === 'overdue' ? Promise.reject(refusal) : Promise.resolve()) }, metrics);
    await mailer.send({ kind: 'acknowledgement' } as OutgoingMail);
    await expect(mailer.send({ kind: 'overdue' } as OutgoingMail)).rejects.toBe(refusal);
    expect(metrics.counted).toEqual(['SendFailures {"Kind":"overdue"}']);
  });

  it('names a mailbox by a fingerprint, the same whatever the case of its address', () => {
    expect(mailboxLabel('Partnership@Swindon.example')).toBe(mailboxLabel('partnership@swindon.example'));
    expect(mailboxLabel('a@x.example')).toMatch(/^[0-9a-f]{8}$/);
    expect(mailboxLabel('a@x.example')).not.toBe(mailboxLabel('b@x.example'));
  });
});
