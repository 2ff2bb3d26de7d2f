import { DateTime } from 'luxon';
import { describeDue } from '../calendar/wording.js';
import type { Arrival } from '../cases/arrival.js';
import type { Case } from '../cases/case.js';
import { caseDeadlines } from '../cases/deadlines.js';
import { CaseConflictError } from '../cases/errors.js';
import { formatReference } from '../cases/reference.js';
import type { Review } from '../cases/review.js';
import { openCase } from '../cases/transitions.js';
import type { Deployment, Mailbox } from '../config.js';
import { finish } from '../ingest.js';
import { confirmation, refusal } from '../outgoing/corrections.js';
import type { OutgoingMail } from '../outgoing/mail.js';
import type { CaseStore, Clock, Mailer, ReminderBook } from '../ports.js';
import { appliedAlready, correctCase, mergeCases } from './apply.js';
import { COMMAND_HELP, describeCommand, type Command } from './commands.js';

export interface CorrectionDependencies {
  store: CaseStore;
  reminders: ReminderBook;
  mailer: Mailer;
  clock: Clock;
  deployment: Deployment;
  /** Review tokens: random unless given (replay names them from the message, so stored replies can). */
  reviewToken?: (messageId: string) => string;
}

/** One decision of the partnership: commands, who sent them, and what they are about. */
export interface CorrectionRequest {
  /** The command message's Message-ID, or an admin command's id: the history and the log name it. */
  messageId: string;
  /** The sender's address, or `admin:<name>`. */
  by: string;
  at: DateTime;
  commands: readonly Command[];
  target: { kind: 'case'; ref: string } | { kind: 'review'; token: string };
}

export type CorrectionResult =
  | {
      applied: true;
      event: 'corrected' | 'withdrawn' | 'merged' | 'opened' | 'dismissed';
      caseRef: string | null;
      stage: string | null;
      done: string[];
    }
  | { applied: false; caseRef: string | null; stage: string | null; problems: string[] };

/** A write kept losing to other writers: try the whole decision again, a few times. */
const ATTEMPTS = 5;

/**
 * Applies a decision through the same store, transitions and reminder sync as ingest: all or
 * nothing, recorded in the case's history with who sent it, its reminders re-synced. A retry of
 * the same request (same message id) finds it applied and finishes what was left. Sends no mail:
 * the caller replies.
 */
export async function applyCorrection(
  request: CorrectionRequest,
  mailbox: Mailbox,
  deps: CorrectionDependencies,
): Promise<CorrectionResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptCorrection(request, mailbox, deps);
    } catch (error) {
      if (!(error instanceof CaseConflictError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

async function attemptCorrection(request: CorrectionRequest, mailbox: Mailbox, deps: CorrectionDependencies): Promise<CorrectionResult> {
  const { store } = deps;
  const { policy } = mailbox;
  const refuse = (problem: string, onCase?: Case | null): CorrectionResult => ({
    applied: false,
    caseRef: onCase?.ref ?? null,
    stage: onCase?.stage ?? null,
    problems: [problem],
  });
  const context = { policy, at: request.at, by: request.by, messageId: request.messageId };

  let current: Case | null;
  if (request.target.kind === 'review') {
    const review = await store.getReview(request.target.token);
    if (!review || review.mailbox !== mailbox.address) return refuse('the subject names no review of this mailbox');
    const [command] = request.commands;
    if (command?.kind === 'open' || command?.kind === 'not-a-case') return settleReview(review, command, request, mailbox, deps);
    if (!review.caseRef)
      return refuse(`${request.commands.map(describeCommand).join(', ')} needs a case: open one first with #open [stage <n>]`);
    current = await store.getCase(review.caseRef);
  } else {
    current = await store.getCase(request.target.ref);
  }
  if (!current) return refuse('the subject names no case this mailbox knows');
  if (current.mailbox !== mailbox.address || current.policyId !== policy.id)
    return refuse(`case ${current.ref} belongs to another mailbox or policy`, null);
  if (request.commands.some((c) => c.kind === 'open'))
    return refuse(`case ${current.ref} is open already: #open acts on a review`, current);

  const merge = request.commands.find((c) => c.kind === 'merge');
  if (merge) {
    const into = await store.getCase(merge.into);
    if (!into) return refuse(`there is no case ${merge.into}`, current);
    const merged = mergeCases(current, into, context);
    if ('refused' in merged) {
      if (!(appliedAlready(current, request.messageId) && appliedAlready(into, request.messageId))) return refuse(merged.refused, current);
    } else {
      // The case it joins first, then this one: a crash between leaves this one to a retry, which skips what is written.
      if (!appliedAlready(into, request.messageId)) await store.updateCase(merged.into, into.version);
      if (!appliedAlready(current, request.messageId)) await store.updateCase(merged.source, current.version);
    }
    const [left, joined] = [await store.getCase(current.ref), await store.getCase(into.ref)];
    if (!left || !joined) throw new CaseConflictError(`case ${current.ref} or ${into.ref} vanished during a merge`);
    await store.addThreadKeys(policy.id, joined.ref, left.threadKeys);
    await deps.reminders.sync(left, policy);
    await deps.reminders.sync(joined, policy);
    await log(store, request, left, 'merged', mailbox);
    await log(store, request, joined, 'merged', mailbox);
    return {
      applied: true,
      event: 'merged',
      caseRef: left.ref,
      stage: left.stage,
      done: 'done' in merged ? merged.done : [`merged into ${joined.ref} before`],
    };
  }

  let written = current;
  let done: string[] = [`applied before: ${request.commands.map(describeCommand).join(', ')}`];
  if (!appliedAlready(current, request.messageId)) {
    const corrected = correctCase(current, request.commands, context);
    if ('refused' in corrected) return refuse(corrected.refused, current);
    await store.updateCase(corrected.case, current.version);
    written = corrected.case;
    done = corrected.done;
  }
  await deps.reminders.sync(written, policy);
  const event = written.status === 'withdrawn' ? 'withdrawn' : 'corrected';
  await log(store, request, written, event, mailbox);
  return { applied: true, event, caseRef: written.ref, stage: written.stage, done };
}

/** `#open [stage <n>]` or `#not-a-case` on a review: settled once, then the case opened through ingest's own steps. */
async function settleReview(
  review: Review,
  command: Extract<Command, { kind: 'open' | 'not-a-case' }>,
  request: CorrectionRequest,
  mailbox: Mailbox,
  deps: CorrectionDependencies,
): Promise<CorrectionResult> {
  const { store } = deps;
  const { policy } = mailbox;
  const refuse = (problem: string): CorrectionResult => ({ applied: false, caseRef: review.caseRef, stage: null, problems: [problem] });
  const at = request.at.toUTC().toISO() ?? '';
  const settledByThis = review.settledWith === request.messageId;
  if (command.kind === 'not-a-case') {
    if (review.status !== 'pending' && !settledByThis) return refuse(`this review was ${review.status} already`);
    if (
      review.status === 'pending' &&
      !(await store.settleReview({ ...review, status: 'dismissed', settledAt: at, settledBy: request.by, settledWith: request.messageId }))
    )
      throw new CaseConflictError('the review was settled meanwhile');
    await log(store, request, { ref: review.caseRef ?? '-', stage: '-' }, 'dismissed', mailbox);
    return { applied: true, event: 'dismissed', caseRef: review.caseRef, stage: null, done: ['review dismissed: no case changed'] };
  }

  if (review.caseRef) return refuse(`the message is on case ${review.caseRef} already: reply to one of its emails with #stage <n>`);
  const stage = command.stage ?? policy.stages[0]?.id ?? '1';
  if (!policy.stages.some((s) => s.id === stage))
    return refuse(`${policy.title} has no stage ${stage} (its stages: ${policy.stages.map((s) => s.id).join(', ')})`);
  let ref = review.openedRef;
  if (review.status !== 'pending' && !(settledByThis && ref)) return refuse(`this review was ${review.status} already`);
  if (!ref) {
    const year = request.at.setZone(policy.timezone).year;
    ref = formatReference(policy.referencePrefix, year, await store.nextNumber(policy.id, year));
    // Settled (with the reference) before the case is written: a retry writes the same case, never a second.
    if (
      !(await store.settleReview({
        ...review,
        status: 'opened',
        settledAt: at,
        settledBy: request.by,
        settledWith: request.messageId,
        openedRef: ref,
      }))
    )
      throw new CaseConflictError('the review was settled meanwhile');
  }
  const arrival: Arrival = {
    messageId: review.messageId,
    at: DateTime.fromISO(review.receivedAt),
    from: review.from,
    people: review.people,
    contacts: review.contacts,
    threadKeys: review.threadKeys,
  };
  let opened = await store.getCase(ref);
  if (!opened) {
    const fresh = openCase({ ref, policy, mailbox: mailbox.address, stage, arrival });
    opened = {
      ...fresh,
      history: [
        ...fresh.history,
        {
          at,
          event: 'corrected',
          stage,
          messageId: request.messageId,
          from: request.by,
          note: describeCommand(command),
          to: [],
          status: 'open',
        },
      ],
    };
    await store.claimThread(policy.id, review.messageId, ref);
    await store.createCase(opened);
  }
  const record = (caseRef: string, outcome: string) =>
    store.recordMessage({ messageId: review.messageId, caseRef, outcome, at, sha256: '' });
  await finish(opened, arrival, deps, mailbox, record, 'opened');
  await log(store, request, opened, 'opened', mailbox);
  return {
    applied: true,
    event: 'opened',
    caseRef: ref,
    stage,
    done: [`case ${ref} opened at stage ${stage} from the message under review`],
  };
}

async function log(
  store: CaseStore,
  request: CorrectionRequest,
  onCase: Pick<Case, 'ref' | 'stage'>,
  event: 'corrected' | 'withdrawn' | 'merged' | 'opened' | 'dismissed',
  mailbox: Mailbox,
): Promise<void> {
  await store.logCorrection({
    caseRef: onCase.ref,
    mailbox: mailbox.address,
    at: request.at.toUTC().toISO() ?? '',
    messageId: request.messageId,
    event,
    commands: request.commands.map(describeCommand).join(', '),
    stage: onCase.stage,
  });
}

/** The lines of a confirmation that say where the case stands now: stage and deadlines, no names. */
export function standing(current: Case | null, mailbox: Mailbox, deployment: Deployment): string[] {
  if (!current) return [];
  const { policy } = mailbox;
  const deadlines = caseDeadlines(current, policy, deployment.closureDays);
  return [
    `Case ${current.ref} is now ${current.status} at stage ${current.stage}.`,
    ...deadlines.map((d) => `- ${d.label}: ${describeDue(d.due, policy.timezone)}.`),
  ];
}

/** The reply for a result: a confirmation, or a refusal listing the commands. */
export function replyFor(
  result: CorrectionResult,
  request: Pick<CorrectionRequest, 'commands' | 'target'>,
  mailbox: Mailbox,
  now: readonly string[],
): OutgoingMail {
  const reply = {
    caseRef: result.caseRef,
    stage: result.stage,
    reviewToken: request.target.kind === 'review' ? request.target.token : null,
    partnershipAddresses: mailbox.partnershipAddresses,
    mailbox: mailbox.address,
  };
  return result.applied
    ? confirmation(reply, { commands: request.commands.map(describeCommand).join(', '), done: result.done, now })
    : refusal(reply, { problems: result.problems, help: COMMAND_HELP });
}
