import type { Deployment } from './config.js';
import { PermanentSendError } from './outgoing/errors.js';
import { refusedSendReview } from './outgoing/notices.js';
import { sendOnce } from './outgoing/send-once.js';
import type { CaseStore, Clock, Mailer } from './ports.js';
import { allReminders, type ReminderKind } from './reminders/plan.js';
import { reminderMail } from './reminders/render.js';

/** What a schedule carries: which case, which reminder. */
export interface ReminderRequest {
  caseRef: string;
  reminderId: string;
}

export type RemindOutcome =
  | { outcome: 'sent'; caseRef: string; kind: ReminderKind }
  | {
      outcome: 'skipped';
      caseRef: string;
      reason: 'case-gone' | 'mailbox-gone' | 'not-in-plan' | 'not-yet-due' | 'already-sent' | 'nobody-to-tell' | 'refused';
    };

export interface RemindDependencies {
  store: CaseStore;
  mailer: Mailer;
  deployment: Deployment;
  clock: Clock;
}

/** A reminder this close to its time is sent: the Scheduler book sends those at once instead of booking them. */
export const SENT_EARLY_BY_AT_MOST_MS = 60_000;

/**
 * A reminder fires: re-read the case and re-plan. It acts only if the case still has that deadline
 * with that due instant (both are in the reminder's id) and its time has come; otherwise nothing is
 * sent (the case moved on or was resolved, a policy or closure-day change moved the deadline, or a
 * stale schedule fired early). Then it is sent once: see `sendOnce`.
 */
export async function remind(request: ReminderRequest, deps: RemindDependencies): Promise<RemindOutcome> {
  const skipped = (reason: Extract<RemindOutcome, { outcome: 'skipped' }>['reason']): RemindOutcome => ({
    outcome: 'skipped',
    caseRef: request.caseRef,
    reason,
  });
  const current = await deps.store.getCase(request.caseRef);
  if (!current) return skipped('case-gone');
  const mailbox = deps.deployment.mailboxes.find((m) => m.address === current.mailbox);
  if (!mailbox) return skipped('mailbox-gone');
  const reminder = allReminders(current, mailbox.policy, deps.deployment).find((r) => r.id === request.reminderId);
  if (!reminder) return skipped('not-in-plan');
  if (reminder.at.toMillis() - deps.clock.now().toMillis() > SENT_EARLY_BY_AT_MOST_MS) return skipped('not-yet-due');
  const mail = reminderMail(current, reminder, mailbox, deps.deployment);
  if (mail.to.length === 0) return skipped('nobody-to-tell');
  const outcome = { refused: false };
  const sent = await sendOnce(deps.store, deps.clock, reminder.id, async () => {
    try {
      await deps.mailer.send(mail);
    } catch (error) {
      // Refused for good: sending again cannot help, so the partnership is told instead, once.
      if (!(error instanceof PermanentSendError)) throw error;
      outcome.refused = true;
      const reason = `the ${reminder.kind} reminder of case ${current.ref} could not be sent (${error.message})`;
      await deps.mailer.send(refusedSendReview(current, mailbox, reason, deps.clock.now()));
    }
  });
  if (sent === 'sent-before') return skipped('already-sent');
  // Refused: the partnership was sent the review in its place.
  return outcome.refused ? skipped('refused') : { outcome: 'sent', caseRef: current.ref, kind: reminder.kind };
}
