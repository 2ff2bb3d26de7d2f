import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../lib/calendar/working-calendar.js';
import { englandAndWales, iso, london } from './london.js';

const CLOSED = ['2026-12-29'];
const instant = fc
  .date({ min: new Date('2016-01-01T00:00:00Z'), max: new Date('2044-06-30T23:59:59Z'), noInvalidDate: true })
  .map((date) => DateTime.fromJSDate(date));

describe('the next and previous working day', () => {
  it.each([
    ['2026-12-24T15:00', '2026-12-30T00:00', '2026-12-23T00:00'], // Christmas, the Boxing Day substitute and a closure day
    ['2026-12-25T09:00', '2026-12-30T00:00', '2026-12-24T00:00'],
    ['2026-12-31T23:30', '2027-01-04T00:00', '2026-12-30T00:00'], // New Year's Day, then a weekend
    ['2026-10-23T12:00', '2026-10-26T00:00', '2026-10-22T00:00'], // across the clocks going back
  ])('from %s: next %s, previous %s, the same when asked again', (at, next, previous) => {
    const calendar = englandAndWales(CLOSED);
    for (let asked = 0; asked < 2; asked++) {
      expect(iso(calendar.startOfNextWorkingDay(london(at)))).toBe(iso(london(next)));
      expect(iso(calendar.startOfPreviousWorkingDay(london(at)))).toBe(iso(london(previous)));
    }
  });

  it('are the first working day found day by day, however many days the calendar has already worked out', () => {
    const calendar = englandAndWales(CLOSED);
    const dayByDay = (at: DateTime, step: 1 | -1) => {
      let day = at.setZone(calendar.timezone).startOf('day').plus({ days: step });
      while (!calendar.isWorkingDay(day)) day = day.plus({ days: step });
      return iso(day);
    };
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 40 }), (instants) => {
        for (const at of instants) {
          expect(iso(calendar.startOfNextWorkingDay(at))).toBe(dayByDay(at, 1));
          expect(iso(calendar.startOfPreviousWorkingDay(at))).toBe(dayByDay(at, -1));
        }
      }),
      // Some 6,000 instants over 28 years: more dates than the calendar keeps, so it also forgets and works out again.
      { numRuns: 300 },
    );
  });
});

describe('the local date of an instant', () => {
  // Clocks changing at midnight (Santiago), by half an hour (Lord Howe), offsets of a half and three
  // quarters of an hour (St John's, Kathmandu), a whole day skipped (Apia, December 2011).
  const zones = ['Europe/London', 'America/Santiago', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Apia'];
  const anyInstant = fc.date({ min: new Date('2005-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true });
  /** Around a clock change: the same day of the year as one, to the minute. */
  const nearChange = fc
    .tuple(
      fc.integer({ min: 2005, max: 2040 }),
      fc.constantFrom('03-08', '03-29', '04-05', '09-06', '09-27', '10-05', '10-25', '11-01', '12-29'),
      fc.integer({ min: -36 * 60, max: 36 * 60 }),
    )
    .map(([year, day, minutes]) => new Date(Date.parse(`${year}-${day}T00:00:00Z`) + minutes * 60_000));

  it('is the date luxon gives in the zone, across clock changes and however many days the calendar has seen', () => {
    for (const timezone of zones) {
      const calendar = new WorkingCalendar({ timezone, calendar: 'england-and-wales' });
      fc.assert(
        fc.property(fc.array(fc.oneof(anyInstant, nearChange), { minLength: 1, maxLength: 60 }), (instants) => {
          for (const at of instants) {
            const expected = DateTime.fromJSDate(at, { zone: timezone }).toISODate();
            const day = calendar.dayOfMillis(at.getTime());
            expect(DateTime.fromMillis(day * 86_400_000, { zone: 'utc' }).toISODate()).toBe(expected);
            expect(calendar.dayOf(DateTime.fromJSDate(at))).toBe(day);
          }
        }),
        { numRuns: 200 },
      );
    }
  });
});
