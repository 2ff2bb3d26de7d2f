import { DateTime } from 'luxon';
import { WorkingCalendar } from '../../../lib/calendar/working-calendar.js';

export const ZONE = 'Europe/London';

/** A local London time written as ISO without an offset, e.g. `2026-12-23T10:00`. */
export function london(local: string): DateTime {
  const instant = DateTime.fromISO(local, { zone: ZONE });
  if (!instant.isValid) throw new Error(`bad test instant ${local}`);
  return instant;
}

/** ISO with the local offset, the form the product prints. */
export function iso(instant: DateTime | null): string | null {
  return instant ? instant.setZone(ZONE).toISO({ suppressMilliseconds: true }) : null;
}

export const englandAndWales = (closureDays: string[] = []) =>
  new WorkingCalendar({ timezone: ZONE, calendar: 'england-and-wales', closureDays });
