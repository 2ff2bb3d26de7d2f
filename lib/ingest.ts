import type { DateTime } from 'luxon';
import { arrivalOf, type Arrival } from './cases/arrival.js';
import type { Case, CaseEvent } from './cases/case.js';
import { CaseConflictError, CaseContentionError, UnroutableMessageError } from './cases/errors.js';
import { formatReference } from './cases/reference.js';
import { noiseReason, route, type IgnoreReason } from './cases/route.js';
import { applyReading, openCase } from './cases/transitions.js';
import { publicAddressOf, type Deployment, type Mailbox } from './config.js';
import type { Message, Verdicts } from './mail/message.js';
import { parseMessage } from './mail/parse.js';
import { commandMailOf, commandsByMail, type CommandOutcome } from './corrections/by-mail.js';
import { openReviewFor } from './corrections/reviews.js';
import { PermanentSendError } from './outgoing/errors.js';
import { acknowledgement, refusedSendReview } from './outgoing/notices.js';
import { caseRecipients } from './outgoing/recipients.js';
import { sendOnceOnCase } from './outgoing/send-once.js';
import type { CaseStore, Clock, Mailer, ReminderBook } from './ports.js';
import { recordSendIds, sendRecords } from './records/send.js';
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
    ownLists: deployment.mailboxes.flatMap((m) => [m.address, ...m.partnershipAddresses]),
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

  // The mailbox's own addresses are never a case's contacts: the public one reaches the partnership, the other this system.
  const arrival = arrivalOf(message, now, [
    ...mailbox.partnershipAddresses,
    mailbox.address,
    publicAddressOf(mailbox),
    deployment.fromAddress,
  ]);
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
  // A message's record is written last, once its case, reminders and sends are done: a duplicate
  // has nothing left to do. A retry after any failure finds no record and applies the message
  // again, as a no-op on its case, finishing what was left undone.
  if (found.message) return { outcome: 'ignored', reason: 'duplicate', caseRef: found.message.caseRef };
  const threadRef = threadKeys.map((key) => found.threads.get(key)).find((ref) => ref !== undefined);
  const byThread = threadRef ? (found.cases.get(threadRef) ?? (await store.getCase(threadRef))) : null;
  const byReference = message.referenceTags
    .map((ref) => found.cases.get(ref))
    .filter((c): c is Case => c !== undefined && c.policyId === policy.id);
  const unknownReferences = message.referenceTags.filter((ref) => !found.cases.has(ref));
  const target = byReference[0] ?? byThread;
  const reading = readSignals(message, policy, { currentStage: target?.stage });
  const decision = route(message, reading, { byReference, unknownReferences, byThread }, policy);

  const at = now.toUTC().toISO() ?? '';
  const record = async (caseRef: string | null, outcome: string) => {
    await store.recordMessage({ messageId: message.messageId, caseRef, outcome, at, sha256: message.sha256 });
  };
  // On its case the record goes on the message's own thread key (see CaseStore.recordCaseMessage).
  const recordOnCase = async (caseRef: string, outcome: string) => {
    await store.recordCaseMessage(policy.id, { messageId: message.messageId, caseRef, outcome, at, sha256: message.sha256 });
  };
  /** The thread keys to write: its own goes with its record; those the case already holds, and a root just claimed for it, need no write. */
  const newThreadKeys = (ref: string, claimed?: string) =>
    arrival.threadKeys.filter((key) => key !== message.messageId && key !== claimed && found.threads.get(key) !== ref);
  if (decision.kind === 'ignore') return { outcome: 'ignored', reason: decision.reason, caseRef: null };
  const root = message.references[0] ?? message.inReplyTo ?? message.messageId;
  /**
   * A thread claimed for a case that was never written (the writer crashed or timed out between
   * the two writes) is not lost: the claim reserved its reference for the thread, so the next
   * message that opens it, or the same message retried, writes the case under that reference.
   */
  const claimedReference = () => (byThread === null ? found.threads.get(root) : undefined);
  const claimNewReference = async (): Promise<string | null> => {
    const year = now.setZone(policy.timezone).year;
    const ref = formatReference(policy.referencePrefix, year, await store.nextNumber(policy.id, year));
    return (await store.claimThread(policy.id, root, ref)) ? ref : null;
  };
  if (decision.kind === 'open') {
    const ref = claimedReference() ?? (await claimNewReference());
    if (ref === null) return null; // another message of this thread claimed it first
    const opened = openCase({ ref, policy, mailbox: mailbox.address, stage: decision.stage, arrival });
    // What the new case owes by mail is claimed in the same write (see sendsOwed).
    const claims = sendsOwed(opened, message.messageId, mailbox);
    try {
      await givingBackOnFailure(store, ref, claims, () => store.createCase(opened, { ids: claims, now: deps.clock.now() }));
    } catch (error) {
      if (error instanceof CaseConflictError) return null; // another message of the thread created it: apply this one to it
      throw error;
    }
    await finish(opened, arrival, deps, mailbox, recordOnCase, 'opened', {
      previous: null,
      threadKeys: newThreadKeys(ref, root),
      claimed: new Set(claims),
    });
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
  const effect = decision.kind === 'apply' ? decision.effect : { kind: 'note' as const };
  const applied = applyReading(onCase, arrival, effect, reviewReason && `review: ${reviewReason}`);
  let current = onCase;
  let claims: string[] = [];
  if (applied.event !== null) {
    current = { ...applied.case, version: onCase.version + 1 };
    // Sends this change made due, claimed in its write; one the case has claimed or sent before is left to finish.
    claims = sendsOwed(current, message.messageId, mailbox).filter((id) => onCase.sends?.[id] === undefined);
    try {
      const [changed, expected, claimed] = [current, onCase.version, { ids: claims, now: deps.clock.now() }];
      await givingBackOnFailure(store, current.ref, claims, () => store.updateCase(changed, expected, claimed));
    } catch (error) {
      if (error instanceof CaseConflictError) return null;
      throw error;
    }
  }
  // applied.event is null on a retry of a message the case already has: finish what was left undone.
  if (reviewReason !== undefined) await deps.mailer.send(await reviewFor(current, reviewReason));
  // The reminders booked are those of the case as read; a retry (no event) cannot know what a failure left, so it finds out.
  await finish(current, arrival, deps, mailbox, recordOnCase, applied.event ?? 'noted', {
    ...(applied.event === null ? {} : { previous: onCase }),
    threadKeys: newThreadKeys(current.ref),
    claimed: new Set(claims),
  });
  if (reviewReason !== undefined) return { outcome: 'review', reason: reviewReason, caseRef: current.ref };
  return { outcome: applied.event ?? 'noted', caseRef: current.ref };

  function reviewFor(onCase: Case | null, reason: string) {
    const suggestedStage = reading.escalateTo ?? reading.namedStage ?? null;
    return openReviewFor(
      { arrival, fingerprint: message.sha256, reason, caseRef: onCase?.ref ?? null, stage: onCase?.stage ?? null, suggestedStage },
      mailbox,
      store,
      deps.reviewToken,
    );
  }
}

/**
 * After the case write: the message's thread keys and the case's reminders first, so that no
 * email that cannot be sent keeps the case from being reminded; then what the case owes by mail;
 * then the message's record, last, so that a record means everything is done. Each step is
 * idempotent or claimed, so a retry of the same message (found on its case, not yet recorded)
 * finishes what a failure left undone.
 */
export async function finish(
  current: Case,
  arrival: Arrival,
  deps: IngestDependencies,
  mailbox: Mailbox,
  record: (ref: string, outcome: string) => Promise<void>,
  outcome: string,
  options: {
    /** What the reminders were booked for (see ReminderBook.sync); absent, the book finds out. */
    previous?: Case | null;
    /** The thread keys still to write; all of the message's when absent. */
    threadKeys?: readonly string[];
    /** The sends the case write claimed (sendsOwed): sent with no claim of their own. */
    claimed?: ReadonlySet<string>;
  } = {},
): Promise<void> {
  const keys = options.threadKeys ?? arrival.threadKeys;
  const claimed = options.claimed ?? new Set<string>();
  await givingBackOnFailure(deps.store, current.ref, claimed, async () => {
    if (keys.length > 0) await deps.store.addThreadKeys(mailbox.policy.id, current.ref, keys);
    await deps.reminders.sync(current, mailbox.policy, options.previous);
    await sendOwed(current, arrival.messageId, deps, mailbox, claimed);
  });
  await record(current.ref, outcome);
}

/**
 * Runs `work`; when it fails, gives back the claims a case write made that are not marked sent
 * yet, so that the retry need not wait for their leases (a process that dies leaves them to run
 * out). A claim already marked stays marked; a write that lost its race wrote no claim.
 */
async function givingBackOnFailure(store: CaseStore, ref: string, claims: Iterable<string>, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof CaseConflictError)) for (const id of claims) await store.releaseCaseSend(ref, id).catch(() => undefined);
    throw error;
  }
}

/** The acknowledgement's send id on a case. */
const acknowledgementId = (ref: string) => `acknowledgement:${ref}`;

/** What a case owes by mail because of this message: its acknowledgement if the message opened it, and the records it made due. */
function sendsOwed(current: Case, messageId: string, mailbox: Mailbox): string[] {
  const owed = current.acknowledgedAt === null && current.acknowledgementRefusedAt === undefined;
  const acknowledgement = owed && current.history[0]?.messageId === messageId ? [acknowledgementId(current.ref)] : [];
  return [...acknowledgement, ...recordSendIds(current, mailbox, messageId)];
}

/**
 * The acknowledgement, if the case still owes one and this message opened it, and the records
 * (forms, closure summary) this message made due. An acknowledgement the mail service refuses for
 * good is sent to the partnership for review instead; a transient failure is thrown, to retry.
 */
async function sendOwed(
  current: Case,
  messageId: string,
  deps: IngestDependencies,
  mailbox: Mailbox,
  claimed: ReadonlySet<string>,
): Promise<void> {
  let acknowledged = current;
  const id = acknowledgementId(current.ref);
  if (sendsOwed(current, messageId, mailbox).includes(id)) {
    const to = caseRecipients(current, mailbox, deps.deployment);
    const mail = acknowledgement(current, {
      policy: mailbox.policy,
      mailbox: publicAddressOf(mailbox),
      closureDays: deps.deployment.closureDays,
      to,
    });
    const at = deps.clock.now().toUTC().toISO() ?? '';
    // What the case records of it goes with its sent mark, in one request.
    let mark: Pick<Case, 'acknowledgedAt' | 'acknowledgementRefusedAt'> = { acknowledgedAt: at };
    const send = async () => {
      try {
        await deps.mailer.send(mail);
      } catch (error) {
        if (!(error instanceof PermanentSendError)) throw error;
        const reason = `the acknowledgement of case ${current.ref} could not be sent (${error.message}); its reminders are booked`;
        await deps.mailer.send(refusedSendReview(current, mailbox, reason, deps.clock.now()));
        mark = { acknowledgedAt: null, acknowledgementRefusedAt: at };
      }
      return mark;
    };
    await sendOnceOnCase(deps.store, deps.clock, current, id, send, { claimed: claimed.has(id) });
    acknowledged = { ...current, ...mark };
  }
  await sendRecords(acknowledged, mailbox, deps, messageId, claimed);
}

/** The partnership mailbox the message was sent to: the envelope first, then its To and Cc. */
function mailboxOf(message: Message, recipients: readonly string[], deployment: Deployment): Mailbox {
  const addresses = [...recipients.map((r) => r.toLowerCase()), ...[...message.to, ...message.cc].map((p) => p.address)];
  const mailbox = addresses
    .map((address) => deployment.mailboxes.find((m) => m.address === address || m.publicAddress === address))
    .find((m) => m !== undefined);
  if (!mailbox)
    throw new UnroutableMessageError(`message ${message.sha256.slice(0, 12)} is addressed to no configured partnership mailbox`);
  return mailbox;
}
