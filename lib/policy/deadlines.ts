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

/** The deadlines that apply while a case is at a stage: the stage's target and deadline, then the overall ones that still cover it. */
/** What to work out beside each due instant: the report needs no reminder instants (a tenth of its cost per open case). */
export interface DeadlineOptions {
  reminders?: boolean;
  /** Targets are soft: nothing is overdue against them, so what lists overdue deadlines leaves them out. */
  targets?: boolean;
}

export function stageDeadlines(policy: Policy, clock: StageClock, calendar: WorkingCalendar, options: DeadlineOptions = {}): Deadline[] {
  const reminders = options.reminders !== false;
  const stage = findStage(policy, clock.stageId);
  const deadlines: Deadline[] = [];
  const targetDue =
    stage.target && options.targets !== false ? dueAfter(stage.target.timescale, clock.stageStartedAt, calendar) : undefined;
  if (stage.target && targetDue) {
    deadlines.push({
      kind: 'target',
      stage: stage.id,
      id: `stage-${stage.id}-target`,
      label: labelOf(stage.target.what, stage.target.timescale),
      timescale: stage.target.timescale,
      startedAt: clock.stageStartedAt,
      due: targetDue,
      dueSoonAt: null,
      overdueAt: null,
    });
  }
  if (stage.deadline) {
    const timed = {
      startedAt: clock.stageStartedAt,
      due: dueAfter(stage.deadline.timescale, clock.stageStartedAt, calendar),
      timescale: stage.deadline.timescale,
      ...(targetDue ? { targetDue } : {}),
    };
    deadlines.push({
      kind: 'deadline',
      stage: stage.id,
      id: `stage-${stage.id}-deadline`,
      label: labelOf(stage.deadline.what, stage.deadline.timescale),
      ...timed,
      dueSoonAt: reminders ? dueSoonAt(timed, calendar) : null,
      overdueAt: reminders ? overdueAt(timed, calendar) : null,
    });
  }
  const rank = stageRank(policy, stage.id);
  for (const overall of policy.overall) {
    if (overall.appliesThroughStage !== undefined && rank > stageRank(policy, overall.appliesThroughStage)) continue;
    const timed = {
      startedAt: clock.caseOpenedAt,
      due: dueAfter(overall.timescale, clock.caseOpenedAt, calendar),
      timescale: overall.timescale,
    };
    deadlines.push({
      kind: 'overall',
      stage: null,
      id: `overall-${overall.id}`,
      label: labelOf(overall.what, overall.timescale),
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
