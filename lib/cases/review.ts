/**
 * A message sent to the partnership for review, kept so that a reply can act on it (`#open`,
 * `#not-a-case`): what is needed to open a case from it, never its text. Named in the review
 * request's subject by a token nobody can guess, so only a reply to that request reaches it.
 */
export interface Review {
  token: string;
  messageId: string;
  /** The mailbox it was copied to, and that mailbox's policy. */
  mailbox: string;
  policyId: string;
  /** The case it was about, if any. */
  caseRef: string | null;
  reason: string;
  /** ISO 8601 instant it was received. */
  receivedAt: string;
  /** The stage a case opened from it would start at, as the reader saw it. */
  suggestedStage: string;
  /** What a case opened from it needs: addresses and Message-IDs only. */
  from: string | null;
  people: string[];
  contacts: string[];
  threadKeys: string[];
  status: 'pending' | 'opened' | 'dismissed';
  /** When and by whom it was settled, and the case it opened. */
  settledAt?: string;
  settledBy?: string;
  openedRef?: string;
  /** The command (message id) that settled it: its retry finishes the job, any other is refused. */
  settledWith?: string;
}

/** 96 random bits as 24 lower-case hex digits: never a case reference, never guessed. */
export const REVIEW_TOKEN = /\breview ([0-9a-f]{24})\b/i;

export const reviewTag = (token: string): string => `[review ${token}]`;

/** The token a subject names, if any. */
export function reviewTokenOf(subject: string): string | null {
  return REVIEW_TOKEN.exec(subject)?.[1]?.toLowerCase() ?? null;
}
