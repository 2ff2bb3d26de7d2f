import type { Deployment } from './config.js';
import type { CaseStore, Mailer } from './ports.js';
import { allReminders, type ReminderKind } from './reminders/plan.js';
import { reminderMail } from './reminders/render.js';

/** What a schedule carries: which case, which reminder. */
export interface ReminderRequest {
  caseRef: string;
  reminderId: string;
}

export type RemindOutcome =
  | { outcome: 'sent'; caseRef: string; kind: ReminderKind }
  | { outcome: 'skipped'; caseRef: string; reason: 'case-gone' | 'mailbox-gone' | 'not-in-plan' | 'already-sent' | 'nobody-to-tell' };

export interface RemindDependencies {
  store: CaseStore;
  mailer: Mailer;
  deployment: Deployment;
}

/**
 * A reminder fires: re-read the case and re-plan. If the reminder is no longer in the plan (the
 * case moved on or was resolved) nothing is sent. Otherwise it is claimed, then sent, so that a
 * second invocation of the same reminder sends nothing; a failed send gives the claim back.
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
  const mail = reminderMail(current, reminder, mailbox, deps.deployment);
  if (mail.to.length === 0) return skipped('nobody-to-tell');
  if (!(await deps.store.claimSending(reminder.id))) return skipped('already-sent');
  try {
    await deps.mailer.send(mail);
  } catch (error) {
    await deps.store.releaseSending(reminder.id);
    throw error;
  }
  return { outcome: 'sent', caseRef: current.ref, kind: reminder.kind };
}
