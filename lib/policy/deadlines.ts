import type { DateTime } from 'luxon';
import { dueSoonAt, overdueAt } from '../calendar/reminder-times.js';
import { describeTimescale, dueAfter, type Timescale } from '../calendar/timescale.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Policy } from './schema.js';
import { findStage, stageRank } from './stages.js';

export type DeadlineKind = 'target' | 'deadline' | 'overall';

export interface Deadline {
  kind: DeadlineKind;
  /** The stage the deadline belongs to; null for an overall deadline. */
  stage: string | null;
  /** Stable within a case: `stage-3-deadline`, `overall-day-17`. */
  id: string;
  /** The policy's words for what is due, with the time allowed. */
  label: string;
  timescale: Timescale;
  startedAt: DateTime;
  due: DateTime;
  /**
   * When to remind before and after. A target has none of its own: the deadline's due-soon
   * reminder fires at the target (docs/design.md, 'Time').
   */
  dueSoonAt: DateTime | null;
  overdueAt: DateTime | null;
}

export interface StageClock {
  stageId: string;
  /** When the case entered the stage. */
  stageStartedAt: DateTime;
  /** When the case was opened: overall deadlines count from here. */
  caseOpenedAt: DateTime;
}

/** What to work out beside each due instant: the report needs no reminder instants (a tenth of its cost per open case). */
export interface DeadlineOptions {
  reminders?: boolean;
  /** Targets are soft: nothing is overdue against them, so what lists overdue deadlines leaves them out. */
  targets?: boolean;
}

/** One of the times a stage is held to, before any date: the policy's rule, the same for every case. */
export interface DeadlineRule {
  kind: DeadlineKind;
  stage: string | null;
  id: string;
  label: string;
  timescale: Timescale;
  /** What it counts from: the case's entering the stage, or the case's opening (an overall deadline). */
  from: 'stage' | 'case';
}

/** Each policy's rules by stage: worked out once, as policies do not change once loaded. */
const rulesByPolicy = new WeakMap<Policy, Map<string, readonly DeadlineRule[]>>();

/** The stage's target and deadline, then the overall deadlines that still cover it, in that order. */
export function deadlineRules(policy: Policy, stageId: string): readonly DeadlineRule[] {
  let byStage = rulesByPolicy.get(policy);
  if (!byStage) {
    byStage = new Map<string, readonly DeadlineRule[]>();
    rulesByPolicy.set(policy, byStage);
  }
  let rules = byStage.get(stageId);
  if (!rules) {
    rules = rulesOf(policy, stageId);
    byStage.set(stageId, rules);
  }
  return rules;
}

function rulesOf(policy: Policy, stageId: string): DeadlineRule[] {
  const stage = findStage(policy, stageId);
  const rules: DeadlineRule[] = [];
  for (const [kind, duty] of [
    ['target', stage.target],
    ['deadline', stage.deadline],
  ] as const) {
    if (duty) {
      rules.push({
        kind,
        stage: stage.id,
        id: `stage-${stage.id}-${kind}`,
        label: labelOf(duty.what, duty.timescale),
        timescale: duty.timescale,
        from: 'stage',
      });
    }
  }
  const rank = stageRank(policy, stage.id);
  for (const overall of policy.overall) {
    if (overall.appliesThroughStage !== undefined && rank > stageRank(policy, overall.appliesThroughStage)) continue;
    rules.push({
      kind: 'overall',
      stage: null,
      id: `overall-${overall.id}`,
      label: labelOf(overall.what, overall.timescale),
      timescale: overall.timescale,
      from: 'case',
    });
  }
  return rules;
}

/** The deadlines that apply while a case is at a stage: the stage's target and deadline, then the overall ones that still cover it. */
export function stageDeadlines(policy: Policy, clock: StageClock, calendar: WorkingCalendar, options: DeadlineOptions = {}): Deadline[] {
  const reminders = options.reminders !== false;
  const rules = deadlineRules(policy, clock.stageId);
  const target = options.targets === false ? undefined : rules.find((rule) => rule.kind === 'target');
  const targetDue = target ? dueAfter(target.timescale, clock.stageStartedAt, calendar) : undefined;
  const deadlines: Deadline[] = [];
  for (const rule of rules) {
    const { kind, stage, id, label, timescale } = rule;
    if (kind === 'target') {
      if (targetDue)
        deadlines.push({
          kind,
          stage,
          id,
          label,
          timescale,
          startedAt: clock.stageStartedAt,
          due: targetDue,
          dueSoonAt: null,
          overdueAt: null,
        });
      continue;
    }
    const startedAt = rule.from === 'stage' ? clock.stageStartedAt : clock.caseOpenedAt;
    const timed = {
      startedAt,
      due: dueAfter(timescale, startedAt, calendar),
      timescale,
      ...(kind === 'deadline' && targetDue ? { targetDue } : {}),
    };
    deadlines.push({
      kind,
      stage,
      id,
      label,
      ...timed,
      dueSoonAt: reminders ? dueSoonAt(timed, calendar) : null,
      overdueAt: reminders ? overdueAt(timed, calendar) : null,
    });
  }
  return deadlines;
}

function labelOf(what: string, timescale: Timescale): string {
  return `${what.charAt(0).toUpperCase()}${what.slice(1)}, within ${describeTimescale(timescale)}`;
}
