import type { DateTime } from 'luxon';

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
  return local.setLocale('en-GB').toFormat('cccc d LLLL yyyy');
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
  return instant.setZone(timezone).setLocale('en-GB').toFormat('ccc d LLL yyyy');
}
