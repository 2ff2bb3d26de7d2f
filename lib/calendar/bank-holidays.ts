import table from './bank-holidays-england-and-wales.json' with { type: 'json' };
import { CalendarError } from './errors.js';

/** The calendars a policy may name. */
export const CALENDAR_IDS = ['england-and-wales'] as const;
export type CalendarId = (typeof CALENDAR_IDS)[number];

const TABLES: Record<CalendarId, { years: Record<string, string[]> }> = { 'england-and-wales': table };
const cache = new Map<string, ReadonlySet<string>>();

/**
 * The bank holidays of one year as ISO dates (`2026-12-28`), substitute days and one-off
 * holidays included: from the table generated with date-holidays (`npm run generate:holidays`).
 */
export function bankHolidays(calendar: CalendarId, year: number): ReadonlySet<string> {
  const key = `${calendar}:${year}`;
  let dates = cache.get(key);
  if (!dates) {
    const list = TABLES[calendar].years[String(year)];
    if (!list)
      throw new CalendarError(
        `no ${calendar} bank holidays for ${year}: the table covers ${Object.keys(TABLES[calendar].years)
          .join(', ')
          .replace(/, .*, /, '–')}; run npm run generate:holidays`,
      );
    dates = new Set(list);
    cache.set(key, dates);
  }
  return dates;
}
