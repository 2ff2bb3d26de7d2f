import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, addWorkingHours, workingHoursBetween } from '../../../lib/calendar/timescale.js';
import type { WorkingCalendar } from '../../../lib/calendar/working-calendar.js';
import { englandAndWales, iso } from './london.js';

/*
 * The calendar counts by arithmetic. These are the day-by-day walks it replaced, kept here as the
 * reference: slow, but plainly right by the rules in docs/design.md ("Time").
 */
function nextWorkingDayByWalk(at: DateTime, calendar: WorkingCalendar): DateTime {
  let day = calendar.local(at).startOf('day').plus({ days: 1 });
  while (!calendar.isWorkingDay(day)) day = day.plus({ days: 1 });
  return day;
}

function addWorkingDaysByWalk(from: DateTime, days: number, calendar: WorkingCalendar): DateTime {
  let day = calendar.local(from);
  for (let counted = 0; counted < days; counted++) day = nextWorkingDayByWalk(day, calendar);
  return calendar.atHour(day, 17);
}

function addWorkingHoursByWalk(from: DateTime, hours: number, calendar: WorkingCalendar): DateTime {
  let remainingMs = hours * 3_600_000;
  let cursor = calendar.local(from);
  if (!calendar.isWorkingDay(cursor)) cursor = nextWorkingDayByWalk(cursor, calendar);
  for (;;) {
    const midnight = cursor.startOf('day').plus({ days: 1 });
    const leftToday = midnight.toMillis() - cursor.toMillis();
    if (remainingMs <= leftToday) return cursor.plus({ milliseconds: remainingMs });
    remainingMs -= leftToday;
    cursor = nextWorkingDayByWalk(cursor, calendar);
  }
}

function workingHoursBetweenByWalk(from: DateTime, to: DateTime, calendar: WorkingCalendar): number {
  let elapsedMs = 0;
  let cursor = calendar.local(from);
  const end = calendar.local(to);
  if (!calendar.isWorkingDay(cursor)) cursor = nextWorkingDayByWalk(cursor, calendar);
  while (cursor < end) {
    const midnight = cursor.startOf('day').plus({ days: 1 });
    elapsedMs += Math.min(midnight.toMillis(), end.toMillis()) - cursor.toMillis();
    cursor = nextWorkingDayByWalk(cursor, calendar);
  }
  return elapsedMs / 3_600_000;
}

const instant = (min: string, max: string) =>
  fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true }).map((date) => DateTime.fromJSDate(date));
/** Instants over three decades of the bank-holiday table, with every clock change and substitute day in it. */
const anyInstant = instant('2015-01-02T00:00:00Z', '2044-12-01T00:00:00Z');
/** A deployment's closure days: a few weekdays and weekend days, to show both are handled. */
const closureDays = fc.uniqueArray(
  instant('2015-01-02T00:00:00Z', '2044-12-01T00:00:00Z').map((at) => at.setZone('Europe/London').toISODate() ?? ''),
  { maxLength: 12 },
);

describe('working-time arithmetic agrees with the day-by-day walk', () => {
  it('N working days from any instant', () => {
    fc.assert(
      fc.property(closureDays, anyInstant, fc.integer({ min: 0, max: 60 }), (closed, from, days) => {
        const calendar = englandAndWales(closed);
        expect(iso(addWorkingDays(from, days, calendar))).toBe(iso(addWorkingDaysByWalk(from, days, calendar)));
      }),
      { numRuns: 400 },
    );
  });

  it('N working hours from any instant', () => {
    fc.assert(
      fc.property(closureDays, anyInstant, fc.integer({ min: 1, max: 600 }), (closed, from, hours) => {
        const calendar = englandAndWales(closed);
        expect(iso(addWorkingHours(from, hours, calendar))).toBe(iso(addWorkingHoursByWalk(from, hours, calendar)));
      }),
      { numRuns: 400 },
    );
  });

  it('working hours between instants up to three decades apart', () => {
    fc.assert(
      fc.property(closureDays, anyInstant, anyInstant, (closed, a, b) => {
        const calendar = englandAndWales(closed);
        const [from, to] = a < b ? [a, b] : [b, a];
        expect(workingHoursBetween(from, to, calendar)).toBeCloseTo(workingHoursBetweenByWalk(from, to, calendar), 6);
        expect(workingHoursBetween(to, from, calendar)).toBe(0);
      }),
      { numRuns: 25 },
    );
  });

  it('working hours between instants on the same or neighbouring days, where the edges matter', () => {
    fc.assert(
      fc.property(closureDays, anyInstant, fc.integer({ min: 0, max: 5 * 24 * 60 }), (closed, from, minutes) => {
        const calendar = englandAndWales(closed);
        const to = from.plus({ minutes });
        expect(workingHoursBetween(from, to, calendar)).toBeCloseTo(workingHoursBetweenByWalk(from, to, calendar), 6);
      }),
      { numRuns: 400 },
    );
  });

  it('a calendar asked about later years first, then earlier ones, counts as one asked in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyInstant, anyInstant), { minLength: 2, maxLength: 8 }), (spans) => {
        const shuffled = englandAndWales();
        const results = spans.map(([a, b]) => workingHoursBetween(a < b ? a : b, a < b ? b : a, shuffled));
        spans.forEach(([a, b], index) => {
          expect(results[index]).toBeCloseTo(workingHoursBetween(a < b ? a : b, a < b ? b : a, englandAndWales()), 6);
        });
      }),
      { numRuns: 50 },
    );
  });
});
