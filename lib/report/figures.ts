import { DateTime } from 'luxon';
import { isoLocal } from '../calendar/wording.js';
import type { Case } from '../cases/case.js';
import { calendarFor } from '../policy/calendar.js';
import type { Policy } from '../policy/schema.js';
import { stageRank, stageTitle } from '../policy/stages.js';
import { agencyOf, type AgencyDirectory } from '../records/agencies.js';
import { stageLog } from '../records/stage-log.js';
import { overdueNow, round, type OverdueDeadline } from './overdue.js';

export type { OverdueDeadline } from './overdue.js';

/** What the figures are computed from: the period's cases and every open case, read from the store. */
export interface ReportInput {
  /** The period: `from` included, `to` excluded. */
  from: DateTime;
  to: DateTime;
  now: DateTime;
  /** The cases opened in the period. */
  cases: readonly Case[];
  /** Every case open now, whenever it opened: for "overdue now". */
  openCases: readonly Case[];
  /** The deployment's policies: one section each, even with no cases. */
  policies: readonly Policy[];
  agencies: AgencyDirectory;
  closureDays: readonly string[];
}

export interface StageFigures {
  stage: string;
  name: string;
  /** Cases whose highest stage is this one. */
  highestReached: number;
  /** Cases resolved at this stage. */
  resolvedHere: number;
  /** Stays at the stage (a case may stay twice if reopened), finished or not. */
  stays: number;
  finishedStays: number;
  /** Working days spent, over the finished stays; null with none. */
  medianWorkingDays: number | null;
  meanWorkingDays: number | null;
  /** Stays whose timescale is settled (finished, or running past it). */
  timedStays: number;
  withinTimescale: number;
  /** withinTimescale / timedStays, 0–1; null with none. */
  shareWithin: number | null;
}

export interface MonthFigures {
  /** `2026-11`. */
  month: string;
  opened: number;
  resolved: number;
  /** Stays whose timescale fell due in the month and was missed. */
  stagesPastTimescale: number;
}

export interface CaseRow {
  ref: string;
  agency: string;
  /** ISO date, local. */
  opened: string;
  status: Case['status'];
  highestStage: string;
  resolvedAtStage: string | null;
  /** ISO date, local. */
  resolvedOn: string | null;
  overdueNow: boolean;
}

export interface PolicyFigures {
  policy: { id: string; partnership: string; title: string; stageWord: string };
  opened: number;
  resolved: number;
  stillOpen: number;
  byAgency: { agency: string; opened: number }[];
  stages: StageFigures[];
  timescales: { timedStays: number; withinTimescale: number; shareWithin: number | null };
  overdueNow: OverdueDeadline[];
  byMonth: MonthFigures[];
  cases: CaseRow[];
}

export interface MonitoringReport {
  /** ISO dates, both included. */
  period: { from: string; to: string };
  generatedAt: string;
  policies: PolicyFigures[];
}

/**
 * The figures the partnerships review: cases opened and by which agency, the stage they reached
 * and were resolved at, time at each stage, the share of stages finished within the policy's
 * timescale, what is overdue now, and the trend by month. Pure: the store is read by the caller.
 */
export function monitoringFigures(input: ReportInput): MonitoringReport {
  const zone = input.policies[0]?.timezone ?? 'Europe/London';
  return {
    period: { from: input.from.setZone(zone).toISODate() ?? '', to: input.to.setZone(zone).minus({ days: 1 }).toISODate() ?? '' },
    generatedAt: isoLocal(input.now, zone),
    policies: input.policies.map((policy) => policyFigures(policy, input)),
  };
}

function policyFigures(policy: Policy, input: ReportInput): PolicyFigures {
  const calendar = calendarFor(policy, input.closureDays);
  // A withdrawn case was never a disagreement (a correction): it is left out of every figure.
  const cases = input.cases.filter((c) => c.policyId === policy.id && c.status !== 'withdrawn');
  const logs = new Map(cases.map((c) => [c.ref, stageLog(c, policy, calendar, input.now)]));
  const stays = [...logs.values()].flat();
  const overdue = overdueNow(policy, calendar, input.closureDays, input.now, input.openCases);
  const overdueRefs = new Set(overdue.map((o) => o.caseRef));
  const local = (iso: string) => DateTime.fromISO(iso).setZone(policy.timezone);
  const highest = (c: Case) =>
    c.history.map((h) => h.stage).reduce((top, stage) => (stageRank(policy, stage) > stageRank(policy, top) ? stage : top), c.stage);
  const timed = stays.filter((s) => s.withinTimescale !== null);
  const within = timed.filter((s) => s.withinTimescale === true).length;

  return {
    policy: { id: policy.id, partnership: policy.partnership, title: policy.title, stageWord: policy.vocabulary.stageWords[0] ?? 'stage' },
    opened: cases.length,
    resolved: cases.filter((c) => c.status === 'resolved').length,
    stillOpen: cases.filter((c) => c.status === 'open').length,
    byAgency: countBy(cases.map((c) => openerAgency(c, input.agencies))).map(([agency, opened]) => ({ agency, opened })),
    stages: policy.stages.map((stage) => {
      const here = stays.filter((s) => s.stage === stage.id);
      const finished = here.filter((s) => s.leftAt !== null).map((s) => s.workingDays);
      const settled = here.filter((s) => s.withinTimescale !== null);
      const withinHere = settled.filter((s) => s.withinTimescale === true).length;
      return {
        stage: stage.id,
        name: stageTitle(policy, stage),
        highestReached: cases.filter((c) => highest(c) === stage.id).length,
        resolvedHere: cases.filter((c) => c.status === 'resolved' && c.stage === stage.id).length,
        stays: here.length,
        finishedStays: finished.length,
        medianWorkingDays: median(finished),
        meanWorkingDays: finished.length ? round(finished.reduce((a, b) => a + b, 0) / finished.length) : null,
        timedStays: settled.length,
        withinTimescale: withinHere,
        shareWithin: settled.length ? withinHere / settled.length : null,
      };
    }),
    timescales: { timedStays: timed.length, withinTimescale: within, shareWithin: timed.length ? within / timed.length : null },
    overdueNow: overdue,
    byMonth: monthsOf(input.from, input.to, policy.timezone).map((month) => ({
      month,
      opened: cases.filter((c) => local(c.openedAt).toFormat('yyyy-MM') === month).length,
      resolved: cases.filter((c) => c.status === 'resolved' && c.resolvedAt !== null && local(c.resolvedAt).toFormat('yyyy-MM') === month)
        .length,
      stagesPastTimescale: stays.filter(
        (s) =>
          s.withinTimescale === false && s.timescale !== null && s.timescale.due.setZone(policy.timezone).toFormat('yyyy-MM') === month,
      ).length,
    })),
    cases: cases.map((c) => ({
      ref: c.ref,
      agency: openerAgency(c, input.agencies),
      opened: local(c.openedAt).toISODate() ?? '',
      status: c.status,
      highestStage: highest(c),
      resolvedAtStage: c.status === 'resolved' ? c.stage : null,
      resolvedOn: c.status === 'resolved' && c.resolvedAt ? (local(c.resolvedAt).toISODate() ?? null) : null,
      overdueNow: overdueRefs.has(c.ref),
    })),
  };
}

/** The agency that raised the case: the sender of its first message. */
function openerAgency(c: Case, agencies: AgencyDirectory): string {
  const opener = c.history[0]?.from ?? c.participants[0];
  return opener ? agencyOf(opener, agencies) : 'unknown';
}

/** Each distinct value with its count, most first, then by name. */
function countBy(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return round(sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
}

/** `2026-10`, `2026-11`, … for every month the period touches. */
function monthsOf(from: DateTime, to: DateTime, zone: string): string[] {
  const months: string[] = [];
  for (let month = from.setZone(zone).startOf('month'); month < to.setZone(zone); month = month.plus({ months: 1 })) {
    months.push(month.toFormat('yyyy-MM'));
  }
  return months;
}
