/** `withdrawn`: opened in error and withdrawn by the partnership (a correction): no reminders, left out of the figures. */
export type CaseStatus = 'open' | 'resolved' | 'withdrawn';
/** `corrected`, `withdrawn`, `merged`: the partnership's commands (docs/design.md, 'Corrections'). */
export type CaseEvent = 'opened' | 'advanced' | 'resolved' | 'reopened' | 'noted' | 'corrected' | 'withdrawn' | 'merged';

/** A deadline the agencies agreed for the current stage (`#due`): it stands while the case stays in that stage visit. */
export interface AgreedDue {
  stage: string;
  /** The stage visit it was agreed for: the case's `stageStartedAt` then. */
  stageStartedAt: string;
  /** ISO 8601 instant: the agreed date, 17:00 local. */
  due: string;
}

/** A send on a case: claimed by a holder until its lease runs out (it died if it has not marked it since), or sent. */
export type CaseSend = { state: 'claimed'; holder: string; leaseUntil: string } | { state: 'sent'; sentAt: string };

/** One transition of a case and the message that caused it. */
export interface HistoryEntry {
  /** ISO 8601 instant. */
  at: string;
  event: CaseEvent;
  /** The stage after the event. */
  stage: string;
  messageId: string;
  /** Why a message changed nothing, or went to review. */
  note?: string;
  /** Who sent the message: what the policies' forms call who raised the stage. */
  from?: string;
  /** The case's status after a command (`corrected`, `withdrawn`, `merged`): how the stage log reads a correction. */
  status?: CaseStatus;
  /** Whom it was sent to (To and Cc, less the sender and the partnership): who was contacted. */
  to?: string[];
}

/**
 * A professional disagreement being tracked: what the store keeps. Message metadata only, never
 * a body, a subject or a name: people are kept as addresses, to remind them.
 */
export interface Case {
  ref: string;
  policyId: string;
  /** The partnership mailbox the case's mail was copied to. */
  mailbox: string;
  status: CaseStatus;
  stage: string;
  openedAt: string;
  stageStartedAt: string;
  resolvedAt: string | null;
  /** Every message attributed to the case, in processing order. */
  messages: string[];
  history: HistoryEntry[];
  /** Every address that has appeared on the case's messages. */
  participants: string[];
  /** The domains of those addresses: a stranger's domain is not on this list. */
  domains: string[];
  /** The people on the message that opened the current stage (From, To, Cc), less the partnership's own addresses. */
  stageContacts: string[];
  /** Every Message-ID the case's messages carry or mention. */
  threadKeys: string[];
  /** When the opening acknowledgement went out; null until it has, so a retry sends it. */
  acknowledgedAt: string | null;
  /** When the mail service refused the acknowledgement for good (it went to review instead); absent otherwise. */
  acknowledgementRefusedAt?: string;
  /** The current stage's agreed deadline, when the partnership set one (`#due`). */
  agreedDue?: AgreedDue | null;
  /**
   * What the case has sent or is sending, by send id (its acknowledgement, reminders, forms,
   * closure summary): each claimed for a lease, then marked sent, on the case item itself, so
   * that a claim costs no request of its own when the case is written anyway, and a reminder
   * firing reads its case and claims its send in one (lib/outgoing/send-once.ts).
   */
  sends?: Record<string, CaseSend>;
  /** Optimistic-locking version: each write expects the one it read. */
  version: number;
}

export const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

export function union(list: readonly string[], more: readonly string[]): string[] {
  const set = new Set(list);
  const added = more.filter((item) => !set.has(item) && set.add(item));
  return added.length === 0 ? [...list] : [...list, ...added];
}
