import type { MonitoringReport } from './figures.js';

type Cell = string | number | boolean | null;

/**
 * RFC 4180 cells. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is
 * prefixed with an apostrophe: agency names and domains come from configuration and mail.
 */
function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/**
 * The report as CSV that Excel opens as UTF-8 (byte order mark, CRLF), one section after
 * another, each with its title and header row; dates are ISO 8601.
 */
export function reportCsv(report: MonitoringReport): string {
  const rows: Cell[][] = [['Monitoring report', report.period.from, report.period.to, 'generated', report.generatedAt]];
  const section = (title: string, header: string[], body: Cell[][]) => rows.push([], [title], header, ...body);
  const each = <T>(pick: (p: MonitoringReport['policies'][number]) => T[], row: (policyId: string, item: T) => Cell[]) =>
    report.policies.flatMap((p) => pick(p).map((item) => row(p.policy.id, item)));

  section(
    'Summary',
    [
      'Policy',
      'Partnership',
      'Cases opened',
      'Resolved',
      'Still open',
      'Stages with a timescale',
      'Finished within it',
      'Share within (%)',
      'Overdue now',
    ],
    report.policies.map((p) => [
      p.policy.id,
      p.policy.partnership,
      p.opened,
      p.resolved,
      p.stillOpen,
      p.timescales.timedStays,
      p.timescales.withinTimescale,
      percent(p.timescales.shareWithin),
      new Set(p.overdueNow.map((o) => o.caseRef)).size,
    ]),
  );
  section(
    'Cases by agency',
    ['Policy', 'Agency', 'Cases opened'],
    each(
      (p) => p.byAgency,
      (id, a) => [id, a.agency, a.opened],
    ),
  );
  section(
    'Stages',
    [
      'Policy',
      'Stage',
      'Name',
      'Highest stage reached',
      'Resolved at this stage',
      'Stays',
      'Finished stays',
      'Median working days',
      'Mean working days',
      'Stays with a timescale',
      'Within the timescale',
      'Share within (%)',
    ],
    each(
      (p) => p.stages,
      (id, s) => [
        id,
        s.stage,
        s.name,
        s.highestReached,
        s.resolvedHere,
        s.stays,
        s.finishedStays,
        s.medianWorkingDays,
        s.meanWorkingDays,
        s.timedStays,
        s.withinTimescale,
        percent(s.shareWithin),
      ],
    ),
  );
  section(
    'By month',
    ['Policy', 'Month', 'Opened', 'Resolved', 'Stages past their timescale'],
    each(
      (p) => p.byMonth,
      (id, m) => [id, m.month, m.opened, m.resolved, m.stagesPastTimescale],
    ),
  );
  section(
    'Overdue now',
    ['Policy', 'Case', 'Stage', 'Deadline', 'Due', 'Working days overdue'],
    each(
      (p) => p.overdueNow,
      (id, o) => [id, o.caseRef, o.stage, o.deadline, o.due, o.workingDaysOverdue],
    ),
  );
  section(
    'Cases',
    ['Policy', 'Case', 'Agency', 'Opened', 'Status', 'Highest stage', 'Resolved at stage', 'Resolved on', 'Overdue now'],
    each(
      (p) => p.cases,
      (id, c) => [id, c.ref, c.agency, c.opened, c.status, c.highestStage, c.resolvedAtStage, c.resolvedOn, c.overdueNow],
    ),
  );
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
