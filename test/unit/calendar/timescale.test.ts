import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  addWorkingDays,
  addWorkingHours,
  describeTimescale,
  dueAfter,
  dueAfterMillis,
  workingDays,
  workingHoursBetween,
} from '../../../lib/calendar/timescale.js';
import { englandAndWales, iso, london, ZONE } from './london.js';

const calendar = englandAndWales();

describe('N working days', () => {
  it.each([
    ['5 wd from Wed 23 Dec 2026 (Christmas, Boxing Day substitute, New Year)', '2026-12-23T10:00', 5, '2027-01-04T17:00:00+00:00'],
    ['1 wd from a Friday', '2026-11-20T16:00', 1, '2026-11-23T17:00:00+00:00'],
    ['1 wd from a Saturday: day 0 is the Saturday', '2026-11-21T10:00', 1, '2026-11-23T17:00:00+00:00'],
    ['2 wd started after 17:00 still count from that day', '2026-11-23T18:30', 2, '2026-11-25T17:00:00+00:00'],
    ['5 wd over Easter 2027: Tue 30 Mar is day 1', '2027-03-25T09:00', 5, '2027-04-05T17:00:00+01:00'],
    ['3 wd across the October clock change', '2026-10-23T15:00', 3, '2026-10-28T17:00:00+00:00'],
  ])('%s', (_, from, days, expected) => {
    expect(iso(addWorkingDays(london(from), days, calendar))).toBe(expected);
  });

  it('skip the deployment closure days', () => {
    expect(iso(addWorkingDays(london('2026-11-23T10:00'), 2, englandAndWales(['2026-11-24'])))).toBe('2026-11-26T17:00:00+00:00');
  });
});

describe('N hours on working days', () => {
  it.each([
    ['24 h from Fri 20 Nov 2026 16:00 stops for the weekend', '2026-11-20T16:00', 24, '2026-11-23T16:00:00+00:00'],
    ['48 h from Fri 23 Oct 2026 15:00 BST lands after the clocks go back', '2026-10-23T15:00', 48, '2026-10-27T15:00:00+00:00'],
    ['24 h from Thu 25 Mar 2027 across Easter and the clocks going forward', '2027-03-25T12:00', 24, '2027-03-30T12:00:00+01:00'],
    ['24 h started on a Saturday start at Monday 00:00', '2026-11-21T10:00', 24, '2026-11-24T00:00:00+00:00'],
    ['24 h from Wed 23 Dec 2026 18:00 over Christmas', '2026-12-23T18:00', 24, '2026-12-24T18:00:00+00:00'],
    ['48 h from Thu 24 Dec 2026 12:00 over Christmas', '2026-12-24T12:00', 48, '2026-12-30T12:00:00+00:00'],
  ])('%s', (_, from, hours, expected) => {
    expect(iso(addWorkingHours(london(from), hours, calendar))).toBe(expected);
  });
});

describe('calendar months', () => {
  it.each([
    ['a month from 25 Nov 2026 ends the day before Christmas', '2026-11-25T11:00', '2026-12-24T17:00:00+00:00'],
    ['a month from 2 Nov 2026 is 2 Dec 2026', '2026-11-02T11:00', '2026-12-02T17:00:00+00:00'],
    ['31 Jan 2027 clamps to Sun 28 Feb, then back to Friday', '2027-01-31T11:00', '2027-02-26T17:00:00+00:00'],
    ['a month from 17 Dec 2026 is Sun 17 Jan, so Friday 15 Jan', '2026-12-17T14:00', '2027-01-15T17:00:00+00:00'],
  ])('%s', (_, from, expected) => {
    expect(iso(addCalendarMonths(london(from), 1, calendar))).toBe(expected);
  });
});

describe('dueAfter', () => {
  it('dispatches on the unit', () => {
    const from = london('2026-11-20T16:00');
    expect(iso(dueAfter({ unit: 'hours', amount: 24 }, from, calendar))).toBe('2026-11-23T16:00:00+00:00');
    expect(iso(dueAfter(workingDays(1), from, calendar))).toBe('2026-11-23T17:00:00+00:00');
    expect(iso(dueAfter({ unit: 'calendar-months', amount: 1 }, from, calendar))).toBe('2026-12-18T17:00:00+00:00');
  });

  it('from an instant in milliseconds is the same instant as from a DateTime, for every unit', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          instant.map((at) => at.setZone(ZONE).toISODate() ?? ''),
          { maxLength: 8 },
        ),
        instant,
        fc.constantFrom<'working-days' | 'hours' | 'calendar-months'>('working-days', 'hours', 'calendar-months'),
        fc.integer({ min: 1, max: 40 }),
        (closed, from, unit, amount) => {
          const calendar = englandAndWales(closed);
          const timescale = { unit, amount };
          expect(iso(dueAfterMillis(timescale, from.toMillis(), calendar))).toBe(iso(dueAfter(timescale, from, calendar)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('describes each unit', () => {
    expect(describeTimescale(workingDays(5))).toBe('5 working days');
    expect(describeTimescale({ unit: 'hours', amount: 1 })).toBe('1 working hour');
    expect(describeTimescale({ unit: 'calendar-months', amount: 1 })).toBe('1 calendar month');
  });
});

/** Any instant from 2024 to 2027, where the official holiday list is known. */
const instant = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-10-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => DateTime.fromJSDate(date, { zone: ZONE }));

describe('properties of working-day deadlines', () => {
  it('land on a working day at 17:00 local time, never before their start', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), (from, days) => {
        const due = addWorkingDays(from, days, calendar);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(due.setZone(ZONE).toFormat('HH:mm:ss.SSS')).toBe('17:00:00.000');
        expect(due > from).toBe(true);
      }),
    );
  });

  it('N then M working days is N+M working days', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 25 }), (from, n, m) => {
        const stepwise = addWorkingDays(addWorkingDays(from, n, calendar), m, calendar);
        expect(stepwise.toMillis()).toBe(addWorkingDays(from, n + m, calendar).toMillis());
      }),
    );
  });

  it('count exactly N working days between the start and the due date', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 }), (from, days) => {
        const due = addWorkingDays(from, days, calendar);
        let counted = 0;
        for (let day = from.startOf('day').plus({ days: 1 }); day <= due; day = day.plus({ days: 1 })) {
          if (calendar.isWorkingDay(day)) counted++;
        }
        expect(counted).toBe(days);
      }),
    );
  });
});

describe('properties of hour deadlines', () => {
  it('N then M hours is N+M hours, and never before the start', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 72 }), fc.integer({ min: 1, max: 72 }), (from, n, m) => {
        const first = addWorkingHours(from, n, calendar);
        expect(first > from).toBe(true);
        expect(addWorkingHours(first, m, calendar).toMillis()).toBe(addWorkingHours(from, n + m, calendar).toMillis());
      }),
    );
  });

  it('run only on working days: the time elapsed on working days is exactly N hours', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 96 }), (from, hours) => {
        const due = addWorkingHours(from, hours, calendar);
        let workingMs = 0;
        for (let day = from.startOf('day'); day < due; day = day.plus({ days: 1 })) {
          if (!calendar.isWorkingDay(day)) continue;
          const start = DateTime.max(day, from);
          const end = DateTime.min(day.plus({ days: 1 }), due);
          if (end > start) workingMs += end.toMillis() - start.toMillis();
        }
        expect(workingMs).toBe(hours * 3_600_000);
      }),
    );
  });
});

describe('working hours between two instants', () => {
  it.each([
    ['Friday 16:00 to Monday 16:00: the weekend does not count', '2026-11-20T16:00', '2026-11-23T16:00', 24],
    ['within one working day', '2026-11-23T09:00', '2026-11-23T17:30', 8.5],
    ['from a Saturday: the clock starts on Monday 00:00', '2026-11-21T10:00', '2026-11-23T06:00', 6],
    ['Christmas 2026: Wed 23 18:00 to Tue 29 18:00 counts 23, 24 and 29 December', '2026-12-23T18:00', '2026-12-29T18:00', 6 + 24 + 18],
    ['backwards is zero', '2026-11-23T10:00', '2026-11-20T10:00', 0],
  ])('%s', (_, from, to, hours) => {
    expect(workingHoursBetween(london(from), london(to), calendar)).toBeCloseTo(hours, 9);
  });

  it('is the inverse of adding working hours', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 200 }), (from, hours) => {
        expect(workingHoursBetween(from, addWorkingHours(from, hours, calendar), calendar)).toBeCloseTo(hours, 6);
      }),
    );
  });
});
