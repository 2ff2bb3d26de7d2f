import { DateTime } from 'luxon';
import { overdueAt, dueSoonAt } from '../calendar/reminder-times.js';
import { compactUtc } from '../calendar/stamps.js';
import { workingDays } from '../calendar/timescale.js';
import { shortDate } from '../calendar/wording.js';
import { calendarFor } from '../policy/calendar.js';
import { stageDeadlines, type Deadline, type DeadlineOptions } from '../policy/deadlines.js';
import type { Policy } from '../policy/schema.js';
import type { AgreedDue, Case } from './case.js';

/** The deadlines of a case at its current stage; none once it is resolved or withdrawn. */
export function caseDeadlines(current: Case, policy: Policy, closureDays: readonly string[], options: DeadlineOptions = {}): Deadline[] {
  if (current.status !== 'open') return [];
  const calendar = calendarFor(policy, closureDays);
  const deadlines = stageDeadlines(
    policy,
    { stageId: current.stage, stageStartedAt: instantOf(current.stageStartedAt), caseOpenedAt: instantOf(current.openedAt) },
    calendar,
    options,
  );
  const agreed = standingAgreement(current);
  if (!agreed) return deadlines;
  // An agreed timescale (`#due`) replaces the stage's own target and deadline; the overall ones still stand.
  const startedAt = instantOf(current.stageStartedAt);
  const due = instantOf(agreed.due);
  const timed = { startedAt, due, timescale: workingDays(1) };
  const replaced: Deadline = {
    kind: 'deadline',
    stage: current.stage,
    // The due date is part of the id, so a new agreement books new reminders and drops the old ones.
    id: `stage-${current.stage}-agreed-${compactUtc(due, 'minutes')}`,
    label: `Agreed timescale for this stage, by ${shortDate(due, policy.timezone)}`,
    ...timed,
    dueSoonAt: options.reminders === false ? null : dueSoonAt(timed, calendar),
    overdueAt: options.reminders === false ? null : overdueAt(timed, calendar),
  };
  return [replaced, ...deadlines.filter((d) => d.kind === 'overall')];
}

/** The deadline agreed for the current stage (`#due`), if it still stands: agreed for this stage visit. */
export function standingAgreement(current: Case): AgreedDue | null {
  const agreed = current.agreedDue;
  return agreed && agreed.stage === current.stage && agreed.stageStartedAt === current.stageStartedAt ? agreed : null;
}

/** A stored ISO instant: `Date.parse` reads the form we write at a twentieth of luxon's ISO parser's cost, which the report pays for every open case. */
const instantOf = (iso: string): DateTime => DateTime.fromMillis(Date.parse(iso));
