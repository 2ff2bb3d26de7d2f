import type { DateTime } from 'luxon';
import type { Case } from './cases/case.js';
import type { Review } from './cases/review.js';
import type { OutgoingMail } from './outgoing/mail.js';
import type { Policy } from './policy/schema.js';

/** What is kept of a processed message: never its body. */
export interface MessageRecord {
  messageId: string;
  caseRef: string | null;
  outcome: string;
  /** ISO 8601 instant it was processed. */
  at: string;
  sha256: string;
}

export interface Lookup {
  /** The record of this Message-ID (its own or the one on its thread key), if it was processed before. */
  message: MessageRecord | null;
  /** The cases named by the references asked for, by reference. */
  cases: Map<string, Case>;
  /** The case each thread key asked for belongs to. */
  threads: Map<string, string>;
}

export type SendClaim = 'claimed' | 'sent' | 'held';

/** Sends claimed with a case write, for the lease from `now`. */
export interface SendClaims {
  ids: readonly string[];
  now: DateTime;
}

/** Cases, their thread keys, processed messages and reference counters. */
export interface CaseStore {
  /** One round trip: the message's record, the cases its subject names, its thread keys' cases. */
  lookup(query: { messageId: string; refs: readonly string[]; policyId: string; threadKeys: readonly string[] }): Promise<Lookup>;
  getCase(ref: string): Promise<Case | null>;
  /** The next number for a policy and year, handed out atomically: never the same twice. */
  nextNumber(policyId: string, year: number): Promise<number>;
  /** Claims a thread for a new case; false when another case already holds it. */
  claimThread(policyId: string, key: string, ref: string): Promise<boolean>;
  /**
   * Writes a new case; throws CaseConflictError if the reference exists. The sends `claims`
   * names are claimed for this writer in the same request (see claimCaseSend).
   */
  createCase(newCase: Case, claims?: SendClaims): Promise<void>;
  /** Writes a changed case if its stored version is still `expectedVersion`, claiming `claims` with it; throws CaseConflictError otherwise. */
  updateCase(changed: Case, expectedVersion: number, claims?: SendClaims): Promise<void>;
  /** Idempotent: each key → the case. */
  addThreadKeys(policyId: string, ref: string, keys: readonly string[]): Promise<void>;
  recordMessage(record: MessageRecord): Promise<void>;
  /**
   * Records a message applied to a case on the thread key of its own Message-ID (the key a reply
   * names): the case lists its Message-IDs, so no separate record is needed, and `lookup` finds
   * the record in its one round trip. Written last, once everything the message caused is done.
   */
  recordCaseMessage(policyId: string, record: MessageRecord & { caseRef: string }): Promise<void>;
  /** Cases opened at or after `from` and before `to`: the monitoring report's period. */
  casesOpened(from: DateTime, to: DateTime): Promise<Case[]>;
  /** Every case still open, whenever it opened. */
  openCases(): Promise<Case[]>;
  /**
   * Claims the sending of a reminder or a record (by its id) for a lease: `claimed`, or `sent` when
   * it was sent before, or `held` while another invocation's lease runs. A lease that ran out (its
   * holder died between claim and send) may be claimed again.
   */
  claimSending(id: string, now: DateTime): Promise<SendClaim>;
  /** Marks a claimed send as done, for good (until its retention ends). */
  markSent(id: string, now: DateTime): Promise<void>;
  /** Gives a claim back after sending failed, so that a retry may send. */
  releaseSending(id: string): Promise<void>;
  /**
   * Claims a send on its case (Case.sends), as claimSending does, and reads the case, in one
   * request: the case as it is after the claim, and the claim; null when there is no such case.
   * Every write of a send moves the case's version on, so that a writer holding an older read
   * cannot write the claim away.
   */
  claimCaseSend(ref: string, id: string, now: DateTime): Promise<{ current: Case; claim: SendClaim } | null>;
  /** Marks a send on its case as sent, with what the case records of it (its acknowledgement), in one request. */
  markCaseSent(ref: string, id: string, now: DateTime, record?: Pick<Case, 'acknowledgedAt' | 'acknowledgementRefusedAt'>): Promise<void>;
  /** Gives this writer's claim on a case back after sending failed (or the write that made it did); a send marked sent stays so. */
  releaseCaseSend(ref: string, id: string): Promise<void>;

  // Reviews and corrections (docs/design.md, 'Corrections').
  /** Keeps a review once per message: a retry gets the review (and token) the first attempt kept. */
  openReview(review: Review): Promise<Review>;
  /** The review a token names, if any. */
  getReview(token: string): Promise<Review | null>;
  /** Writes a review's settlement (opened, dismissed) if it is still pending; false when it was settled already. */
  settleReview(settled: Review): Promise<boolean>;
  /** Reviews still waiting for the partnership, oldest first. */
  pendingReviews(): Promise<Review[]>;
  /** Keeps a line of the corrections log (idempotent per command and case), for the weekly picture. */
  logCorrection(entry: CorrectionLogEntry): Promise<void>;
  /** The corrections made at or after `from` and before `to`, oldest first. */
  corrections(from: DateTime, to: DateTime): Promise<CorrectionLogEntry[]>;
}

/** One command applied to one case: references and stages, never a name. */
export interface CorrectionLogEntry {
  caseRef: string;
  mailbox: string;
  /** ISO 8601 instant. */
  at: string;
  /** The command message's id (or an admin command's id). */
  messageId: string;
  event: 'corrected' | 'withdrawn' | 'merged' | 'opened' | 'dismissed';
  /** The commands as written, e.g. "#stage 3". */
  commands: string;
  /** The case's stage after it. */
  stage: string;
}

/** Keeps each case's one schedule naming its next reminder (docs/design.md, 'Reminders'). */
export interface ReminderBook {
  /**
   * Makes the case's schedule name its next reminder now (or deletes it once none is left).
   * `previous` is the case as it was read before this change (what its last sync booked follows
   * from it), or null for a case just created: then a change that moves no reminder costs no
   * call. Absent (a retry, a re-sync), the schedule is made right whatever it holds.
   */
  sync(current: Case, policy: Policy, previous?: Case | null): Promise<void>;
  /**
   * After a firing: the case's schedule names its first reminder still to come, with `after` as
   * its cursor (every reminder due by then was sent); left as it is when none is left, so that
   * no firing can delete what a concurrent change of the case booked.
   */
  bookNext(current: Case, policy: Policy, after: DateTime): Promise<void>;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/** Where raw messages are read from (S3 in AWS, files locally). */
export interface RawMailSource {
  read(key: string): Promise<Buffer>;
}

export interface Clock {
  now(): DateTime;
}
