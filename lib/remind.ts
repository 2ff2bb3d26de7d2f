import { DateTime } from 'luxon';
import type { Case } from './cases/case.js';
import type { Deployment, Mailbox } from './config.js';
import { PermanentSendError } from './outgoing/errors.js';
import { refusedSendReview } from './outgoing/notices.js';
import { SendInProgressError, sendOnceOnCase } from './outgoing/send-once.js';
import type { CaseStore, Clock, Mailer, ReminderBook, SendClaim } from './ports.js';
import { inSendingOrder } from './reminders/booking.js';
import type { PlannedReminder, ReminderKind } from './reminders/plan.js';
import { reminderMail } from './reminders/render.js';

/** What a schedule carries: which case, which reminder, and the case schedule's cursor. */
export interface ReminderRequest {
  caseRef: string;
  reminderId: string;
  /**
   * From a case's schedule (see Booking): every reminder of the case due after this instant and
   * by now is sent. Absent (a reminder sent as it is booked, a schedule of an older release),
   * only the reminder named.
   */
  after?: string | undefined;
}

type SkipReason = 'case-gone' | 'mailbox-gone' | 'not-in-plan' | 'not-yet-due' | 'already-sent' | 'nobody-to-tell' | 'refused';

/** What became of the reminder named; `alsoSent`, the kinds of the others the firing found due and sent. */
export type RemindOutcome = (
  { outcome: 'sent'; caseRef: string; kind: ReminderKind } | { outcome: 'skipped'; caseRef: string; reason: SkipReason }
) & { alsoSent?: ReminderKind[] };

export interface RemindDependencies {
  store: CaseStore;
  mailer: Mailer;
  deployment: Deployment;
  clock: Clock;
  /** Books the case's next reminder once this one is sent; absent where the caller books (a sync sending what is due as it books). */
  reminders?: ReminderBook;
}

/** A reminder this close to its time is sent: the Scheduler book sends those at once instead of booking them. */
export const SENT_EARLY_BY_AT_MOST_MS = 60_000;

/**
 * A reminder fires: re-read the case and re-plan. A reminder is sent only if the case still has
 * that deadline with that due instant (both are in the reminder's id) and its time has come;
 * otherwise nothing is sent for it (the case moved on or was resolved, a policy or closure-day
 * change moved the deadline, or a stale schedule fired early). Each is sent once, claimed on its
 * case: see `sendOnceOnCase`; reading the case claims the one named, in the same request.
 * Fired by a case's schedule, it sends every reminder due since the schedule's cursor (reminders
 * due together, a late firing), then books the case's next one: a crash or a failure anywhere
 * before that is retried, and the retry finds what was sent already.
 */
export async function remind(request: ReminderRequest, deps: RemindDependencies): Promise<RemindOutcome> {
  const skipped = (reason: SkipReason): RemindOutcome => ({ outcome: 'skipped', caseRef: request.caseRef, reason });
  const now = deps.clock.now();
  // One request reads the case and claims the reminder named; the claim is given back if it is not sent.
  const read = await deps.store.claimCaseSend(request.caseRef, request.reminderId, now);
  if (!read) return skipped('case-gone');
  const { current, claim } = read;
  let claimUsed = claim !== 'claimed';
  try {
    const mailbox = deps.deployment.mailboxes.find((m) => m.address === current.mailbox);
    if (!mailbox) return skipped('mailbox-gone');
    const plan = inSendingOrder(current, mailbox.policy, deps.deployment);
    const reminder = plan.find((r) => r.id === request.reminderId);
    const until = now.plus({ milliseconds: SENT_EARLY_BY_AT_MOST_MS });
    const after = request.after ? DateTime.fromISO(request.after) : null;
    const due = after ? plan.filter((r) => r.at > after && r.at <= until) : reminder && reminder.at <= until ? [reminder] : [];
    let outcome = reminder ? skipped(reminder.at > until ? 'not-yet-due' : 'already-sent') : skipped('not-in-plan');
    const alsoSent: ReminderKind[] = [];
    for (const next of due) {
      const named = next.id === request.reminderId;
      const sent = await sendReminder(current, next, mailbox, deps, named ? claim : undefined);
      if (named) [outcome, claimUsed] = [sent, sent.outcome === 'sent' || sent.reason !== 'nobody-to-tell'];
      else if (sent.outcome === 'sent') alsoSent.push(sent.kind);
    }
    // The cursor moves to the last reminder sent, never past now: a change of the case made while
    // this ran booked only what was due after its own now, which this firing's overwrite must not skip.
    const last = due.at(-1)?.at ?? after ?? now;
    await deps.reminders?.bookNext(current, mailbox.policy, DateTime.min(last, now));
    return alsoSent.length > 0 ? { ...outcome, alsoSent } : outcome;
  } finally {
    if (!claimUsed) await deps.store.releaseCaseSend(current.ref, request.reminderId);
  }
}

/**
 * One reminder, sent once (its send on the case); refused for good, the partnership is told
 * instead, once. `claim` is the claim already made for it, if any.
 */
async function sendReminder(
  current: Case,
  reminder: PlannedReminder,
  mailbox: Mailbox,
  deps: RemindDependencies,
  claim?: SendClaim,
): Promise<RemindOutcome> {
  const skipped = (reason: SkipReason): RemindOutcome => ({ outcome: 'skipped', caseRef: current.ref, reason });
  const mail = reminderMail(current, reminder, mailbox, deps.deployment);
  if (mail.to.length === 0) return skipped('nobody-to-tell');
  if (claim === 'sent') return skipped('already-sent');
  if (claim === 'held') throw new SendInProgressError(`a reminder of case ${current.ref} is held by another invocation's lease`);
  const outcome = { refused: false };
  const send = async () => {
    try {
      await deps.mailer.send(mail);
    } catch (error) {
      if (!(error instanceof PermanentSendError)) throw error;
      outcome.refused = true;
      const reason = `the ${reminder.kind} reminder of case ${current.ref} could not be sent (${error.message})`;
      await deps.mailer.send(refusedSendReview(current, mailbox, reason, deps.clock.now()));
    }
    return undefined;
  };
  const sent = await sendOnceOnCase(deps.store, deps.clock, current, reminder.id, send, { claimed: claim === 'claimed' });
  if (sent === 'sent-before') return skipped('already-sent');
  return outcome.refused ? skipped('refused') : { outcome: 'sent', caseRef: current.ref, kind: reminder.kind };
}
