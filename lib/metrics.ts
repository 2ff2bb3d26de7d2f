import { createHash } from 'node:crypto';
import type { RemindOutcome } from './remind.js';
import type { Mailer } from './ports.js';
import type { OutgoingMail } from './outgoing/mail.js';

/** The CloudWatch namespace of every count, and the `service` dimension Powertools adds (the function's short name). */
export const METRIC_NAMESPACE = 'EscalationMailbox';

/** The counts operators watch: the CloudWatch dashboard and alarms read these names. */
export const METRIC = {
  /** Every message ingested, by outcome (opened, advanced, resolved, reopened, noted, ignored, review, rejected). */
  messages: 'Messages',
  /** Messages received per mailbox (dimension Mailbox: mailboxLabel), for the "no mail received" alarm. */
  mailboxMessages: 'MailboxMessages',
  casesOpened: 'CasesOpened',
  casesAdvanced: 'CasesAdvanced',
  casesResolved: 'CasesResolved',
  reviews: 'Reviews',
  corrections: 'Corrections',
  /** Reminders sent (dimension Kind) and skipped (dimension Reason). */
  remindersSent: 'RemindersSent',
  remindersSkipped: 'RemindersSkipped',
  /** Emails SES refused or that failed to go (dimension Kind: acknowledgement, reminder, form…). */
  sendFailures: 'SendFailures',
} as const;
export type MetricName = (typeof METRIC)[keyof typeof METRIC];

/** The port: counts with at most a dimension or two. Powertools Metrics (EMF) in AWS; nothing locally. */
export interface Metrics {
  count(name: MetricName, dimensions?: Readonly<Record<string, string>>): void;
}

export const noMetrics: Metrics = { count: () => undefined };

/**
 * A mailbox's name in metrics: EMF metrics are log lines, and logs carry no addresses. Eight hex
 * digits of the address's SHA-256, the same at synth (the alarm's dimension) and at run time.
 */
export function mailboxLabel(address: string): string {
  return createHash('sha256').update(address.toLowerCase()).digest('hex').slice(0, 8);
}

const CASE_METRICS: Partial<Record<string, MetricName>> = {
  opened: METRIC.casesOpened,
  advanced: METRIC.casesAdvanced,
  resolved: METRIC.casesResolved,
};

/** What one ingested message adds: its outcome, the case event it caused, a review, a correction. */
export function countIngested(metrics: Metrics, outcome: string): void {
  metrics.count(METRIC.messages, { Outcome: outcome });
  const caseMetric = CASE_METRICS[outcome];
  if (caseMetric) metrics.count(caseMetric);
  if (outcome === 'review') metrics.count(METRIC.reviews);
  if (outcome === 'corrected') metrics.count(METRIC.corrections);
}

/** A message arrived for a mailbox, whatever became of it. */
export function countReceived(metrics: Metrics, mailbox: string): void {
  metrics.count(METRIC.mailboxMessages, { Mailbox: mailboxLabel(mailbox) });
}

/** What one fired reminder adds: sent by kind, or skipped by reason. */
export function countReminder(metrics: Metrics, outcome: RemindOutcome): void {
  if (outcome.outcome === 'sent') metrics.count(METRIC.remindersSent, { Kind: outcome.kind });
  else metrics.count(METRIC.remindersSkipped, { Reason: outcome.reason });
  // Others the same firing found due (reminders due together, a late firing).
  for (const kind of outcome.alsoSent ?? []) metrics.count(METRIC.remindersSent, { Kind: kind });
}

/** A mailer that counts what could not be sent, by kind of email, and lets the failure through unchanged. */
export function countingFailures(mailer: Mailer, metrics: Metrics): Mailer {
  return {
    async send(mail: OutgoingMail): Promise<void> {
      try {
        await mailer.send(mail);
      } catch (error) {
        metrics.count(METRIC.sendFailures, { Kind: mail.kind });
        throw error;
      }
    },
  };
}
