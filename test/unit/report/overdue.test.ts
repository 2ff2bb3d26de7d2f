import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { workingHoursBetween } from '../../../lib/calendar/timescale.js';
import { isoLocal } from '../../../lib/calendar/wording.js';
import type { Case, CaseStatus } from '../../../lib/cases/case.js';
import { caseDeadlines } from '../../../lib/cases/deadlines.js';
import { calendarFor } from '../../../lib/policy/calendar.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import type { Policy } from '../../../lib/policy/schema.js';
import { overdueNow, type OverdueDeadline } from '../../../lib/report/overdue.js';
import { aCase } from '../../support/case.js';

/** "Overdue now" as the report listed it before it shared due instants: each open case's deadlines, one by one. */
function overdueOneByOne(c: Case, policy: Policy, closureDays: readonly string[], now: DateTime): OverdueDeadline[] {
  const calendar = calendarFor(policy, closureDays);
  return caseDeadlines(c, policy, closureDays, { reminders: false, targets: false })
    .filter((d) => d.kind !== 'target' && d.due < now)
    .map((d) => ({
      caseRef: c.ref,
      stage: c.stage,
      deadline: d.label,
      due: isoLocal(d.due, policy.timezone),
      workingDaysOverdue: Math.round((workingHoursBetween(d.due, now, calendar) / 24) * 100) / 100,
    }));
}

const POLICIES = (['swindon', 'hull-east-riding', 'sunderland', 'telford-wrekin', 'wiltshire'] as const).map((id) => builtInPolicy(id));
const instant = fc.date({ min: new Date('2016-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true });
/** Stored instants as the product writes them (UTC), and with a local offset as older items and hand edits may have them. */
const stored = fc
  .tuple(instant, fc.boolean())
  .map(([at, utc]) => (utc ? at.toISOString() : (DateTime.fromJSDate(at).setZone('Europe/London').toISO() ?? '')));
const closureDays = fc.uniqueArray(
  instant.map((at) => DateTime.fromJSDate(at).setZone('Europe/London').toISODate() ?? ''),
  { maxLength: 8 },
);

/** An open case (now and then a closed one) at any stage of the policy, with or without an agreed deadline, current or stale. */
const caseOf = (policy: Policy, n: number) =>
  fc
    .record({
      stage: fc.constantFrom(...policy.stages.map((s) => s.id)),
      status: fc.constantFrom<CaseStatus>('open', 'open', 'open', 'open', 'resolved', 'withdrawn'),
      openedAt: stored,
      stageStartedAt: stored,
      agreed: fc.option(fc.record({ due: stored, current: fc.boolean() }), { freq: 4 }),
    })
    .map(({ stage, status, openedAt, stageStartedAt, agreed }) =>
      aCase({
        ref: `REF-${n}`,
        policyId: policy.id,
        stage,
        status,
        openedAt,
        stageStartedAt,
        agreedDue: agreed && { stage, stageStartedAt: agreed.current ? stageStartedAt : openedAt, due: agreed.due },
      }),
    );

describe('overdue now', () => {
  it('is what each case deadlines say, one by one, for any policy, cases and closure days', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...POLICIES).chain((policy) =>
          fc.tuple(
            fc.constant(policy),
            fc.array(fc.nat(), { minLength: 1, maxLength: 60 }).chain((ns) => fc.tuple(...ns.map((_, i) => caseOf(policy, i)))),
          ),
        ),
        closureDays,
        instant,
        ([policy, cases], closed, at) => {
          const now = DateTime.fromJSDate(at);
          const listed = overdueNow(policy, calendarFor(policy, closed), closed, now, cases);
          expect(listed).toEqual(cases.flatMap((c) => overdueOneByOne(c, policy, closed, now)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives cases that entered their stage on the same day, at different times, the same due instant', () => {
    const policy = builtInPolicy('swindon');
    const now = DateTime.fromISO('2026-12-01T07:00:00Z');
    const overdueOf = (c: Case) => overdueNow(policy, calendarFor(policy), [], now, [c]);
    const early = aCase({
      ref: 'A',
      policyId: 'swindon',
      stage: '3',
      openedAt: '2026-11-02T08:00:00Z',
      stageStartedAt: '2026-11-02T08:00:00Z',
    });
    const late = { ...early, ref: 'B', stageStartedAt: '2026-11-02T23:30:00Z', openedAt: '2026-11-02T23:30:00Z' };
    // Stage 3: 5 working days, due Mon 9 Nov 17:00; Day 17 overall: Wed 25 Nov 17:00.
    expect(overdueOf(early).map((o) => [o.due, o.workingDaysOverdue])).toEqual([
      ['2026-11-09T17:00:00+00:00', 15.58],
      ['2026-11-25T17:00:00+00:00', 3.58],
    ]);
    expect(overdueOf(late).map((o) => [o.due, o.workingDaysOverdue])).toEqual(overdueOf(early).map((o) => [o.due, o.workingDaysOverdue]));
  });
});
