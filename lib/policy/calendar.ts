import { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Policy } from './schema.js';

/** Calendars are immutable: one per timezone, bank-holiday calendar and closure days, reused by every message. */
const calendars = new Map<string, WorkingCalendar>();

/** The working calendar a policy's deadlines are counted on, with the deployment's closure days. */
export function calendarFor(policy: Policy, closureDays: readonly string[] = []): WorkingCalendar {
  const key = `${policy.timezone}|${policy.calendar}|${closureDays.join(',')}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = new WorkingCalendar({ timezone: policy.timezone, calendar: policy.calendar, closureDays });
    calendars.set(key, calendar);
  }
  return calendar;
}
