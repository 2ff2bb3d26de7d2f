import { DateTime, Info } from 'luxon';
import { bankHolidays, type CalendarId } from './bank-holidays.js';
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
 */
export class WorkingCalendar {
  readonly timezone: string;
  readonly calendar: CalendarId;
  private readonly closureDays: ReadonlySet<string>;
  /**
   * The next and previous working day of each local date seen: deadlines, reminders and reports
   * walk the same few weeks again and again, and each luxon step in a time zone costs an Intl
   * lookup. Bounded, since a long-lived process sees ever more dates.
   */
  private readonly nextDays = new Map<string, DateTime>();
  private readonly previousDays = new Map<string, DateTime>();

  constructor(options: WorkingCalendarOptions) {
    if (!Info.isValidIANAZone(options.timezone)) {
      throw new CalendarError(`unknown timezone '${options.timezone}'`);
    }
    this.timezone = options.timezone;
    this.calendar = options.calendar;
    this.closureDays = new Set(options.closureDays ?? []);
  }

  /** The instant in this calendar's timezone. */
  local(instant: DateTime): DateTime {
    return instant.setZone(this.timezone);
  }

  isWorkingDay(instant: DateTime): boolean {
    const day = this.local(instant);
    if (day.weekday > 5) return false;
    const isoDate = day.toISODate() ?? '';
    return !bankHolidays(this.calendar, day.year).has(isoDate) && !this.closureDays.has(isoDate);
  }

  /** 00:00 of the first working day strictly after the day of `instant`. */
  startOfNextWorkingDay(instant: DateTime): DateTime {
    return remembered(this.nextDays, this.local(instant), (local) => {
      let day = local.startOf('day').plus({ days: 1 });
      while (!this.isWorkingDay(day)) day = day.plus({ days: 1 });
      return day;
    });
  }

  /** 00:00 of the last working day strictly before the day of `instant`. */
  startOfPreviousWorkingDay(instant: DateTime): DateTime {
    return remembered(this.previousDays, this.local(instant), (local) => {
      let day = local.startOf('day').minus({ days: 1 });
      while (!this.isWorkingDay(day)) day = day.minus({ days: 1 });
      return day;
    });
  }

  /** The given local hour of the day of `instant`. */
  atHour(instant: DateTime, hour: number): DateTime {
    return this.local(instant).set({ hour, minute: 0, second: 0, millisecond: 0 });
  }
}

const REMEMBERED_DAYS = 4096;

/** The answer for the local date of `local`, worked out once (DateTime is immutable, so it can be shared). */
function remembered(days: Map<string, DateTime>, local: DateTime, workOut: (local: DateTime) => DateTime): DateTime {
  const date = local.toISODate() ?? '';
  let answer = days.get(date);
  if (!answer) {
    if (days.size >= REMEMBERED_DAYS) days.clear();
    answer = workOut(local);
    days.set(date, answer);
  }
  return answer;
}
