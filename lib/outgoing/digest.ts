import { DateTime } from 'luxon';
import { shortDate } from '../calendar/wording.js';
import type { Case } from '../cases/case.js';
import { caseDeadlines } from '../cases/deadlines.js';
import type { Review } from '../cases/review.js';
import type { Mailbox } from '../config.js';
import type { CorrectionLogEntry } from '../ports.js';
import { findStage, stageTitle } from '../policy/stages.js';
import type { OutgoingMail } from './mail.js';

export interface DigestInput {
  mailbox: Mailbox;
  /** When the digest is made (Monday 08:00 local). */
  now: DateTime;
  /** The mailbox's open cases. */
  cases: readonly Case[];
  /** The mailbox's reviews still waiting. */
  reviews: readonly Review[];
  /** The mailbox's corrections of the week before `now`. */
  corrections: readonly CorrectionLogEntry[];
  closureDays: readonly string[];
}

/** One open case as the digest lists it. */
export interface DigestCase {
  ref: string;
  stage: string;
  opened: string;
  /** The stage's deadline, else the first overall one still standing; null when it has none. */
  deadline: string | null;
  overdue: boolean;
  lastActivity: string;
}

/**
 * The partnership's weekly picture of one mailbox: the open cases (reference, policy stage,
 * opened, current deadline, overdue or not, last activity), the reviews still waiting, and the
 * corrections of the week before. References, stages and dates only: never a name, an address or
 * a subject. Pure.
 */
export function weeklyDigest(input: DigestInput): OutgoingMail {
  const { mailbox, now } = input;
  const { policy } = mailbox;
  const zone = policy.timezone;
  const day = (iso: string) => shortDate(DateTime.fromISO(iso), zone);
  const rows = digestCases(input);
  const overdue = rows.filter((r) => r.overdue).length;
  const weekOf = shortDate(now, zone);
  const lines = [
    `The weekly picture of ${mailbox.address} (${policy.partnership}, ${policy.title}) on ${weekOf}.`,
    '',
    `Open cases: ${rows.length}${rows.length ? `, ${overdue} overdue` : ''}.`,
    ...rows.map(
      (r) =>
        `- ${r.ref}: ${stageTitle(policy, findStage(policy, r.stage))}; opened ${r.opened}; ${
          r.deadline ? `due ${r.deadline}${r.overdue ? ' (OVERDUE)' : ''}` : 'no deadline of its own'
        }; last activity ${r.lastActivity}.`,
    ),
    '',
    `Reviews waiting: ${input.reviews.length}.`,
    ...[...input.reviews]
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
      .map((r) => `- received ${day(r.receivedAt)}, ${r.caseRef ? `on case ${r.caseRef}` : 'no case'}.`),
    '',
    `Corrections last week: ${input.corrections.length}.`,
    ...[...input.corrections]
      .sort((a, b) => a.at.localeCompare(b.at) || a.caseRef.localeCompare(b.caseRef))
      .map(
        (c) =>
          `- ${day(c.at)}: ${c.event === 'dismissed' ? 'a review dismissed' : `${c.caseRef} ${c.commands}`}${c.event === 'dismissed' || c.stage === '-' ? '' : `, now at stage ${c.stage}`}.`,
      ),
    '',
    'This is an automatic message to the partnership only. It holds no personal details: references, stages and dates only.',
  ];
  return {
    kind: 'digest',
    caseRef: null,
    stage: null,
    to: [mailbox.monitoringAddress],
    cc: [],
    subject: `Escalations this week: ${rows.length} open, ${overdue} overdue, ${input.reviews.length} to review (${weekOf})`,
    text: lines.join('\n'),
    replyTo: mailbox.address,
  };
}

/** The open cases in reference order, with their current deadline and whether it has passed. */
export function digestCases(input: Pick<DigestInput, 'mailbox' | 'now' | 'cases' | 'closureDays'>): DigestCase[] {
  const { policy } = input.mailbox;
  const zone = policy.timezone;
  return input.cases
    .filter((c) => c.status === 'open')
    .sort((a, b) => a.ref.localeCompare(b.ref))
    .map((c) => {
      const deadlines = caseDeadlines(c, policy, input.closureDays);
      const current = deadlines.find((d) => d.kind === 'deadline') ?? deadlines.find((d) => d.kind === 'overall') ?? null;
      const last = c.history.at(-1)?.at ?? c.openedAt;
      return {
        ref: c.ref,
        stage: c.stage,
        opened: shortDate(DateTime.fromISO(c.openedAt), zone),
        deadline: current ? shortDate(current.due, zone) : null,
        overdue: deadlines.some((d) => d.kind !== 'target' && d.due < input.now),
        lastActivity: shortDate(DateTime.fromISO(last), zone),
      };
    });
}
