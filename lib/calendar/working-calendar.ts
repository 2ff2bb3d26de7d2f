import { DateTime, IANAZone, Info } from 'luxon';
import { bankHolidays, type CalendarId } from './bank-holidays.js';
import {
  dateOfDayNumber,
  dayNumberOf,
  dayNumberOfIsoDate,
  firstDayWithWeekdaysBefore,
  isWeekday,
  weekdaysBefore,
  type DayNumber,
} from './day-numbers.js';
import { CalendarError } from './errors.js';

/** Working days start at 00:00 and, for working-day deadlines, end at 17:00 local time. */
export const END_OF_WORKING_DAY_HOUR = 17;
/** Reminders that are not tied to an exact instant go out at 09:00 local time. */
export const REMINDER_HOUR = 9;

export interface WorkingCalendarOptions {
  timezone: string;
  calendar: CalendarId;
  /** Extra days a deployment closes (ISO dates), on top of bank holidays. */
  closureDays?: readonly string[];
}

/**
 * Monday to Friday that is neither a bank holiday of the calendar nor a closure day of the
 * deployment, in the policy's timezone.
 *
 * Counting is arithmetic, not a walk: weekdays between two dates follow from their day numbers,
 * and the closed weekdays (bank holidays and closure days) are one sorted list searched by
 * bisection. So a span of three years costs what a span of three days costs — the monitoring
 * report measures every open case's time overdue, however old the case.
 */
export class WorkingCalendar {
  readonly timezone: string;
  readonly calendar: CalendarId;
  private readonly closureDays: readonly DayNumber[];
  /** Closed weekdays of the years firstYear..lastYear, ascending. Grows a whole year at a time. */
  private closed: DayNumber[] = [];
  private firstYear = Infinity;
  private lastYear = -Infinity;
  /** The day numbers of 1 January of firstYear and 31 December of lastYear: the covered span, compared without dates. */
  private firstDay = Infinity;
  private lastDay = -Infinity;
  private readonly zone: IANAZone;
  /**
   * Recent answers of luxon's zone lookups, each an Intl call: UTC offsets by UTC day (null for a
   * day with a clock change), on such a day by quarter hour (clocks change on a quarter hour
   * everywhere), and local hours of days by day and hour. Deadlines, reminders and reports ask
   * about the same few weeks again and again.
   */
  private readonly dayOffsets = new Map<number, number | null>();
  private readonly offsets = new Map<number, number>();
  private readonly hours = new Map<number, DateTime>();

  constructor(options: WorkingCalendarOptions) {
    if (!Info.isValidIANAZone(options.timezone)) {
      throw new CalendarError(`unknown timezone '${options.timezone}'`);
    }
    this.timezone = options.timezone;
    this.zone = IANAZone.create(options.timezone);
    this.calendar = options.calendar;
    this.closureDays = (options.closureDays ?? []).map(dayNumberOfIsoDate).filter((day) => Number.isFinite(day) && isWeekday(day));
  }

  /** The instant in this calendar's timezone. */
  local(instant: DateTime): DateTime {
    return instant.setZone(this.timezone);
  }

  /** The local date of an instant, as a day number. */
  dayOf(instant: DateTime): DayNumber {
    return this.dayOfMillis(instant.toMillis());
  }

  /** The local date of an instant given in milliseconds since the epoch, as a day number. */
  dayOfMillis(ms: number): DayNumber {
    return Math.floor((ms + this.offsetMinutesAt(ms) * 60_000) / MS_PER_DAY);
  }

  /**
   * The zone's UTC offset at an instant. A UTC day whose first and last quarter hours have the
   * same offset has it throughout (no zone changes its clocks twice in one day), and is remembered
   * as a whole: instants spread over years (the report's open cases) cost one Intl lookup a day,
   * not one each. A day with a clock change is looked up by quarter hour.
   */
  private offsetMinutesAt(ms: number): number {
    const utcDay = Math.floor(ms / MS_PER_DAY);
    let wholeDay = this.dayOffsets.get(utcDay);
    if (wholeDay === undefined) {
      const first = this.zone.offset(utcDay * MS_PER_DAY);
      wholeDay = first === this.zone.offset((utcDay + 1) * MS_PER_DAY - QUARTER_HOUR_MS) ? first : null;
      remember(this.dayOffsets, utcDay, wholeDay);
    }
    if (wholeDay !== null) return wholeDay;
    const quarter = Math.floor(ms / QUARTER_HOUR_MS);
    let offsetMinutes = this.offsets.get(quarter);
    if (offsetMinutes === undefined) {
      offsetMinutes = this.zone.offset(ms);
      remember(this.offsets, quarter, offsetMinutes);
    }
    return offsetMinutes;
  }

  /** 00:00 local of a day. */
  startOf(day: DayNumber): DateTime {
    return this.atHourOf(day, 0);
  }

  /** The given local hour of a day. */
  atHourOf(day: DayNumber, hour: number): DateTime {
    const key = day * 24 + hour;
    let at = this.hours.get(key);
    if (!at) {
      at = DateTime.fromObject({ ...dateOfDayNumber(day), hour }, { zone: this.timezone });
      remember(this.hours, key, at);
    }
    return at;
  }

  isWorkingDay(instant: DateTime): boolean {
    return this.isWorkingDayNumber(this.dayOf(instant));
  }

  isWorkingDayNumber(day: DayNumber): boolean {
    if (!isWeekday(day)) return false;
    const closed = this.closedCovering(day, day);
    return closed[lowerBound(closed, day)] !== day;
  }

  /** Working days among the days from `from` (included) to `to` (excluded); 0 when `to` is not later. */
  workingDaysBetween(from: DayNumber, to: DayNumber): number {
    if (to <= from) return 0;
    const closed = this.closedCovering(from, to);
    return weekdaysBefore(to) - weekdaysBefore(from) - (lowerBound(closed, to) - lowerBound(closed, from));
  }

  /** The Nth working day after `day` (N = 0: the day itself). */
  workingDayAfter(day: DayNumber, count: number): DayNumber {
    if (count <= 0) return day;
    // The first day `end` with `count` working days in day+1 .. end-1; the one before it is the answer.
    // Each round skips the weekdays the previous one found closed: a round per cluster of holidays.
    const start = day + 1;
    let end = start;
    let missing = count;
    while (missing > 0) {
      end = firstDayWithWeekdaysBefore(weekdaysBefore(end) + missing);
      missing = count - this.workingDaysBetween(start, end);
    }
    return end - 1;
  }

  /** The last working day before `day`: a step back per closed day, so as many steps as the closure before it is long. */
  workingDayBefore(day: DayNumber): DayNumber {
    let previous = day - 1;
    while (!this.isWorkingDayNumber(previous)) previous--;
    return previous;
  }

  /** 00:00 of the first working day strictly after the day of `instant`. */
  startOfNextWorkingDay(instant: DateTime): DateTime {
    return this.startOf(this.workingDayAfter(this.dayOf(instant), 1));
  }

  /** 00:00 of the last working day strictly before the day of `instant`. */
  startOfPreviousWorkingDay(instant: DateTime): DateTime {
    return this.startOf(this.workingDayBefore(this.dayOf(instant)));
  }

  /** The given local hour of the day of `instant`. */
  atHour(instant: DateTime, hour: number): DateTime {
    return this.atHourOf(this.dayOf(instant), hour);
  }

  /**
   * The closed weekdays, covering at least the years of `from` and `to`. Only ever extended by
   * whole years and kept contiguous, so counts below a day stay comparable between calls.
   */
  private closedCovering(from: DayNumber, to: DayNumber): readonly DayNumber[] {
    if (from >= this.firstDay && to <= this.lastDay) return this.closed;
    const first = dateOfDayNumber(from).year;
    const last = dateOfDayNumber(to).year;
    if (first >= this.firstYear && last <= this.lastYear) return this.closed;
    const years = { first: Math.min(first, this.firstYear), last: Math.max(last, this.lastYear) };
    const days = new Set<DayNumber>();
    for (let year = years.first; year <= years.last; year++) {
      for (const isoDate of bankHolidays(this.calendar, year)) days.add(dayNumberOfIsoDate(isoDate));
    }
    for (const day of this.closureDays) {
      const year = dateOfDayNumber(day).year;
      if (year >= years.first && year <= years.last) days.add(day);
    }
    this.closed = [...days].filter(isWeekday).sort((a, b) => a - b);
    this.firstYear = years.first;
    this.lastYear = years.last;
    this.firstDay = dayNumberOf(years.first, 1, 1);
    this.lastDay = dayNumberOf(years.last, 12, 31);
    return this.closed;
  }
}

const QUARTER_HOUR_MS = 900_000;
const MS_PER_DAY = 86_400_000;
const REMEMBERED = 8192;

/** Bounded: a long-lived process sees ever more dates. */
function remember<K, V>(answers: Map<K, V>, key: K, value: V): void {
  if (answers.size >= REMEMBERED) answers.clear();
  answers.set(key, value);
}

/** Index of the first element not below `value` in an ascending list. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? value) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
