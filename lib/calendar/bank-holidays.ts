import Holidays from 'date-holidays';

/** The calendars a policy may name; each maps to a region of `date-holidays`. */
export const CALENDAR_IDS = ['england-and-wales'] as const;
export type CalendarId = (typeof CALENDAR_IDS)[number];

// date-holidays has no England-and-Wales region; England's list is the same (Wales adds none).
const REGION: Record<CalendarId, { country: string; state: string }> = {
  'england-and-wales': { country: 'GB', state: 'ENG' },
};

const cache = new Map<string, ReadonlySet<string>>();

/**
 * The bank holidays of one year as ISO dates (`2026-12-28`), weekdays only: date-holidays also
 * lists the weekend day a substitute day replaces, which is no working day anyway and is not on
 * the official list.
 */
export function bankHolidays(calendar: CalendarId, year: number): ReadonlySet<string> {
  const key = `${calendar}:${year}`;
  let dates = cache.get(key);
  if (!dates) {
    const { country, state } = REGION[calendar];
    const holidays = new Holidays(country, state).getHolidays(year);
    dates = new Set(
      holidays
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10))
        .filter((isoDate) => !isWeekend(isoDate)),
    );
    cache.set(key, dates);
  }
  return dates;
}

function isWeekend(isoDate: string): boolean {
  const day = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}
