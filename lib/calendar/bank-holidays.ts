import table from './bank-holidays-england-and-wales.json' with { type: 'json' };
import { CalendarError } from './errors.js';

/** The calendars a policy may name. */
export const CALENDAR_IDS = ['england-and-wales'] as const;
export type CalendarId = (typeof CALENDAR_IDS)[number];

const TABLES: Record<CalendarId, { years: Record<string, string[]> }> = { 'england-and-wales': table };
const cache = new Map<string, ReadonlySet<string>>();

/**
 * The bank holidays of one year as ISO dates (`2026-12-28`), substitute days and one-off
 * holidays included: from the table generated with date-holidays (`npm run generate:holidays`)
 * for the years it covers, and from the regular rules beyond them (an archived email, a case
 * that runs past the table's last year). Only the table knows one-off holidays.
 */
export function bankHolidays(calendar: CalendarId, year: number): ReadonlySet<string> {
  const key = `${calendar}:${year}`;
  let dates = cache.get(key);
  if (!dates) {
    if (!Number.isInteger(year) || year < 1900 || year > 9999)
      throw new CalendarError(`no ${calendar} bank holidays for ${year}: a year from 1900 to 9999 is needed`);
    dates = new Set(TABLES[calendar].years[String(year)] ?? englandAndWalesByRule(year));
    cache.set(key, dates);
  }
  return dates;
}

/**
 * The regular England and Wales bank holidays of a year, by the Banking and Financial Dealings
 * Act 1971's rules and the royal proclamations that have kept them since 1978: New Year's Day,
 * Good Friday, Easter Monday, the first and last Mondays of May, the last Monday of August,
 * Christmas Day and Boxing Day, with a weekday in lieu of one that falls at a weekend. Written
 * out because date-holidays would bring its astronomy and time-zone code (about 1 MB) into every
 * function for eight dates a year; a test holds it to date-holidays for 150 years.
 */
export function englandAndWalesByRule(year: number): string[] {
  const date = (month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
  const weekday = (d: Date) => d.getUTCDay();
  const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const firstMonday = (month: number) => plusDays(date(month, 1), (8 - weekday(date(month, 1))) % 7);
  const lastMonday = (month: number) => {
    const last = plusDays(date(month + 1, 1), -1);
    return plusDays(last, -((weekday(last) + 6) % 7));
  };
  const easter = easterSunday(year);
  const newYear = date(1, 1);
  const christmas = date(12, 25);
  const days = [
    plusDays(newYear, weekday(newYear) === 6 ? 2 : weekday(newYear) === 0 ? 1 : 0),
    plusDays(easter, -2),
    plusDays(easter, 1),
    firstMonday(5),
    lastMonday(5),
    lastMonday(8),
    // Christmas on a Saturday: Monday 27 and Tuesday 28; on a Sunday: Boxing Day Monday 26 and Tuesday 27; Boxing Day on a Saturday: Monday 28.
    ...(weekday(christmas) === 6 ? [date(12, 27), date(12, 28)] : weekday(christmas) === 0 ? [date(12, 26), date(12, 27)] : []),
    ...(weekday(christmas) === 5 ? [christmas, date(12, 28)] : []),
    ...(weekday(christmas) >= 1 && weekday(christmas) <= 4 ? [christmas, date(12, 26)] : []),
  ];
  return days.map(iso).sort();
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, as in Meeus). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}
