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
    { stageId: current.stage, stageStartedAt: DateTime.fromISO(current.stageStartedAt), caseOpenedAt: DateTime.fromISO(current.openedAt) },
    calendarFor(policy, closureDays),
  );
}
