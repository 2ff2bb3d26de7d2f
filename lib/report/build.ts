import { DateTime } from 'luxon';
import type { Case } from '../cases/case.js';
import type { Deployment, Mailbox } from '../config.js';
import type { CaseStore } from '../ports.js';
import { reportCsv } from './csv.js';
import { monitoringFigures, type MonitoringReport } from './figures.js';
import { reportHtml } from './html.js';

export const REPORT_FORMATS = ['html', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A period of whole local days: `from` 00:00 to the end of `to`. */
export interface Period {
  from: DateTime;
  to: DateTime;
}

/** From one ISO date to another, both included, in the timezone. */
export function periodOfDates(from: string, to: string, zone: string): Period {
  return { from: DateTime.fromISO(from, { zone }).startOf('day'), to: DateTime.fromISO(to, { zone }).startOf('day').plus({ days: 1 }) };
}

/** The calendar month before the one `now` is in: what the monthly report covers. */
export function previousMonth(now: DateTime, zone: string): Period {
  const to = now.setZone(zone).startOf('month');
  return { from: to.minus({ months: 1 }), to };
}

/** The monitoring report of the deployment's policies over a period, read from the store. */
export async function buildReport(store: CaseStore, deployment: Deployment, period: Period, now: DateTime): Promise<MonitoringReport> {
  const [cases, openCases] = await Promise.all([store.casesOpened(period.from, period.to), store.openCases()]);
  return figuresOf(deployment.mailboxes, deployment, period, now, { cases, openCases });
}

/** The figures of the given cases, one section for each policy the mailboxes use, in the deployment's words for agencies. */
export function figuresOf(
  mailboxes: readonly Mailbox[],
  deployment: Pick<Deployment, 'agencies' | 'closureDays'>,
  period: Period,
  now: DateTime,
  cases: { cases: readonly Case[]; openCases: readonly Case[] },
): MonitoringReport {
  return monitoringFigures({
    ...period,
    now,
    ...cases,
    policies: [...new Map(mailboxes.map((m) => [m.policy.id, m.policy])).values()],
    agencies: deployment.agencies,
    closureDays: deployment.closureDays,
  });
}

export function renderReport(report: MonitoringReport, format: ReportFormat): string {
  if (format === 'html') return reportHtml(report);
  if (format === 'csv') return reportCsv(report);
  return `${JSON.stringify(report, null, 2)}\n`;
}
