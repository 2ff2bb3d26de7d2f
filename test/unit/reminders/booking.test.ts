import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../lib/cases/case.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { bookingChange, inSendingOrder, nextBooking, scheduleName } from '../../../lib/reminders/booking.js';
import { aCase } from '../../support/case.js';

const policy = builtInPolicy('swindon');
const context = { closureDays: [] };
const opened = '2026-11-02T10:00:00.000Z';
const stage = (s: string, started = opened): Case => aCase({ stage: s, openedAt: opened, stageStartedAt: started });
const at = (iso: string) => ({ horizon: DateTime.fromISO(iso), after: DateTime.fromISO(iso) });
const resolved = (c: Case): Case => ({ ...c, status: 'resolved', resolvedAt: '2026-11-04T10:00:00.000Z', version: c.version + 1 });

describe("a case's one schedule", () => {
  it('is named by the case reference, within Scheduler’s limits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{2,8}-\d{4}-\d{4,6}$/), (ref) => {
        expect(scheduleName(ref)).toMatch(/^[0-9a-zA-Z_.-]{1,64}$/);
        expect(scheduleName(ref)).toBe(ref);
      }),
    );
  });

  it('names the first reminder after the horizon, in sending order (by time, then id)', () => {
    const plan = inSendingOrder(stage('2'), policy, context);
    expect(plan.map((r) => r.at.toMillis())).toEqual([...plan.map((r) => r.at.toMillis())].sort((a, b) => a - b));
    const [first, second] = plan;
    expect(nextBooking(stage('2'), policy, DateTime.fromISO(opened), DateTime.fromISO(opened), context)?.reminderId).toBe(first?.id);
    expect(nextBooking(stage('2'), policy, first?.at ?? DateTime.now(), DateTime.fromISO(opened), context)?.reminderId).toBe(second?.id);
    expect(nextBooking(stage('2'), policy, DateTime.fromISO('2030-01-01T00:00:00Z'), DateTime.fromISO(opened), context)).toBeNull();
  });

  it('a new case books with a create; a case that booked before, with an update; an unchanged plan, with nothing', () => {
    const now = at(opened);
    expect(bookingChange(stage('2'), policy, null, now, context)).toMatchObject({ kind: 'book', exists: false });
    expect(bookingChange(stage('3'), policy, stage('2'), now, context)).toMatchObject({ kind: 'book', exists: true });
    expect(bookingChange({ ...stage('2'), version: 2 }, policy, stage('2'), now, context)).toEqual({ kind: 'keep' });
    expect(bookingChange(stage('2'), policy, undefined, now, context)).toMatchObject({ kind: 'book', exists: true });
  });

  it('is deleted when the case closes, or when nothing is left and what was booked is not known; left alone otherwise', () => {
    const now = at(opened);
    const late = at('2030-01-01T00:00:00Z');
    expect(bookingChange(resolved(stage('2')), policy, stage('2'), now, context)).toEqual({ kind: 'drop' });
    expect(bookingChange(resolved(stage('2')), policy, stage('2'), late, context)).toEqual({ kind: 'drop' });
    expect(bookingChange(resolved(stage('2')), policy, undefined, now, context)).toEqual({ kind: 'drop' });
    expect(bookingChange(resolved(stage('2')), policy, resolved(stage('2')), now, context)).toEqual({ kind: 'keep' });
    expect(bookingChange(resolved(stage('2')), policy, null, now, context)).toEqual({ kind: 'keep' });
    expect(bookingChange({ ...stage('2'), version: 2 }, policy, stage('2'), late, context)).toEqual({ kind: 'keep' });
    expect(bookingChange(stage('2'), policy, undefined, late, context)).toEqual({ kind: 'drop' });
  });
});
