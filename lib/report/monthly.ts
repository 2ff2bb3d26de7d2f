import { sendOnce } from '../outgoing/send-once.js';
import { DateTime } from 'luxon';
import { publicAddressOf, type Deployment, type Mailbox } from '../config.js';
import type { Attachment, OutgoingMail } from '../outgoing/mail.js';
import type { CaseStore, Clock, Mailer } from '../ports.js';
import { figuresOf, previousMonth, renderReport, type Period } from './build.js';
import type { MonitoringReport } from './figures.js';

export interface MonthlyReportDependencies {
  store: CaseStore;
  mailer: Mailer;
  clock: Clock;
  deployment: Deployment;
}

export interface MonthlyReportOutcome {
  /** `2026-10`. */
  month: string;
  /** Reports sent now, and those a previous run had sent already. */
  sent: number;
  alreadySent: number;
}

/**
 * The monitoring report of one calendar month (by default the one before now), emailed to each
 * monitoring address about the mailboxes it monitors, and only theirs. Each report is claimed
 * before it is sent, so a retried run never sends it twice.
 */
export async function sendMonthlyReports(deps: MonthlyReportDependencies, month?: string): Promise<MonthlyReportOutcome> {
  const zone = deps.deployment.mailboxes[0]?.policy.timezone ?? 'Europe/London';
  const period = month === undefined ? previousMonth(deps.clock.now(), zone) : monthPeriod(month, zone);
  const name = period.from.toFormat('yyyy-MM');
  const [cases, openCases] = await Promise.all([deps.store.casesOpened(period.from, period.to), deps.store.openCases()]);

  const outcome: MonthlyReportOutcome = { month: name, sent: 0, alreadySent: 0 };
  for (const [monitoringAddress, mailboxes] of byMonitoringAddress(deps.deployment.mailboxes)) {
    const addresses = new Set(mailboxes.map((m) => m.address));
    const report = figuresOf(mailboxes, deps.deployment, period, deps.clock.now(), {
      cases: cases.filter((c) => addresses.has(c.mailbox)),
      openCases: openCases.filter((c) => addresses.has(c.mailbox)),
    });
    const claim = `report:${monitoringAddress}:${name}`;
    const sent = await sendOnce(deps.store, deps.clock, claim, () =>
      deps.mailer.send(reportMail(report, period, monitoringAddress, mailboxes[0] ? publicAddressOf(mailboxes[0]) : monitoringAddress)),
    );
    if (sent === 'sent') outcome.sent += 1;
    else outcome.alreadySent += 1;
  }
  return outcome;
}

/** A month given as `2026-10`, for a report sent again by hand. */
export function monthPeriod(month: string, zone: string): Period {
  const from = DateTime.fromFormat(month, 'yyyy-MM', { zone });
  return { from, to: from.plus({ months: 1 }) };
}

function byMonitoringAddress(mailboxes: readonly Mailbox[]): Map<string, Mailbox[]> {
  const groups = new Map<string, Mailbox[]>();
  for (const mailbox of mailboxes) groups.set(mailbox.monitoringAddress, [...(groups.get(mailbox.monitoringAddress) ?? []), mailbox]);
  return groups;
}

/** The email: the headline figures in the text, the report as HTML (to read) and CSV (to work with) attached. */
function reportMail(report: MonitoringReport, period: Period, to: string, replyTo: string): OutgoingMail {
  const title = period.from.setLocale('en-GB').toFormat('LLLL yyyy');
  const stem = `escalations-report-${period.from.toFormat('yyyy-MM')}`;
  const attachments: Attachment[] = [
    { filename: `${stem}.html`, contentType: 'text/html; charset=utf-8', content: Buffer.from(renderReport(report, 'html'), 'utf8') },
    { filename: `${stem}.csv`, contentType: 'text/csv; charset=utf-8', content: Buffer.from(renderReport(report, 'csv'), 'utf8') },
  ];
  const lines = report.policies.map((p) => {
    const overdue = new Set(p.overdueNow.map((o) => o.caseRef)).size;
    const share =
      p.timescales.shareWithin === null
        ? 'no stage with a timescale finished'
        : `${Math.round(p.timescales.shareWithin * 100)}% of stages within their timescale`;
    return `- ${p.policy.partnership}: ${p.opened} opened, ${p.resolved} of them resolved, ${p.stillOpen} still open; ${share}; ${overdue} case${overdue === 1 ? '' : 's'} overdue now.`;
  });
  return {
    kind: 'report',
    caseRef: null,
    stage: null,
    to: [to],
    cc: [],
    subject: `Escalations monitoring report: ${title}`,
    text: [
      `The monitoring report of professional disagreements opened in ${title}.`,
      '',
      ...lines,
      '',
      `Attached: ${attachments.map((a) => a.filename).join(', ')} (the CSV opens in Excel).`,
      '',
      'This is an automatic message to the partnership only. It holds no personal details of children or adults.',
    ].join('\n'),
    replyTo,
    attachments,
  };
}
