import type { DateTime } from 'luxon';
import { arrivalOf, type Arrival } from './cases/arrival.js';
import type { Case, CaseEvent } from './cases/case.js';
import { CaseConflictError, CaseContentionError, UnroutableMessageError } from './cases/errors.js';
import { formatReference } from './cases/reference.js';
import { noiseReason, route, type IgnoreReason } from './cases/route.js';
import { applyReading, openCase, openingStage } from './cases/transitions.js';
import type { Deployment, Mailbox } from './config.js';
import type { Message, Verdicts } from './mail/message.js';
import { parseMessage } from './mail/parse.js';
import { commandMailOf, commandsByMail, type CommandOutcome } from './corrections/by-mail.js';
import { openReviewFor } from './corrections/reviews.js';
import { acknowledgement } from './outgoing/notices.js';
import type { CaseStore, Clock, Mailer, ReminderBook } from './ports.js';
import { sendRecords } from './records/send.js';
import { readSignals } from './signals/read.js';

export interface IncomingMail {
  raw: Buffer;
  /** The envelope recipients (SES's `receipt.recipients`): which partnership mailbox it came to. */
  recipients: readonly string[];
  /** Verdicts from the SES event, when there is one. */
  verdicts?: Partial<Verdicts>;
}

export type IngestOutcome =
  | { outcome: CaseEvent; messageId: string; caseRef: string; sha256: string }
  | { outcome: 'ignored'; messageId: string; reason: IgnoreReason; caseRef: string | null; sha256: string }
  | { outcome: 'review'; messageId: string; reason: string; caseRef: string | null; sha256: string }
  /** A partnership's command (docs/design.md, 'Corrections'): applied, or refused with a reply. */
  | (Extract<CommandOutcome, { outcome: 'command' }> & { messageId: string; sha256: string });

export interface IngestDependencies {
  store: CaseStore;
  reminders: ReminderBook;
  mailer: Mailer;
  clock: Clock;
  deployment: Deployment;
  /** Review tokens: random unless given (replay's are derived from the message, so stored replies can name them). */
  reviewToken?: (messageId: string) => string;
}

/**
 * How often a write that lost a race to another message is re-read and retried: a burst of N
 * messages on one case needs up to N rounds, so allow a large burst, with jittered waits so the
 * losers do not collide again at once.
 */
const MAX_ATTEMPTS = 30;

/**
 * One copied email in, its case out: parse, route to the partnership, match a case, apply what
 * the message means, record it once, sync the case's reminders. Throws UnreadableMailError for
 * bytes that are not mail and UnroutableMessageError for mail to no configured mailbox.
 */
export async function ingest(incoming: IncomingMail, deps: IngestDependencies): Promise<IngestOutcome> {
  const { deployment } = deps;
  const message = await parseMessage(incoming.raw, {
    ownLoop: deployment.loopId,
    ownAddresses: [deployment.fromAddress],
    ...(incoming.verdicts ? { verdicts: incoming.verdicts } : {}),
  });
  const mailbox = mailboxOf(message, incoming.recipients, deployment);
  const base = { messageId: message.messageId, sha256: message.sha256 };
  const noise = noiseReason(message);
  if (noise) return { outcome: 'ignored', reason: noise, caseRef: null, ...base };

  const now = deps.clock.now();
  // Corrections: a command from a partnership address goes to its own use case, never on as case mail.
  const command = commandMailOf(message, mailbox);
  if (command) return { ...(await commandsByMail(message, mailbox, command, now, deps)), ...base };

  const arrival = arrivalOf(message, now, mailbox.partnershipAddresses);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 10 * 2 ** attempt)));
    const result = await attemptIngest(message, mailbox, arrival, now, deps);
    if (result) return { ...result, ...base };
  }
  throw new CaseContentionError(`message ${message.sha256.slice(0, 12)} lost every race for its case after ${MAX_ATTEMPTS} attempts`);
}

type Result =
  | { outcome: CaseEvent; caseRef: string }
  | { outcome: 'ignored'; reason: IgnoreReason; caseRef: string | null }
  | { outcome: 'review'; reason: string; caseRef: string | null };

/** One try; null when another writer got there first and the whole match must be redone. */
async function attemptIngest(
  message: Message,
  mailbox: Mailbox,
  arrival: Arrival,
  now: DateTime,
  deps: IngestDependencies,
): Promise<Result | null> {
  const { store, policy } = { store: deps.store, policy: mailbox.policy };
  const threadKeys = [...(message.inReplyTo ? [message.inReplyTo] : []), ...[...message.references].reverse(), message.messageId];
  const found = await store.lookup({ messageId: message.messageId, refs: message.referenceTags, policyId: policy.id, threadKeys });
  if (found.message) {
    const seen = found.message.caseRef ? await store.getCase(found.message.caseRef) : null;
    if (seen) await deps.reminders.sync(seen, policy); // a retry after a Scheduler failure books what was missed
    return { outcome: 'ignored', reason: 'duplicate', caseRef: found.message.caseRef };
  }
  const threadRef = threadKeys.map((key) => found.threads.get(key)).find((ref) => ref !== undefined);
  const byThread = threadRef ? (found.cases.get(threadRef) ?? (await store.getCase(threadRef))) : null;
  const byReference = message.referenceTags
    .map((ref) => found.cases.get(ref))
    .filter((c): c is Case => c !== undefined && c.policyId === policy.id);
  const unknownReferences = message.referenceTags.filter((ref) => !found.cases.has(ref));
  const target = byReference[0] ?? byThread;
  const reading = readSignals(message, policy, { currentStage: target?.stage });
  const decision = route(message, reading, { byReference, unknownReferences, byThread });

  const record = async (caseRef: string | null, outcome: string) => {
    await store.recordMessage({ messageId: message.messageId, caseRef, outcome, at: now.toUTC().toISO() ?? '', sha256: message.sha256 });
  };
  if (decision.kind === 'ignore') return { outcome: 'ignored', reason: decision.reason, caseRef: null };
  if (decision.kind === 'open') {
    const year = now.setZone(policy.timezone).year;
    const ref = formatReference(policy.referencePrefix, year, await store.nextNumber(policy.id, year));
    const root = message.references[0] ?? message.inReplyTo ?? message.messageId;
    if (!(await store.claimThread(policy.id, root, ref))) return null; // another message of this thread opened its case first
    const opened = openCase({ ref, policy, mailbox: mailbox.address, stage: openingStage(reading, policy), arrival });
    await store.createCase(opened);
    await finish(opened, arrival, deps, mailbox, record, 'opened');
    return { outcome: 'opened', caseRef: ref };
  }
  const onCase = decision.case;
  if (decision.kind === 'review' && (!onCase || !decision.attribute)) {
    await deps.mailer.send(await reviewFor(onCase, decision.reason));
    await record(onCase?.ref ?? null, 'review');
    return { outcome: 'review', reason: decision.reason, caseRef: onCase?.ref ?? null };
  }
  if (!onCase) return null;

  // An ambiguous message on its own case is recorded there as a note and sent for review.
  const reviewReason = decision.kind === 'review' ? decision.reason : undefined;
  const applied = applyReading(onCase, arrival, reading, policy, reviewReason && `review: ${reviewReason}`);
  let current = onCase;
  if (applied.event !== null) {
    current = { ...applied.case, version: onCase.version + 1 };
    try {
      await store.updateCase(current, onCase.version);
    } catch (error) {
      if (error instanceof CaseConflictError) return null;
      throw error;
    }
  }
  // applied.event is null on a retry of a message the case already has: finish what was left undone.
  if (reviewReason !== undefined) await deps.mailer.send(await reviewFor(current, reviewReason));
  await finish(current, arrival, deps, mailbox, record, applied.event ?? 'noted');
  if (reviewReason !== undefined) return { outcome: 'review', reason: reviewReason, caseRef: current.ref };
  return { outcome: applied.event ?? 'noted', caseRef: current.ref };

  function reviewFor(onCase: Case | null, reason: string) {
    const suggestedStage = openingStage(reading, policy);
    return openReviewFor(
      { arrival, reason, caseRef: onCase?.ref ?? null, stage: onCase?.stage ?? null, suggestedStage },
      mailbox,
      store,
      deps.reviewToken,
    );
  }
}

/**
 * After the case write: the message's thread keys, the acknowledgement if the case still owes
 * one, the partnership's records (forms, closure summary) it now owes, the message's record, the
 * case's reminders. Each step is idempotent or guarded, so a
 * retry of the same message finishes what a failure left undone.
 */
export async function finish(
  current: Case,
  arrival: Arrival,
  deps: IngestDependencies,
  mailbox: Mailbox,
  record: (ref: string, outcome: string) => Promise<void>,
  outcome: string,
): Promise<void> {
  await deps.store.addThreadKeys(mailbox.policy.id, current.ref, arrival.threadKeys);
  let acknowledged = current;
  if (current.acknowledgedAt === null && current.history[0]?.messageId === arrival.messageId) {
    await deps.mailer.send(
      acknowledgement(current, { policy: mailbox.policy, mailbox: mailbox.address, closureDays: deps.deployment.closureDays }),
    );
    acknowledged = { ...current, acknowledgedAt: deps.clock.now().toUTC().toISO() ?? '', version: current.version + 1 };
    await deps.store.updateCase(acknowledged, current.version).catch((error: unknown) => {
      // A follow-up moved the case on meanwhile: the acknowledgement went out; only its mark is lost.
      if (!(error instanceof CaseConflictError)) throw error;
    });
  }
  await sendRecords(acknowledged, mailbox, deps, arrival.messageId);
  await record(current.ref, outcome);
  await deps.reminders.sync(acknowledged, mailbox.policy);
}

/** The partnership mailbox the message was sent to: the envelope first, then its To and Cc. */
function mailboxOf(message: Message, recipients: readonly string[], deployment: Deployment): Mailbox {
  const addresses = [...recipients.map((r) => r.toLowerCase()), ...[...message.to, ...message.cc].map((p) => p.address)];
  const mailbox = addresses.map((address) => deployment.mailboxes.find((m) => m.address === address)).find((m) => m !== undefined);
  if (!mailbox)
    throw new UnroutableMessageError(`message ${message.sha256.slice(0, 12)} is addressed to no configured partnership mailbox`);
  return mailbox;
}
