import { DateTime } from 'luxon';
import { workingHoursBetween } from '../calendar/timescale.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Case, HistoryEntry } from '../cases/case.js';
import { stageDeadlines, type Deadline } from '../policy/deadlines.js';
import type { Policy } from '../policy/schema.js';

/** How a stage ended: moved on to a higher stage, resolved there, or still running. */
export type StageOutcome = { kind: 'advanced'; to: string } | { kind: 'resolved' } | { kind: 'open' };

/**
 * One stay of a case at one stage, as the policies ask each stage to be logged: when it started,
 * who raised it with whom, how it ended, and whether it ended within its timescale.
 */
export interface StageVisit {
  stage: string;
  enteredAt: DateTime;
  /** The sender of the message that brought the case to this stage. */
  raisedBy: string | null;
  /** Whom that message was sent to: who was contacted. */
  contacted: string[];
  /** Messages recorded while the case was at this stage, the first included. */
  messages: number;
  leftAt: DateTime | null;
  outcome: StageOutcome;
  /** The time allowed for this stay: the stage's own deadline, else an overall one covering it; null when none applies. */
  timescale: Deadline | null;
  /** true/false once it is known; null while it is running and not yet due, or when no timescale applies. */
  withinTimescale: boolean | null;
  /** Working days spent at the stage, up to `now` while it runs (24 working hours a day, the hour clock of the policies). */
  workingDays: number;
}

/** The case's stays at each stage in order, from its history: a reopened case has a stay after its resolution. */
export function stageLog(current: Case, policy: Policy, calendar: WorkingCalendar, now: DateTime): StageVisit[] {
  const visits: StageVisit[] = [];
  const openedAt = DateTime.fromISO(current.openedAt);
  let running: StageVisit | null = null;
  const close = (at: DateTime, outcome: StageOutcome) => {
    if (!running) return;
    running.leftAt = at;
    running.outcome = outcome;
    running = null;
  };
  for (const entry of current.history) {
    const at = DateTime.fromISO(entry.at);
    if (entry.event === 'opened' || entry.event === 'reopened') {
      running = startVisit(entry, at, openedAt, policy, calendar);
      visits.push(running);
    } else if (entry.event === 'advanced') {
      close(at, { kind: 'advanced', to: entry.stage });
      running = startVisit(entry, at, openedAt, policy, calendar);
      visits.push(running);
    } else if (entry.event === 'resolved') {
      if (running) running.messages += 1;
      close(at, { kind: 'resolved' });
    } else if (entry.status !== undefined) {
      // A correction by the partnership: it may end the stay, start one, or move the case to another stage.
      const stay: StageVisit | null = running;
      if (stay && entry.status !== 'open') close(at, { kind: 'resolved' });
      else if (stay && entry.stage !== stay.stage) close(at, { kind: 'advanced', to: entry.stage });
      if (entry.status === 'open' && (!stay || entry.stage !== stay.stage || running === null)) {
        running = startVisit(entry, at, openedAt, policy, calendar);
        visits.push(running);
      }
    } else if (running) {
      running.messages += 1;
    }
  }
  return visits.map((visit) => settle(visit, calendar, now));
}

function startVisit(entry: HistoryEntry, at: DateTime, openedAt: DateTime, policy: Policy, calendar: WorkingCalendar): StageVisit {
  const deadlines = stageDeadlines(policy, { stageId: entry.stage, stageStartedAt: at, caseOpenedAt: openedAt }, calendar);
  return {
    stage: entry.stage,
    enteredAt: at,
    raisedBy: entry.from ?? null,
    contacted: entry.to ?? [],
    messages: 1,
    leftAt: null,
    outcome: { kind: 'open' },
    timescale: deadlines.find((d) => d.kind === 'deadline') ?? deadlines.find((d) => d.kind === 'overall') ?? null,
    withinTimescale: null,
    workingDays: 0,
  };
}

function settle(visit: StageVisit, calendar: WorkingCalendar, now: DateTime): StageVisit {
  const end = visit.leftAt ?? now;
  const due = visit.timescale?.due;
  let withinTimescale: boolean | null = null;
  if (due && visit.leftAt) withinTimescale = visit.leftAt <= due;
  else if (due && now > due) withinTimescale = false;
  return { ...visit, withinTimescale, workingDays: workingHoursBetween(visit.enteredAt, end, calendar) / 24 };
}
