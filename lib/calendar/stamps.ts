import type { DateTime } from 'luxon';

/**
 * `20261102T100000` (to the second) or `20261102T1000` (to the minute): an instant in UTC as
 * reminder and deadline ids carry it, the same text as luxon's `yyyyMMdd'T'HHmmss` and
 * `yyyyMMdd'T'HHmm` without its formatter, which costs more than everything else in planning a
 * case's reminders. Years outside 0–9999 and invalid instants are left to luxon.
 */
export function compactUtc(instant: DateTime, precision: 'seconds' | 'minutes' = 'seconds'): string {
  const millis = instant.toMillis();
  const iso = Number.isFinite(millis) ? new Date(millis).toISOString() : '';
  // 2026-11-02T10:00:00.000Z
  if (iso.length !== 24) return instant.toUTC().toFormat(precision === 'seconds' ? "yyyyMMdd'T'HHmmss" : "yyyyMMdd'T'HHmm");
  const minutes = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 13) + iso.slice(14, 16);
  return precision === 'seconds' ? minutes + iso.slice(17, 19) : minutes;
}
