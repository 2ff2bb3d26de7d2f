import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bankHolidays, englandAndWalesByRule } from '../../../lib/calendar/bank-holidays.js';
import { CalendarError } from '../../../lib/calendar/errors.js';
import { englandAndWalesFromLibrary, FIRST_YEAR, LAST_YEAR } from '../../../scripts/bank-holidays-source.js';
import { englandAndWales, london } from './london.js';

// GOV.UK's list for england-and-wales (substitute days and one-off holidays included).
const official = JSON.parse(readFileSync(new URL('./fixtures/bank-holidays-england-and-wales.json', import.meta.url), 'utf8')) as {
  dates: Record<string, string[]>;
};

describe('England and Wales bank holidays', () => {
  it.each(['2022', '2023', '2024', '2025', '2026', '2027'])('match the official list for %s', (year) => {
    expect([...bankHolidays('england-and-wales', Number(year))].sort()).toEqual(official.dates[year]);
  });

  it('are exactly what date-holidays computes, for every year of the generated table', () => {
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      expect([...bankHolidays('england-and-wales', year)].sort(), `${year}: run npm run generate:holidays`).toEqual(
        englandAndWalesFromLibrary(year),
      );
    }
  });

  it('follow the regular rules beyond the table: an archived 2014 email, a case running into 2046', () => {
    expect([...bankHolidays('england-and-wales', 2014)].sort()).toEqual(englandAndWalesFromLibrary(2014));
    expect([...bankHolidays('england-and-wales', LAST_YEAR + 1)].sort()).toEqual(englandAndWalesFromLibrary(LAST_YEAR + 1));
    expect(() => bankHolidays('england-and-wales', 1899)).toThrow(CalendarError);
  });

  it.each(['2024', '2025', '2026', '2027'])('the rules alone give GOV.UK’s list for %s, a year with no one-off holiday', (year) => {
    expect(englandAndWalesByRule(Number(year))).toEqual(official.dates[year]);
  });

  it('the rules are what date-holidays computes for 150 years outside the table, one-off years aside', () => {
    // One-off holidays and moved days: royal weddings, VE Day's 50th and 75th, the millennium, jubilees, a funeral, a coronation.
    const oneOff = new Set([1981, 1995, 1999, 2002, 2011, 2012, 2020, 2022, 2023]);
    for (let year = 1979; year <= 2200; year++) {
      if (oneOff.has(year) || (year >= FIRST_YEAR && year <= LAST_YEAR)) continue;
      expect(englandAndWalesByRule(year), String(year)).toEqual(englandAndWalesFromLibrary(year));
    }
  });

  it('include the one-off holidays and the substitute days', () => {
    expect(bankHolidays('england-and-wales', 2022).has('2022-09-19')).toBe(true); // state funeral
    expect(bankHolidays('england-and-wales', 2023).has('2023-05-08')).toBe(true); // coronation
    expect(bankHolidays('england-and-wales', 2026).has('2026-12-28')).toBe(true); // Boxing Day substitute
  });

  it('make those days, weekends and closure days non-working', () => {
    const calendar = englandAndWales(['2026-11-24']);
    expect(calendar.isWorkingDay(london('2026-12-28T12:00'))).toBe(false);
    expect(calendar.isWorkingDay(london('2026-11-21T12:00'))).toBe(false); // Saturday
    expect(calendar.isWorkingDay(london('2026-11-24T12:00'))).toBe(false); // closure day
    expect(calendar.isWorkingDay(london('2026-11-23T12:00'))).toBe(true);
    expect(englandAndWales().isWorkingDay(london('2026-11-24T12:00'))).toBe(true);
  });

  it('judge the day in the calendar timezone, not in UTC', () => {
    // 00:30 BST on Saturday 27 Jun 2026 is still Friday 23:30 in UTC: a weekend day in London.
    const saturdayInLondon = london('2026-06-27T00:30').setZone('UTC');
    expect(saturdayInLondon.weekday).toBe(5);
    expect(englandAndWales().isWorkingDay(saturdayInLondon)).toBe(false);
    expect(englandAndWales().isWorkingDay(london('2026-06-26T23:30').setZone('UTC'))).toBe(true);
  });
});
