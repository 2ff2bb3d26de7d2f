import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { InProcessReminderBook } from '../../../lib/local/in-process-reminder-book.js';
import { VirtualClock } from '../../../lib/local/virtual-clock.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { inSendingOrder } from '../../../lib/reminders/booking.js';
import { aCase } from '../../support/case.js';

const policy = builtInPolicy('swindon');
const opened = '2026-11-02T10:00:00.000Z';
const caseAt = (ref: string, stage: string) => aCase({ ref, stage, openedAt: opened, stageStartedAt: opened });
const plan = (ref: string, stage: string) => inSendingOrder(caseAt(ref, stage), policy, { closureDays: [] });
const bookedFor = (book: InProcessReminderBook, ref: string) => book.list().filter((r) => r.caseRef === ref);

describe('the in-process reminder book', () => {
  it('holds one pending reminder per case, its first one, and on each sync replaces that case’s only', async () => {
    const book = new InProcessReminderBook(new VirtualClock(DateTime.fromISO(opened)), []);
    await book.sync(caseAt('SSP-2026-0001', '2'), policy);
    await book.sync(caseAt('SSP-2026-0002', '2'), policy);
    expect(bookedFor(book, 'SSP-2026-0001').map((r) => r.reminderId)).toEqual([plan('SSP-2026-0001', '2')[0]?.id]);
    expect(bookedFor(book, 'SSP-2026-0001')[0]).toMatchObject({ name: 'SSP-2026-0001', after: opened });

    await book.sync(caseAt('SSP-2026-0001', '3'), policy, caseAt('SSP-2026-0001', '2'));
    expect(bookedFor(book, 'SSP-2026-0001').map((r) => r.reminderId)).toEqual([plan('SSP-2026-0001', '3')[0]?.id]);
    expect(bookedFor(book, 'SSP-2026-0002').map((r) => r.reminderId)).toEqual([plan('SSP-2026-0002', '2')[0]?.id]);

    await book.sync({ ...caseAt('SSP-2026-0001', '3'), status: 'resolved', resolvedAt: opened }, policy, caseAt('SSP-2026-0001', '3'));
    expect(bookedFor(book, 'SSP-2026-0001')).toEqual([]);
  });

  it('as Scheduler’s book, given the case as it was read, leaves alone what that case says is booked; a full sync makes it right', async () => {
    const book = new InProcessReminderBook(new VirtualClock(DateTime.fromISO(opened)), []);
    const stage2 = caseAt('SSP-2026-0001', '2');
    await book.sync(stage2, policy, null);
    book.takeNextDue(DateTime.fromISO('2030-01-01T00:00:00Z'));
    await book.sync({ ...stage2, version: 2 }, policy, stage2);
    expect(book.list()).toEqual([]);
    await book.sync({ ...stage2, version: 2 }, policy);
    expect(bookedFor(book, 'SSP-2026-0001').map((r) => r.reminderId)).toEqual([plan('SSP-2026-0001', '2')[0]?.id]);
  });

  it('after a firing, books the case’s next reminder with the cursor given, and leaves nothing when none is left', async () => {
    const clock = new VirtualClock(DateTime.fromISO(opened));
    const book = new InProcessReminderBook(clock, []);
    const stage2 = caseAt('SSP-2026-0001', '2');
    await book.sync(stage2, policy, null);
    const [first, second] = plan('SSP-2026-0001', '2');
    if (!first || !second) throw new Error('stage 2 books reminders');
    expect(book.takeNextDue(first.at.minus({ milliseconds: 1 }))).toBeNull();
    expect(book.takeNextDue(first.at)?.reminderId).toBe(first.id);
    clock.advanceTo(first.at);
    await book.bookNext(stage2, policy, first.at);
    expect(book.list()).toMatchObject([{ reminderId: second.id, after: first.at.toUTC().toISO() }]);
    clock.advanceTo(DateTime.fromISO('2030-01-01T00:00:00Z'));
    book.takeNextDue(clock.now());
    await book.bookNext(stage2, policy, clock.now());
    expect(book.list()).toEqual([]);
  });

  it('hands out what is due in time order, each once', async () => {
    const book = new InProcessReminderBook(new VirtualClock(DateTime.fromISO(opened)), []);
    await book.sync(caseAt('SSP-2026-0002', '3'), policy);
    await book.sync(caseAt('SSP-2026-0001', '2'), policy);
    const booked = book.list();
    const until = DateTime.fromISO('2027-12-31T00:00:00Z');
    const taken = [];
    for (let next = book.takeNextDue(until); next; next = book.takeNextDue(until)) taken.push(next);
    expect(taken).toEqual(booked);
    expect(taken.map((r) => r.at.toMillis())).toEqual([...taken.map((r) => r.at.toMillis())].sort((a, b) => a - b));
    expect(book.takeNextDue(until)).toBeNull();
  });

  it('keeps what a previous run booked, and replaces it on the case’s next sync, as it does its own', async () => {
    const clock = new VirtualClock(DateTime.fromISO(opened));
    const before = new InProcessReminderBook(clock, []);
    await before.sync(caseAt('SSP-2026-0001', '2'), policy);
    const after = new InProcessReminderBook(clock, []);
    after.restore(before.list());
    expect(after.list()).toEqual(before.list());
    await after.sync(caseAt('SSP-2026-0001', '3'), policy, caseAt('SSP-2026-0001', '2'));
    expect(bookedFor(after, 'SSP-2026-0001').map((r) => r.reminderId)).toEqual([plan('SSP-2026-0001', '3')[0]?.id]);
  });
});
