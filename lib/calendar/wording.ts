import { DateTime } from 'luxon';

/** The en-GB names of the weekdays (Monday first) and months, long and short, as luxon writes them on this runtime. */
interface Names {
  weekdays: string[];
  shortWeekdays: string[];
  months: string[];
  shortMonths: string[];
}

let names: Names | undefined;

/**
 * Read from luxon once, so that they are its words (Intl's, whatever this runtime's data says)
 * without its formatter for every date: 1 January 2024 was a Monday.
 */
function namesOf(): Names {
  const say = (format: string, count: number, at: (i: number) => DateTime) =>
    Array.from({ length: count }, (_, i) => at(i).setLocale('en-GB').toFormat(format));
  const day = (i: number) => DateTime.utc(2024, 1, 1 + i);
  const month = (i: number) => DateTime.utc(2024, 1 + i, 1);
  names ??= {
    weekdays: say('cccc', 7, day),
    shortWeekdays: say('ccc', 7, day),
    months: say('LLLL', 12, month),
    shortMonths: say('LLL', 12, month),
  };
  return names;
}

/** A date whose year luxon writes as four plain digits: the words can be put together here. */
const plain = (local: DateTime) => local.isValid && local.year >= 1000 && local.year <= 9999;

/**
 * A due time as people write it in mail: "by 5pm on Monday 4 January 2027",
 * "by 10:30am on …"; a due at midnight is "by the end of" the day before.
 */
export function describeDue(due: DateTime, timezone: string): string {
  const local = due.setZone(timezone);
  if (local.hour === 0 && local.minute === 0) return `by the end of ${longDate(local.minus({ days: 1 }))}`;
  return `by ${clockTime(local)} on ${longDate(local)}`;
}

/** "Monday 4 January 2027". */
export function longDate(local: DateTime): string {
  if (!plain(local)) return local.setLocale('en-GB').toFormat('cccc d LLLL yyyy');
  const { weekdays, months } = namesOf();
  return `${weekdays[local.weekday - 1] ?? ''} ${local.day} ${months[local.month - 1] ?? ''} ${local.year}`;
}

/** "5pm", "10:30am", "12pm". */
export function clockTime(local: DateTime): string {
  const hour12 = local.hour % 12 === 0 ? 12 : local.hour % 12;
  const minutes = local.minute === 0 ? '' : `:${String(local.minute).padStart(2, '0')}`;
  return `${hour12}${minutes}${local.hour < 12 ? 'am' : 'pm'}`;
}

/** "Thu 31 Dec 2026, 09:00 GMT": compact, for tables and logs read by admins. */
export function shortDateTime(instant: DateTime, timezone: string): string {
  return instant.setZone(timezone).setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm ZZZZ');
}

/** ISO 8601 with the local offset and no milliseconds: `2027-01-04T17:00:00+00:00`. */
export function isoLocal(instant: DateTime, timezone: string): string {
  return instant.setZone(timezone).toISO({ suppressMilliseconds: true }) ?? '';
}

/** "Mon 9 Nov 2026": the date of an instant in the timezone, for forms and summaries. */
export function shortDate(instant: DateTime, timezone: string): string {
  const local = instant.setZone(timezone);
  if (!plain(local)) return local.setLocale('en-GB').toFormat('ccc d LLL yyyy');
  const { shortWeekdays, shortMonths } = namesOf();
  return `${shortWeekdays[local.weekday - 1] ?? ''} ${local.day} ${shortMonths[local.month - 1] ?? ''} ${local.year}`;
}
