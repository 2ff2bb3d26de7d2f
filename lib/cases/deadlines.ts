import { DateTime } from 'luxon';
import { calendarFor } from '../policy/calendar.js';
import { stageDeadlines, type Deadline } from '../policy/deadlines.js';
import type { Policy } from '../policy/schema.js';
import type { Case } from './case.js';

/** The deadlines of a case at its current stage; none once it is resolved. */
export function caseDeadlines(current: Case, policy: Policy, closureDays: readonly string[]): Deadline[] {
  if (current.status === 'resolved') return [];
  return stageDeadlines(
    policy,
    { stageId: current.stage, stageStartedAt: instantOf(current.stageStartedAt), caseOpenedAt: instantOf(current.openedAt) },
    calendarFor(policy, closureDays),
  );
}

/** A stored ISO instant: `Date.parse` reads the form we write at a twentieth of luxon's ISO parser's cost, which the report pays for every open case. */
const instantOf = (iso: string): DateTime => DateTime.fromMillis(Date.parse(iso));
