import { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Policy } from './schema.js';

/** The working calendar a policy's deadlines are counted on, with the deployment's closure days. */
export function calendarFor(policy: Policy, closureDays: readonly string[] = []): WorkingCalendar {
  return new WorkingCalendar({ timezone: policy.timezone, calendar: policy.calendar, closureDays });
}
