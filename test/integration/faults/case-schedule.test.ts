import { CreateScheduleCommand, ResourceNotFoundException, SchedulerClient, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SchedulerReminderBook } from '../../../lib/aws/scheduler-reminder-book.js';
import type { Case } from '../../../lib/cases/case.js';
import { ingest } from '../../../lib/ingest.js';
import { inSendingOrder } from '../../../lib/reminders/booking.js';
import { remind, type ReminderRequest } from '../../../lib/remind.js';
import { resyncOpenCases } from '../../../lib/resync.js';
import { eml, messageIdOf } from '../../support/eml.js';
import { FixedClock } from '../../support/fakes.js';
import { Crash, failingOnce, faultOf, faultsAt } from '../../support/faults.js';
import { SCHEDULER_SETTINGS } from '../../support/scheduler.js';
import { deployment, harness, JANE, MAILBOX, RAJ, SSP, type Harness } from '../cases/harness.js';

const scheduler = mockClient(SchedulerClient);
const settings = SCHEDULER_SETTINGS;
const policy =
  deployment.mailboxes[0]?.policy ??
  (() => {
    throw new Error('no policy');
  })();

let h: Harness;
beforeEach(async () => {
  h = await harness();
  scheduler.reset();
});
afterEach(async () => {
  await h.dynamo.close();
});

/** Each schedule input booked, create or update, in order. */
const booked = (): ReminderRequest[] =>
  scheduler
    .calls()
    .map((call) => call.args[0] as unknown)
    .filter((command) => command instanceof CreateScheduleCommand || command instanceof UpdateScheduleCommand)
    .map((command) => JSON.parse(command.input.Target?.Input ?? '{}') as ReminderRequest);

/** A case opened through ingest on the Scheduler book: its schedule's request, and its plan in sending order. */
async function openCase() {
  const book = new SchedulerReminderBook(new SchedulerClient({ region: 'eu-west-2' }), settings, h.clock, [], () => Promise.resolve());
  const raw = eml({
    from: JANE,
    to: RAJ,
    cc: SSP,
    subject: 'Professional disagreement',
    text: 'I am raising this at Stage 2 of the resolution policy.',
  });
  await ingest({ raw, recipients: [MAILBOX] }, { store: h.store, mailer: h.mailer, reminders: book, clock: h.clock, deployment });
  const current = (await h.store.getCase('SSP-2026-0001')) as Case;
  const request = booked().at(-1);
  if (!request) throw new Error('the case booked its schedule');
  return { current, raw, request, plan: inSendingOrder(current, policy, deployment) };
}

/** What the remind function has: the store, SES and the Scheduler book, on a clock of its own. */
function firing(clock: FixedClock) {
  const reminders = new SchedulerReminderBook(new SchedulerClient({ region: 'eu-west-2' }), settings, clock, [], () => Promise.resolve());
  return { store: h.store, mailer: h.mailer, deployment, clock, reminders };
}

const reminderMails = () => h.mailer.sent.filter((m) => m.kind === 'due-soon' || m.kind === 'overdue');
const london = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' });

describe("a case's schedule, fired", () => {
  it('sends the reminder it names, once, and moves the same schedule on to the next, with one Scheduler call', async () => {
    const { request, plan } = await openCase();
    const [first, second] = plan;
    if (!first || !second) throw new Error('stage 2 plans reminders');
    expect(request.reminderId).toBe(first.id);
    scheduler.resetHistory();
    const clock = new FixedClock(first.at);
    expect(await remind(request, firing(clock))).toMatchObject({ outcome: 'sent', kind: first.kind });
    expect(scheduler.commandCalls(UpdateScheduleCommand)).toHaveLength(1);
    expect(scheduler.commandCalls(UpdateScheduleCommand)[0]?.args[0].input.Name).toBe('SSP-2026-0001');
    expect(booked()).toEqual([{ caseRef: 'SSP-2026-0001', reminderId: second.id, after: first.at.toUTC().toISO() }]);
    // Fired again (Scheduler delivers at least once): nothing more is sent, and the schedule stays as it is.
    expect(await remind(request, firing(clock))).toMatchObject({ outcome: 'skipped', reason: 'already-sent' });
    expect(booked().at(-1)).toEqual(booked()[0]);
    expect(reminderMails()).toHaveLength(1);
  });

  // Each step of a firing, failing before or after it does its work: between each pair of steps.
  // The case is read and its reminder claimed in one request (claimCaseSend).
  const faults = faultsAt(
    ['store.claimCaseSend', 'mailer.send', 'store.markCaseSent', 'reminders.bookNext'],
    // A death after the send and before its mark is the one duplicate possible (lib/outgoing/send-once.ts).
    ['mailer.send after', 'store.markCaseSent before'],
  );
  it.each(faults)('a fault at %s: the retry sends the reminder once and books the next', async (fault) => {
    const { dependency, method, when } = faultOf(fault) as {
      dependency: 'store' | 'mailer' | 'reminders';
      method: string;
      when: 'before' | 'after';
    };
    const { request, plan } = await openCase();
    const [first, second] = plan;
    if (!first || !second) throw new Error('stage 2 plans reminders');
    const clock = new FixedClock(first.at);
    const deps = firing(clock);
    const faulty = { ...deps, [dependency]: failingOnce(deps[dependency], method, when) };
    await expect(remind(request, faulty)).rejects.toBeInstanceOf(Crash);
    // Lambda retries a minute, then two, later: past a lease the crash left.
    clock.set(first.at.plus({ minutes: 3 }).toISO() ?? '');
    const retried = await remind(request, faulty);
    expect(retried.outcome === 'sent' || retried.reason === 'already-sent').toBe(true);
    expect(reminderMails()).toHaveLength(1);
    expect(booked().at(-1)).toMatchObject({ reminderId: second.id });
  });

  it('a refused re-booking fails the firing, whose retry books it without sending again', async () => {
    const { request, plan } = await openCase();
    const [first, second] = plan;
    scheduler.on(UpdateScheduleCommand).rejectsOnce(new Error('Scheduler unavailable')).resolves({ ScheduleArn: 'arn' });
    const clock = new FixedClock(first?.at ?? DateTime.now());
    await expect(remind(request, firing(clock))).rejects.toThrow('Scheduler unavailable');
    expect(await remind(request, firing(clock))).toMatchObject({ outcome: 'skipped', reason: 'already-sent' });
    expect(reminderMails()).toHaveLength(1);
    expect(booked().at(-1)).toMatchObject({ reminderId: second?.id });
  });

  it('a schedule already gone (deleted by hand) is created again with the next reminder', async () => {
    const { request, plan } = await openCase();
    const [first, second] = plan;
    scheduler.on(UpdateScheduleCommand).rejects(new ResourceNotFoundException({ message: 'gone', Message: 'gone', $metadata: {} }));
    expect(await remind(request, firing(new FixedClock(first?.at ?? DateTime.now())))).toMatchObject({ outcome: 'sent' });
    expect(scheduler.commandCalls(CreateScheduleCommand).at(-1)?.args[0].input.Name).toBe('SSP-2026-0001');
    expect(booked().at(-1)).toMatchObject({ reminderId: second?.id });
  });

  it('the last reminder books nothing and leaves the schedule: a concurrent change of the case may have booked it', async () => {
    const { request, plan } = await openCase();
    const last = plan.at(-1);
    if (!last) throw new Error('stage 2 plans reminders');
    scheduler.resetHistory();
    const late = { ...request, reminderId: last.id, after: plan.at(-2)?.at.toUTC().toISO() ?? '' };
    expect(await remind(late, firing(new FixedClock(last.at)))).toMatchObject({ outcome: 'sent', kind: last.kind });
    expect(scheduler.calls()).toHaveLength(0);
  });

  it('fired late (Scheduler retried for hours), sends every reminder due since its cursor, each once, then books the next', async () => {
    const { request, plan } = await openCase();
    const due = plan.slice(0, 2);
    const next = plan[2];
    const clock = new FixedClock(due[1]?.at.plus({ hours: 1 }) ?? DateTime.now());
    expect(await remind(request, firing(clock))).toMatchObject({ outcome: 'sent', alsoSent: [due[1]?.kind] });
    expect(reminderMails().map((m) => m.kind)).toEqual(due.map((r) => r.kind));
    expect(booked().at(-1)).toEqual({ caseRef: 'SSP-2026-0001', reminderId: next?.id, after: due[1]?.at.toUTC().toISO() });
    expect(await remind(request, firing(clock))).toMatchObject({ reason: 'already-sent' });
    expect(reminderMails()).toHaveLength(2);
  });

  it('naming a reminder the case no longer has (a change whose booking a firing overwrote), sends what the case has due since the cursor', async () => {
    const { raw, request, plan } = await openCase();
    // The case moved to Stage 3; the schedule still names Stage 2's first reminder (the firing's update landed last).
    h.clock.set('2026-11-03T10:00');
    const escalation = eml({
      from: RAJ,
      to: JANE,
      cc: SSP,
      subject: 'RE: Professional disagreement',
      text: 'I am escalating this to Stage 3.',
      inReplyTo: messageIdOf(raw),
      references: [messageIdOf(raw)],
    });
    expect(await h.ingest(escalation)).toMatchObject({ outcome: 'advanced' });
    const moved = (await h.store.getCase('SSP-2026-0001')) as Case;
    const stage3 = inSendingOrder(moved, policy, deployment).filter((r) => r.at > london('2026-11-03T10:00'));
    const firstOfStage3 = stage3[0];
    if (!firstOfStage3) throw new Error('stage 3 plans reminders');
    const stale = { ...request, after: london('2026-11-03T09:00').toUTC().toISO() ?? '' };
    expect(plan.some((r) => r.id === firstOfStage3.id)).toBe(false);
    const clock = new FixedClock(firstOfStage3.at.plus({ minutes: 5 }));
    expect(await remind(stale, firing(clock))).toMatchObject({ outcome: 'skipped', reason: 'not-in-plan' });
    expect(reminderMails().map((m) => m.kind)).toEqual([firstOfStage3.kind]);
    expect(booked().at(-1)).toMatchObject({ reminderId: stage3[1]?.id });
  });
});

describe('the re-sync after a deploy', () => {
  it("rebuilds every open case's one schedule with one call each, whatever it held; a refusal fails that case only", async () => {
    const { current } = await openCase();
    await h.ingest(eml({ from: JANE, to: RAJ, cc: SSP, subject: 'Another disagreement', text: 'I am raising this at Stage 2.' }));
    scheduler.reset();
    scheduler.on(UpdateScheduleCommand, { Name: 'SSP-2026-0002' }).rejects(new Error('Scheduler unavailable'));
    const book = new SchedulerReminderBook(new SchedulerClient({ region: 'eu-west-2' }), settings, h.clock, []);
    expect(await resyncOpenCases({ store: h.store, reminders: book, deployment })).toEqual({
      synced: 1,
      unknownMailbox: 0,
      failed: ['SSP-2026-0002'],
    });
    const updates = scheduler.commandCalls(UpdateScheduleCommand).map((call) => call.args[0].input);
    expect(updates.map((input) => input.Name)).toEqual(['SSP-2026-0001', 'SSP-2026-0002']);
    expect(JSON.parse(updates[0]?.Target?.Input ?? '{}')).toMatchObject({
      reminderId: inSendingOrder(current, policy, deployment).find((r) => r.at > h.clock.now())?.id,
    });
    expect(scheduler.calls()).toHaveLength(2);
  });
});
