import type { DateTime } from 'luxon';
import * as z from 'zod';
import { END_OF_WORKING_DAY_HOUR, type WorkingCalendar } from './working-calendar.js';

/**
 * A policy's "within N …": working days (due at 17:00 of the Nth working day after the start's
 * day), hours (a clock that runs only on working days) or calendar months.
 */
export const TimescaleSchema = z.strictObject({
  unit: z.enum(['working-days', 'hours', 'calendar-months']),
  amount: z.number().int().positive().max(366),
});
export type Timescale = z.infer<typeof TimescaleSchema>;

/** "5 working days", "24 working hours", "1 calendar month". */
export function describeTimescale({ unit, amount }: Timescale): string {
  const plural = amount === 1 ? '' : 's';
  switch (unit) {
    case 'working-days':
      return `${amount} working day${plural}`;
    case 'hours':
      return `${amount} working hour${plural}`;
    case 'calendar-months':
      return `${amount} calendar month${plural}`;
  }
}

/** When a timescale that starts at `from` runs out. */
export function dueAfter(timescale: Timescale, from: DateTime, calendar: WorkingCalendar): DateTime {
  switch (timescale.unit) {
    case 'working-days':
      return addWorkingDays(from, timescale.amount, calendar);
    case 'hours':
      return addWorkingHours(from, timescale.amount, calendar);
    case 'calendar-months':
      return addCalendarMonths(from, timescale.amount, calendar);
  }
}

/** The day of `from` is day 0; due at the end (17:00) of the Nth working day after it. */
export function addWorkingDays(from: DateTime, days: number, calendar: WorkingCalendar): DateTime {
  let day = calendar.local(from);
  for (let counted = 0; counted < days; counted++) day = calendar.startOfNextWorkingDay(day);
  return calendar.atHour(day, END_OF_WORKING_DAY_HOUR);
}

/**
 * The clock runs only on working days: it stops at 00:00 of a non-working day and restarts at
 * 00:00 of the next working day. Elapsed time is real time, so a clock change is counted as it
 * happens (clocks change on Sundays, when this clock is stopped anyway).
 */
export function addWorkingHours(from: DateTime, hours: number, calendar: WorkingCalendar): DateTime {
  let remainingMs = hours * 3_600_000;
  let cursor = calendar.local(from);
  if (!calendar.isWorkingDay(cursor)) cursor = calendar.startOfNextWorkingDay(cursor);
  for (;;) {
    const midnight = cursor.startOf('day').plus({ days: 1 });
    const leftToday = midnight.toMillis() - cursor.toMillis();
    if (remainingMs <= leftToday) return cursor.plus({ milliseconds: remainingMs });
    remainingMs -= leftToday;
    cursor = calendar.startOfNextWorkingDay(cursor);
  }
}

/**
 * The same local date N months on (clamped to the month's end), 17:00; on a non-working day,
 * the end of the last working day before it.
 */
export function addCalendarMonths(from: DateTime, months: number, calendar: WorkingCalendar): DateTime {
  let day = calendar.local(from).plus({ months });
  if (!calendar.isWorkingDay(day)) day = calendar.startOfPreviousWorkingDay(day);
  return calendar.atHour(day, END_OF_WORKING_DAY_HOUR);
}

export const workingDays = (amount: number): Timescale => ({ unit: 'working-days', amount });
export const workingHours = (amount: number): Timescale => ({ unit: 'hours', amount });
export const calendarMonths = (amount: number): Timescale => ({ unit: 'calendar-months', amount });

/**
 * Time between two instants on the working-hours clock (the one `addWorkingHours` runs), in
 * hours: what the monitoring report counts as time spent in a stage. Zero when `to` is not later.
 */
export function workingHoursBetween(from: DateTime, to: DateTime, calendar: WorkingCalendar): number {
  let elapsedMs = 0;
  let cursor = calendar.local(from);
  const end = calendar.local(to);
  if (!calendar.isWorkingDay(cursor)) cursor = calendar.startOfNextWorkingDay(cursor);
  while (cursor < end) {
    const midnight = cursor.startOf('day').plus({ days: 1 });
    elapsedMs += Math.min(midnight.toMillis(), end.toMillis()) - cursor.toMillis();
    cursor = calendar.startOfNextWorkingDay(cursor);
  }
  return elapsedMs / 3_600_000;
}
