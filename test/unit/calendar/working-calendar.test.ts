import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
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
