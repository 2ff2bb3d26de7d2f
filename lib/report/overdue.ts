import type { DateTime } from 'luxon';
import { dueAfterMillis, workingHoursBetween } from '../calendar/timescale.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { isoLocal } from '../calendar/wording.js';
import type { Case } from '../cases/case.js';
import { caseDeadlines, standingAgreement } from '../cases/deadlines.js';
import { deadlineRules, type DeadlineRule } from '../policy/deadlines.js';
import type { Policy } from '../policy/schema.js';

export interface OverdueDeadline {
  caseRef: string;
  stage: string;
  deadline: string;
  /** ISO 8601 with the local offset. */
  due: string;
  workingDaysOverdue: number;
}

/** A passed due instant as the report shows it. */
interface Passed {
  due: string;
  workingDaysOverdue: number;
}

/**
 * "Overdue now" over the open cases of a policy, for one report: the current stage's deadline
 * and the overall ones, where passed (a target missed is not overdue), as `caseDeadlines` gives
 * them, case by case in the order given. An open case costs its deadline rules (worked out once
 * per policy and stage) and the count of working days from its stored start to each due instant,
 * with no dates made; years of open cases fall due at a few hundred instants (17:00 of a working
 * day), so each passed instant's local form and working days since are worked out once per report.
 */
export function overdueNow(
  policy: Policy,
  calendar: WorkingCalendar,
  closureDays: readonly string[],
  now: DateTime,
  openCases: readonly Case[],
): OverdueDeadline[] {
  const nowMs = now.toMillis();
  const byInstant = new Map<number, Passed>();
  const passedAt = (due: DateTime): Passed | null => {
    const ms = due.toMillis();
    if (!(ms < nowMs)) return null; // not yet due (or no instant at all)
    let passed = byInstant.get(ms);
    if (!passed) {
      passed = { due: isoLocal(due, policy.timezone), workingDaysOverdue: round(workingHoursBetween(due, now, calendar) / 24) };
      byInstant.set(ms, passed);
    }
    return passed;
  };
  const rows: OverdueDeadline[] = [];
  const add = (c: Case, deadline: string, passed: Passed | null) => {
    if (passed) rows.push({ caseRef: c.ref, stage: c.stage, deadline, due: passed.due, workingDaysOverdue: passed.workingDaysOverdue });
  };
  // The rules nothing is overdue against (targets) left out, once per stage.
  const hardRules = new Map<string, DeadlineRule[]>();
  const hardRulesOf = (stage: string) => {
    let rules = hardRules.get(stage);
    if (!rules) hardRules.set(stage, (rules = deadlineRules(policy, stage).filter((rule) => rule.kind !== 'target')));
    return rules;
  };

  for (const c of openCases) {
    if (c.policyId !== policy.id || c.status !== 'open') continue;
    if (standingAgreement(c)) {
      // An agreed timescale (`#due`, rare) replaces the stage's own: the deadlines as the case gives them.
      // Without targets: a target missed is not overdue.
      for (const d of caseDeadlines(c, policy, closureDays, { reminders: false, targets: false })) add(c, d.label, passedAt(d.due));
      continue;
    }
    for (const rule of hardRulesOf(c.stage)) {
      const startedAt = Date.parse(rule.from === 'stage' ? c.stageStartedAt : c.openedAt);
      add(c, rule.label, passedAt(dueAfterMillis(rule.timescale, startedAt, calendar)));
    }
  }
  return rows;
}

/** Two decimals: the figures are read by people, and the JSON should compare run to run. */
export const round = (value: number) => Math.round(value * 100) / 100;
