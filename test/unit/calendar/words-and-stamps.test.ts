import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { compactUtc } from '../../../lib/calendar/stamps.js';
import { describeDue, longDate, shortDate } from '../../../lib/calendar/wording.js';

/** Instants over the years people write and far outside them, and the zones the policies and their partnerships use. */
const instant = fc
  .oneof(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.integer({ min: -8.6e15, max: 8.6e15 }))
  .map((millis) => DateTime.fromMillis(millis));
const zone = fc.constantFrom('Europe/London', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe');

describe('dates in words and ids, without luxon’s formatter', () => {
  it('read as luxon writes them in en-GB', () => {
    fc.assert(
      fc.property(instant, zone, (at, timezone) => {
        const local = at.setZone(timezone);
        expect(longDate(local)).toBe(local.setLocale('en-GB').toFormat('cccc d LLLL yyyy'));
        expect(shortDate(at, timezone)).toBe(local.setLocale('en-GB').toFormat('ccc d LLL yyyy'));
        expect(longDate(local.setLocale('fr'))).toBe(local.setLocale('en-GB').toFormat('cccc d LLLL yyyy'));
      }),
      { numRuns: 2000 },
    );
  });

  it('stamp ids as luxon did, to the second and to the minute', () => {
    fc.assert(
      fc.property(instant, zone, (at, timezone) => {
        expect(compactUtc(at.setZone(timezone))).toBe(at.toUTC().toFormat("yyyyMMdd'T'HHmmss"));
        expect(compactUtc(at, 'minutes')).toBe(at.toUTC().toFormat("yyyyMMdd'T'HHmm"));
      }),
      { numRuns: 2000 },
    );
    expect(compactUtc(DateTime.invalid('test'))).toBe('Invalid DateTime');
  });

  it('every month and weekday, and a due at midnight', () => {
    for (let day = 0; day < 400; day++) {
      const at = DateTime.fromISO('2026-01-01T17:00:00Z').plus({ days: day });
      expect(shortDate(at, 'Europe/London')).toBe(at.setZone('Europe/London').setLocale('en-GB').toFormat('ccc d LLL yyyy'));
    }
    expect(describeDue(DateTime.fromISO('2027-01-05T00:00:00Z'), 'Europe/London')).toBe('by the end of Monday 4 January 2027');
    expect(describeDue(DateTime.fromISO('2026-09-07T16:30:00Z'), 'Europe/London')).toBe('by 5:30pm on Monday 7 September 2026');
  });
});
