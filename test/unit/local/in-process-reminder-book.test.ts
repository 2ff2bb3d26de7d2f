import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { InProcessReminderBook } from '../../../lib/local/in-process-reminder-book.js';
import { VirtualClock } from '../../../lib/local/virtual-clock.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { planReminders, scheduleName } from '../../../lib/reminders/plan.js';
import { aCase } from '../../support/case.js';

const policy = builtInPolicy('swindon');
const opened = '2026-11-02T10:00:00.000Z';
const clock = new VirtualClock(DateTime.fromISO(opened));
const caseAt = (ref: string, stage: string) => aCase({ ref, stage, openedAt: opened, stageStartedAt: opened });
const plannedNames = (ref: string, stage: string) =>
  planReminders(caseAt(ref, stage), policy, clock.now(), { closureDays: [] }).map(scheduleName).sort();
const namesOf = (book: InProcessReminderBook, ref: string) =>
  book
    .list()
    .filter((r) => r.caseRef === ref)
    .map((r) => r.name)
    .sort();

describe('the in-process reminder book', () => {
  it('books what a case’s plan says, and on each sync replaces that case’s reminders only', async () => {
    const book = new InProcessReminderBook(clock, []);
    await book.sync(caseAt('SSP-2026-0001', '2'), policy);
    await book.sync(caseAt('SSP-2026-0002', '2'), policy);
    expect(namesOf(book, 'SSP-2026-0001')).toEqual(plannedNames('SSP-2026-0001', '2'));

    await book.sync(caseAt('SSP-2026-0001', '3'), policy);
    expect(namesOf(book, 'SSP-2026-0001')).toEqual(plannedNames('SSP-2026-0001', '3'));
    expect(namesOf(book, 'SSP-2026-0001')).not.toEqual(plannedNames('SSP-2026-0001', '2'));
    expect(namesOf(book, 'SSP-2026-0002')).toEqual(plannedNames('SSP-2026-0002', '2'));

    await book.sync({ ...caseAt('SSP-2026-0001', '3'), status: 'resolved', resolvedAt: opened }, policy);
    expect(namesOf(book, 'SSP-2026-0001')).toEqual([]);
  });

  it('as Scheduler’s book, given the case as it was read, changes only the difference of the two plans', async () => {
    const book = new InProcessReminderBook(clock, []);
    const stage2 = caseAt('SSP-2026-0001', '2');
    await book.sync(stage2, policy, null);
    expect(namesOf(book, 'SSP-2026-0001')).toEqual(plannedNames('SSP-2026-0001', '2'));
    const stage3 = caseAt('SSP-2026-0001', '3');
    await book.sync(stage3, policy, stage2);
    expect(namesOf(book, 'SSP-2026-0001')).toEqual(plannedNames('SSP-2026-0001', '3'));
    // Like Scheduler's, it does not repair what the case as read says was booked: a full sync does.
    const missing = book.takeNextDue(DateTime.fromISO('2030-01-01T00:00:00Z'));
    await book.sync({ ...stage3, version: 2 }, policy, stage3);
    expect(namesOf(book, 'SSP-2026-0001')).not.toContain(missing?.name);
    await book.sync({ ...stage3, version: 2 }, policy);
    expect(namesOf(book, 'SSP-2026-0001')).toEqual(plannedNames('SSP-2026-0001', '3'));
  });

  it('hands out what is due in time order, each once', async () => {
    const book = new InProcessReminderBook(clock, []);
    await book.sync(caseAt('SSP-2026-0001', '2'), policy);
    const booked = book.list();
    const taken = [];
    for (
      let next = book.takeNextDue(DateTime.fromISO('2027-12-31T00:00:00Z'));
      next;
      next = book.takeNextDue(DateTime.fromISO('2027-12-31T00:00:00Z'))
    )
      taken.push(next);
    expect(taken.map((r) => r.name)).toEqual(booked.map((r) => r.name));
    expect(taken.map((r) => r.at.toMillis())).toEqual([...taken.map((r) => r.at.toMillis())].sort((a, b) => a - b));
    expect(book.list()).toEqual([]);
    expect(book.takeNextDue(DateTime.fromISO('2027-12-31T00:00:00Z'))).toBeNull();
  });

  it('keeps a reminder until it is due', async () => {
    const book = new InProcessReminderBook(clock, []);
    await book.sync(caseAt('SSP-2026-0001', '2'), policy);
    const [first] = book.list();
    if (!first) throw new Error('stage 2 books reminders');
    expect(book.takeNextDue(first.at.minus({ milliseconds: 1 }))).toBeNull();
    expect(book.takeNextDue(first.at)?.name).toBe(first.name);
  });

  it('replaces restored reminders on the case’s next sync, as it does its own', async () => {
    const before = new InProcessReminderBook(clock, []);
    await before.sync(caseAt('SSP-2026-0001', '2'), policy);
    const after = new InProcessReminderBook(clock, []);
    after.restore(before.list());
    expect(after.list()).toEqual(before.list());
    await after.sync(caseAt('SSP-2026-0001', '3'), policy);
    expect(namesOf(after, 'SSP-2026-0001')).toEqual(plannedNames('SSP-2026-0001', '3'));
  });
});
