import { CreateScheduleCommand, SchedulerClient, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SchedulerReminderBook } from '../../../lib/aws/scheduler-reminder-book.js';
import { ingest } from '../../../lib/ingest.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { allReminders } from '../../../lib/reminders/plan.js';
import { remind } from '../../../lib/remind.js';
import { eml, messageIdOf } from '../../support/eml.js';
import { deployment, harness, JANE, MAILBOX, RAJ, SSP, type Harness } from '../cases/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.dynamo.close();
});

const policy = builtInPolicy('swindon');
const opener = () =>
  eml({
    from: JANE,
    to: RAJ,
    cc: `${SSP}, Amy Clarke <amy.clarke@gwh-nhs.example>`,
    subject: 'Professional disagreement - discharge',
    text: 'I am raising this as a Stage 2 inter-agency discussion under the resolution policy.',
  });

async function openedCase() {
  const first = opener();
  const { caseRef } = (await h.ingest(first)) as { caseRef: string };
  const current = await h.store.getCase(caseRef);
  if (!current) throw new Error('case not stored');
  return { first, current, reminders: allReminders(current, policy, { closureDays: [] }) };
}
/** Reminders here fire after their time: when they fire early is tested in the faults suite. */
const afterEveryReminder = { now: () => DateTime.fromISO('2027-06-01T10:00:00Z') };
const deps = () => ({ store: h.store, mailer: h.mailer, deployment, clock: afterEveryReminder });
const replyTo = (first: Buffer, text: string) =>
  eml({ from: RAJ, to: JANE, cc: SSP, subject: 'RE: x', text, inReplyTo: messageIdOf(first), references: [messageIdOf(first)] });

describe('a reminder firing', () => {
  it('sends the due-soon reminder to the people of the stage: stage, owner, what is due and when, never a name or the subject', async () => {
    const { current, reminders } = await openedCase();
    const dueSoon = reminders.find((r) => r.kind === 'due-soon' && r.deadline.kind === 'deadline');
    expect(await remind({ caseRef: current.ref, reminderId: dueSoon?.id ?? '' }, deps())).toEqual({
      outcome: 'sent',
      caseRef: current.ref,
      kind: 'due-soon',
    });
    const mail = h.mailer.sent.at(-1);
    expect(mail).toMatchObject({
      kind: 'due-soon',
      to: ['jane.smith@swindon-council.example', 'raj.patel@gwh-nhs.example', 'amy.clarke@gwh-nhs.example'],
      cc: [],
      replyTo: MAILBOX,
    });
    expect(mail?.subject).toBe(`[${current.ref}] Due soon: Stage 2 Inter-agency Discussion, due by 5pm on Monday 9 November 2026`);
    expect(mail?.text).toContain('Owner: The professionals who disagree, in both agencies.');
    expect(mail?.text).toContain(
      "the policy's next step is Stage 3 Team/Service Manager (Line managers or second-tier managers of both agencies)",
    );
    expect(mail?.text).toContain('write "escalating to Stage 3" if it moves on, or "resolved" when it is resolved.');
    for (const personal of ['Jane', 'Raj', 'Amy', 'discharge'])
      expect(`${mail?.subject ?? ''}\n${mail?.text ?? ''}`).not.toContain(personal);
  });

  it('copies the partnership on an overdue notice', async () => {
    const { current, reminders } = await openedCase();
    const overdue = reminders.find((r) => r.kind === 'overdue' && r.deadline.kind === 'deadline');
    await remind({ caseRef: current.ref, reminderId: overdue?.id ?? '' }, deps());
    expect(h.mailer.sent.at(-1)).toMatchObject({ kind: 'overdue', cc: [MAILBOX] });
    expect(h.mailer.sent.at(-1)?.text).toContain('This was due by 5pm on Monday 9 November 2026 and is now overdue:');
  });

  it('sends once when invoked twice, even at the same time', async () => {
    const { current, reminders } = await openedCase();
    const request = { caseRef: current.ref, reminderId: reminders[0]?.id ?? '' };
    const outcomes = await Promise.all([remind(request, deps()), remind(request, deps())]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['sent', 'skipped']);
    expect(await remind(request, deps())).toMatchObject({ outcome: 'skipped', reason: 'already-sent' });
    expect(h.mailer.sent.filter((m) => m.kind === 'due-soon')).toHaveLength(1);
  });

  it('sends nothing when the case has moved on or been resolved', async () => {
    const { first, current, reminders } = await openedCase();
    const stage2 = reminders.find((r) => r.deadline.kind === 'deadline');
    const overall = reminders.find((r) => r.deadline.kind === 'overall');
    await h.ingest(replyTo(first, 'I am escalating this to Stage 3.'));
    expect(await remind({ caseRef: current.ref, reminderId: stage2?.id ?? '' }, deps())).toMatchObject({
      outcome: 'skipped',
      reason: 'not-in-plan',
    });
    await h.ingest(replyTo(first, 'This is now resolved.'));
    expect(await remind({ caseRef: current.ref, reminderId: overall?.id ?? '' }, deps())).toMatchObject({
      outcome: 'skipped',
      reason: 'not-in-plan',
    });
    expect(await remind({ caseRef: 'SSP-2026-0999', reminderId: 'x' }, deps())).toMatchObject({ outcome: 'skipped', reason: 'case-gone' });
    expect(h.mailer.sent.filter((m) => m.kind === 'due-soon' || m.kind === 'overdue')).toHaveLength(0);
  });

  it('gives the claim back when sending fails, so that the retry sends', async () => {
    const { current, reminders } = await openedCase();
    const request = { caseRef: current.ref, reminderId: reminders[0]?.id ?? '' };
    const send = h.mailer.send.bind(h.mailer);
    h.mailer.send = () => Promise.reject(new Error('SES throttled'));
    await expect(remind(request, deps())).rejects.toThrow('SES throttled');
    h.mailer.send = send;
    expect(await remind(request, deps())).toMatchObject({ outcome: 'sent' });
  });

  it('keeps to the allowed recipient domains and the cap', async () => {
    const { current, reminders } = await openedCase();
    const restricted = { ...deployment, recipientDomains: ['gwh-nhs.example'], maxRecipients: 1 };
    await remind({ caseRef: current.ref, reminderId: reminders[0]?.id ?? '' }, { ...deps(), deployment: restricted });
    expect(h.mailer.sent.at(-1)?.to).toEqual(['raj.patel@gwh-nhs.example']);
  });
});

describe('no reminder lost', () => {
  it('a Scheduler failure after the case write is repaired by the retry of the same message', async () => {
    const scheduler = mockClient(SchedulerClient);
    scheduler.on(CreateScheduleCommand).rejectsOnce(new Error('Scheduler unavailable'));
    const settings = {
      groupName: 'g',
      targetArn: 'arn:fn',
      roleArn: 'arn:role',
      deadLetterArn: 'arn:dlq',
      maximumRetryAttempts: 4,
      maximumEventAgeInSeconds: 3600,
    };
    const book = new SchedulerReminderBook(new SchedulerClient({ region: 'eu-west-2' }), settings, h.clock, [], (request) =>
      remind(request, deps()),
    );
    const run = (raw: Buffer) =>
      ingest({ raw, recipients: [MAILBOX] }, { store: h.store, mailer: h.mailer, reminders: book, clock: h.clock, deployment });
    const first = opener();
    await expect(run(first)).rejects.toThrow('Scheduler unavailable');
    const stored = await h.store.getCase('SSP-2026-0001');
    if (!stored) throw new Error('the case write happens before the failure');
    // The message is recorded only after its reminders are booked: the retry applies it again, as a no-op.
    expect(await run(first)).toMatchObject({ outcome: 'noted', caseRef: 'SSP-2026-0001' });
    // The retry cannot know whether the schedule was made: it updates (creating it, were it not there).
    const booked = scheduler.commandCalls(UpdateScheduleCommand).map((c) => c.args[0].input.ScheduleExpression);
    const next = allReminders(stored, policy, { closureDays: [] })[0];
    expect(booked).toEqual([`at(${next?.at.setZone('Europe/London').toFormat("yyyy-MM-dd'T'HH:mm:ss") ?? ''})`]);
    scheduler.restore();
  });
});
