import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dueSoonAt, overdueAt } from '../../../lib/calendar/reminder-times.js';
import { dueAfter, workingDays, workingHours, type Timescale } from '../../../lib/calendar/timescale.js';
import { englandAndWales, iso, london, ZONE } from './london.js';

const calendar = englandAndWales();

function remindersOf(timescale: Timescale, from: string, target?: Timescale) {
  const startedAt = london(from);
  const due = dueAfter(timescale, startedAt, calendar);
  const deadline = { startedAt, due, timescale, ...(target ? { targetDue: dueAfter(target, startedAt, calendar) } : {}) };
  return { due: iso(due), dueSoon: iso(dueSoonAt(deadline, calendar)), overdue: iso(overdueAt(deadline, calendar)) };
}

describe('reminder times', () => {
  it('working days: due-soon 09:00 the working day before, overdue 09:00 the next working day (Christmas 2026)', () => {
    expect(remindersOf(workingDays(5), '2026-12-23T10:00')).toEqual({
      due: '2027-01-04T17:00:00+00:00',
      dueSoon: '2026-12-31T09:00:00+00:00',
      overdue: '2027-01-05T09:00:00+00:00',
    });
  });

  it('working days: no due-soon when the working day before is not after the stage started', () => {
    expect(remindersOf(workingDays(1), '2026-11-23T10:00').dueSoon).toBeNull();
    expect(remindersOf(workingDays(2), '2026-11-23T10:00').dueSoon).toBe('2026-11-24T09:00:00+00:00');
  });

  it('hours within 09:00–17:00 of a working day: overdue at the due instant, no due-soon without a target', () => {
    expect(remindersOf(workingHours(24), '2026-11-20T16:00')).toEqual({
      due: '2026-11-23T16:00:00+00:00',
      dueSoon: null,
      overdue: '2026-11-23T16:00:00+00:00',
    });
  });

  it.each([
    ['due in the evening: next working day 09:00', 24, '2026-11-23T18:00', '2026-11-24T18:00:00+00:00', '2026-11-25T09:00:00+00:00'],
    ['due before 09:00: 09:00 the same working day', 24, '2026-11-23T07:00', '2026-11-24T07:00:00+00:00', '2026-11-24T09:00:00+00:00'],
    ['due at midnight after a Friday: Monday 09:00', 48, '2026-11-19T00:00', '2026-11-21T00:00:00+00:00', '2026-11-23T09:00:00+00:00'],
    ['due exactly at 17:00: at once', 24, '2026-11-23T17:00', '2026-11-24T17:00:00+00:00', '2026-11-24T17:00:00+00:00'],
    ['48 h across the October clock change', 48, '2026-10-23T15:00', '2026-10-27T15:00:00+00:00', '2026-10-27T15:00:00+00:00'],
  ])('hours, %s', (_, hours, from, due, overdue) => {
    const reminders = remindersOf(workingHours(hours), from);
    expect(reminders.due).toBe(due);
    expect(reminders.overdue).toBe(overdue);
  });

  it('a stage with a target: due-soon at the target', () => {
    // Hull and East Riding stage 3: written escalation in 24 h, resolution in 5 working days.
    expect(remindersOf(workingDays(5), '2026-11-23T10:00', workingHours(24))).toEqual({
      due: '2026-11-30T17:00:00+00:00',
      dueSoon: '2026-11-24T10:00:00+00:00',
      overdue: '2026-12-01T09:00:00+00:00',
    });
  });
});

const instant = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-10-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => DateTime.fromJSDate(date, { zone: ZONE }));
const timescale = fc.oneof(
  fc.integer({ min: 1, max: 30 }).map(workingDays),
  fc.integer({ min: 1, max: 96 }).map(workingHours),
  fc.constant<Timescale>({ unit: 'calendar-months', amount: 1 }),
);

describe('properties of reminder times', () => {
  it('due-soon falls after the start and before the deadline; overdue never before it, in office hours of a working day', () => {
    fc.assert(
      fc.property(instant, timescale, (startedAt, ts) => {
        const due = dueAfter(ts, startedAt, calendar);
        const deadline = { startedAt, due, timescale: ts };
        const soon = dueSoonAt(deadline, calendar);
        if (soon) {
          expect(soon > startedAt).toBe(true);
          expect(soon < due).toBe(true);
        }
        const overdue = overdueAt(deadline, calendar);
        expect(overdue >= due).toBe(true);
        expect(calendar.isWorkingDay(overdue)).toBe(true);
        const minutes = overdue.setZone(ZONE).hour * 60 + overdue.setZone(ZONE).minute;
        expect(minutes).toBeGreaterThanOrEqual(9 * 60);
        expect(minutes).toBeLessThanOrEqual(17 * 60);
      }),
    );
  });
});
