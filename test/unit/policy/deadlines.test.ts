import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dueSoonAt, overdueAt } from '../../../lib/calendar/reminder-times.js';
import { describeTimescale, dueAfter } from '../../../lib/calendar/timescale.js';
import type { WorkingCalendar } from '../../../lib/calendar/working-calendar.js';
import { calendarFor } from '../../../lib/policy/calendar.js';
import { deadlineRules, stageDeadlines, type Deadline, type DeadlineOptions, type StageClock } from '../../../lib/policy/deadlines.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import type { Policy } from '../../../lib/policy/schema.js';
import { findStage, stageRank } from '../../../lib/policy/stages.js';

/** The deadlines as they were built before the policy's rules were worked out once: straight from the stage, kept as the reference. */
function stageDeadlinesFromTheStage(policy: Policy, clock: StageClock, calendar: WorkingCalendar, options: DeadlineOptions): Deadline[] {
  const reminders = options.reminders !== false;
  const label = (what: string, timescale: Deadline['timescale']) =>
    `${what.charAt(0).toUpperCase()}${what.slice(1)}, within ${describeTimescale(timescale)}`;
  const stage = findStage(policy, clock.stageId);
  const deadlines: Deadline[] = [];
  const targetDue =
    stage.target && options.targets !== false ? dueAfter(stage.target.timescale, clock.stageStartedAt, calendar) : undefined;
  if (stage.target && targetDue) {
    const { what, timescale } = stage.target;
    deadlines.push({
      kind: 'target',
      stage: stage.id,
      id: `stage-${stage.id}-target`,
      label: label(what, timescale),
      timescale,
      startedAt: clock.stageStartedAt,
      due: targetDue,
      dueSoonAt: null,
      overdueAt: null,
    });
  }
  if (stage.deadline) {
    const { what, timescale } = stage.deadline;
    const timed = {
      startedAt: clock.stageStartedAt,
      due: dueAfter(timescale, clock.stageStartedAt, calendar),
      timescale,
      ...(targetDue ? { targetDue } : {}),
    };
    deadlines.push({
      kind: 'deadline',
      stage: stage.id,
      id: `stage-${stage.id}-deadline`,
      label: label(what, timescale),
      ...timed,
      dueSoonAt: reminders ? dueSoonAt(timed, calendar) : null,
      overdueAt: reminders ? overdueAt(timed, calendar) : null,
    });
  }
  for (const overall of policy.overall) {
    if (overall.appliesThroughStage !== undefined && stageRank(policy, stage.id) > stageRank(policy, overall.appliesThroughStage)) continue;
    const timed = {
      startedAt: clock.caseOpenedAt,
      due: dueAfter(overall.timescale, clock.caseOpenedAt, calendar),
      timescale: overall.timescale,
    };
    deadlines.push({
      kind: 'overall',
      stage: null,
      id: `overall-${overall.id}`,
      label: label(overall.what, overall.timescale),
      ...timed,
      dueSoonAt: reminders ? dueSoonAt(timed, calendar) : null,
      overdueAt: reminders ? overdueAt(timed, calendar) : null,
    });
  }
  return deadlines;
}

const POLICIES = (['swindon', 'hull-east-riding', 'sunderland', 'telford-wrekin', 'wiltshire'] as const).map((id) => builtInPolicy(id));
const instant = fc
  .date({ min: new Date('2016-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => DateTime.fromJSDate(date));

describe('stage deadlines from the policy rules', () => {
  it('are the deadlines built straight from the stage, field for field and in order, with every option', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...POLICIES).chain((policy) => fc.tuple(fc.constant(policy), fc.constantFrom(...policy.stages.map((s) => s.id)))),
        instant,
        instant,
        fc.record({ reminders: fc.boolean(), targets: fc.boolean() }, { requiredKeys: [] }),
        ([policy, stageId], stageStartedAt, caseOpenedAt, options) => {
          const clock = { stageId, stageStartedAt, caseOpenedAt };
          const calendar = calendarFor(policy);
          expect(JSON.stringify(stageDeadlines(policy, clock, calendar, options))).toBe(
            JSON.stringify(stageDeadlinesFromTheStage(policy, clock, calendar, options)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('are worked out once for each policy and stage', () => {
    const policy = builtInPolicy('hull-east-riding');
    expect(deadlineRules(policy, '4')).toBe(deadlineRules(policy, '4'));
    expect(deadlineRules(policy, '4').map((rule) => [rule.id, rule.from])).toEqual([
      ['stage-4-target', 'stage'],
      ['stage-4-deadline', 'stage'],
      ['overall-process', 'case'],
    ]);
    expect(() => deadlineRules(policy, '9')).toThrow(/9/);
  });
});
