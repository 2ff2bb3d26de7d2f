import { DateTime } from 'luxon';
import { escapeHtml } from '../outgoing/escape-html.js';
import { COLOURS, horizontalBars, verticalBars } from './charts.js';
import type { MonitoringReport, PolicyFigures } from './figures.js';

type Cell = string | number | null;

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
const days = (value: number | null) => (value === null ? '–' : value.toFixed(1));
const longDate = (iso: string) => DateTime.fromISO(iso).setLocale('en-GB').toFormat('d LLLL yyyy');
const shortDay = (iso: string) => DateTime.fromISO(iso, { setZone: true }).setLocale('en-GB').toFormat('d LLL yyyy');
const monthName = (month: string) => DateTime.fromFormat(month, 'yyyy-MM').setLocale('en-GB').toFormat('LLL yyyy');

/** On a phone a chart keeps a readable size and scrolls in its own box, as wide tables do. */
const scrolling = (svg: string) => `<div class="chart-scroll">${svg}</div>`;

/** Column indices by how they are set: figures right-aligned, references and dates never broken. */
interface Columns {
  numeric?: number[];
  whole?: number[];
}

function table(caption: string, header: string[], rows: Cell[][], columns: Columns = {}): string {
  if (rows.length === 0) return `<p class="none">${escapeHtml(caption)}: none.</p>`;
  const classes = (i: number) =>
    [columns.numeric?.includes(i) ? 'num' : '', columns.whole?.includes(i) ? 'whole' : ''].filter(Boolean).join(' ');
  const td = (value: Cell, i: number) =>
    `<td${classes(i) ? ` class="${classes(i)}"` : ''}>${escapeHtml(value === null ? '–' : String(value))}</td>`;
  // On a phone a wide table scrolls inside its own box; the page itself never scrolls sideways.
  return `<div class="table-scroll"><table><caption>${escapeHtml(caption)}</caption><thead><tr>${header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map(td).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}

function tile(label: string, value: string): string {
  return `<div class="tile"><div class="value">${escapeHtml(value)}</div><div class="label">${escapeHtml(label)}</div></div>`;
}

function section(p: PolicyFigures): string {
  const stageWord = p.policy.stageWord.charAt(0).toUpperCase() + p.policy.stageWord.slice(1);
  const overdueCases = new Set(p.overdueNow.map((o) => o.caseRef)).size;
  return `<section>
<h2>${escapeHtml(p.policy.partnership)}</h2>
<p class="policy">${escapeHtml(p.policy.title)} (policy <code>${escapeHtml(p.policy.id)}</code>)</p>
<div class="tiles">${[
    tile('cases opened', String(p.opened)),
    tile('resolved', String(p.resolved)),
    tile('still open', String(p.stillOpen)),
    tile('stages finished within their timescale', percent(p.timescales.shareWithin)),
    tile('cases overdue now', String(overdueCases)),
  ].join('')}</div>

<h3>Trend by month</h3>
${scrolling(
  verticalBars({
    title: 'Cases opened and resolved by month',
    categories: p.byMonth.map((m) => monthName(m.month)),
    series: [
      { name: 'Opened', values: p.byMonth.map((m) => m.opened), colour: COLOURS.primary },
      { name: 'Resolved', values: p.byMonth.map((m) => m.resolved), colour: COLOURS.good },
    ],
  }),
)}
${table(
  'By month',
  ['Month', 'Opened', 'Resolved', 'Stages past their timescale'],
  p.byMonth.map((m) => [monthName(m.month), m.opened, m.resolved, m.stagesPastTimescale]),
  { numeric: [1, 2, 3], whole: [0] },
)}

<h3>Cases by agency</h3>
<p class="note">The agency of the professional who first copied the partnership.</p>
${scrolling(horizontalBars({ title: 'Cases opened by agency', categories: p.byAgency.map((a) => a.agency), series: [{ name: 'Cases opened', values: p.byAgency.map((a) => a.opened), colour: COLOURS.primary }] }))}

<h3>${escapeHtml(stageWord)}s reached and resolved</h3>
${scrolling(
  horizontalBars({
    title: `Highest ${p.policy.stageWord} reached and ${p.policy.stageWord} resolved at`,
    categories: p.stages.map((s) => s.name),
    series: [
      { name: 'Highest reached', values: p.stages.map((s) => s.highestReached), colour: COLOURS.primary },
      { name: 'Resolved here', values: p.stages.map((s) => s.resolvedHere), colour: COLOURS.good },
    ],
  }),
)}

<h3>Within the policy's timescales</h3>
<p class="note">Each stay at a ${escapeHtml(p.policy.stageWord)} against its own deadline, or the overall deadline that covers it; a stay still running counts once its deadline has passed.</p>
${scrolling(
  horizontalBars({
    title: `Share of ${p.policy.stageWord}s finished within the timescale`,
    categories: p.stages.filter((s) => s.timedStays > 0).map((s) => s.name),
    series: [
      {
        name: 'Within the timescale',
        values: p.stages.filter((s) => s.timedStays > 0).map((s) => (s.shareWithin ?? 0) * 100),
        colour: COLOURS.secondary,
      },
    ],
    max: 100,
    format: (value) => `${Math.round(value)}%`,
  }),
)}
${table(
  `Time at each ${p.policy.stageWord} (working days)`,
  [stageWord, 'Stays', 'Finished', 'Median', 'Mean', 'With a timescale', 'Within it', 'Share'],
  p.stages.map((s) => [
    s.name,
    s.stays,
    s.finishedStays,
    days(s.medianWorkingDays),
    days(s.meanWorkingDays),
    s.timedStays,
    s.withinTimescale,
    percent(s.shareWithin),
  ]),
  { numeric: [1, 2, 3, 4, 5, 6, 7] },
)}

<h3>Overdue now</h3>
${table(
  'Deadlines passed on open cases (any opening date)',
  ['Case', stageWord, 'Deadline', 'Due', 'Working days overdue'],
  p.overdueNow.map((o) => [o.caseRef, o.stage, o.deadline, shortDay(o.due), days(o.workingDaysOverdue)]),
  { numeric: [4], whole: [0, 1, 3] },
)}

<h3>Cases opened in the period</h3>
${table(
  'Cases',
  ['Case', 'Agency', 'Opened', 'Status', `Highest ${p.policy.stageWord}`, 'Resolved at', 'Resolved on', 'Overdue now'],
  p.cases.map((c) => [c.ref, c.agency, c.opened, c.status, c.highestStage, c.resolvedAtStage, c.resolvedOn, c.overdueNow ? 'yes' : 'no']),
  { whole: [0, 2, 6] },
)}
</section>`;
}

/** The monitoring report as one self-contained page: charts in inline SVG, no script, nothing fetched. */
export function reportHtml(report: MonitoringReport): string {
  const period = `${longDate(report.period.from)} to ${longDate(report.period.to)}`;
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Escalations monitoring report, ${escapeHtml(period)}</title>
<style>
* { box-sizing: border-box; }
body { font-family: Arial, Helvetica, sans-serif; color: #1b1b1b; max-width: 960px; margin: 0 auto; padding: 24px; line-height: 1.4; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 20px; margin-top: 32px; border-bottom: 2px solid #1f5a96; padding-bottom: 4px; }
h3 { font-size: 16px; margin-top: 24px; } .policy, .note, .meta { color: #555; } .note { font-size: 13px; }
.tiles { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
.tile { flex: 1 1 150px; border: 1px solid #ccd6e0; border-radius: 6px; padding: 10px 12px; background: #f5f8fb; }
.tile .value { font-size: 26px; font-weight: bold; color: #1f5a96; } .tile .label { font-size: 13px; color: #444; }
svg.chart { display: block; max-width: min(100%, 760px); height: auto; margin: 8px 0 12px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13px; table-layout: auto; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border: 1px solid #ccd6e0; padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef2f6; } td.num { text-align: right; font-variant-numeric: tabular-nums; } td.whole { white-space: nowrap; }
th { overflow-wrap: normal; } .table-scroll, .chart-scroll { max-width: 100%; overflow-x: auto; }
@media (max-width: 600px) { body { padding: 12px; } table { font-size: 12px; min-width: 560px; } th, td { padding: 3px 4px; overflow-wrap: break-word; } svg.chart { min-width: 520px; } }
@media print { body { padding: 0; } section { break-before: page; } }
</style></head><body>
<h1>Professional disagreements: monitoring report</h1>
<p class="meta">Cases opened from ${escapeHtml(period)}. Produced by the escalation mailbox on ${escapeHtml(longDate(report.generatedAt))}, from the mail copied to the partnership. No personal details of children or adults are held.</p>
${report.policies.map(section).join('\n')}
</body></html>
`;
}
