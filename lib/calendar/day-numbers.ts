/**
 * Local calendar dates as whole numbers (days since 1970-01-01), so that counting weekdays is
 * arithmetic instead of a walk: day 0 was a Thursday.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** `2026-12-28` → its day number. */
export function dayNumberOfIsoDate(isoDate: string): DayNumber {
  const [year, month, day] = isoDate.split('-').map(Number);
  return dayNumberOf(year ?? NaN, month ?? NaN, day ?? NaN);
}

export function dateOfDayNumber(day: DayNumber): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO weekday, Monday 1 … Sunday 7. */
export function weekdayOf(day: DayNumber): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export const isWeekday = (day: DayNumber): boolean => weekdayOf(day) <= 5;

/** Weekdays among the first j days of a week that starts on a Thursday (day 0): Thu Fri Sat Sun Mon Tue Wed. */
const WEEKDAYS_BEFORE = [0, 1, 2, 2, 2, 3, 4, 5] as const;

/** Monday–Friday days before `day` (from an arbitrary origin: only differences mean anything). */
export function weekdaysBefore(day: DayNumber): number {
  const weeks = Math.floor(day / 7);
  return 5 * weeks + (WEEKDAYS_BEFORE[day - 7 * weeks] ?? 0);
}

/** The first day `m` whose `weekdaysBefore(m)` reaches `count`. */
export function firstDayWithWeekdaysBefore(count: number): DayNumber {
  const weeks = Math.floor(count / 5);
  const rest = count - 5 * weeks;
  let within = 0;
  while ((WEEKDAYS_BEFORE[within] ?? rest) < rest) within++;
  return 7 * weeks + within;
}
