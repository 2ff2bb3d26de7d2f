/** A person on a message: address lower-cased, display name as written. */
export interface Participant {
  address: string;
  name: string;
}

/** What is kept of an attachment: never its contents. */
export interface AttachmentInfo {
  filename: string | null;
  contentType: string;
  size: number;
}

/** SES's verdicts: PASS, FAIL, GRAY, PROCESSING_FAILED; null when nobody gave one. */
export type Verdict = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | null;

export interface Verdicts {
  spam: Verdict;
  virus: Verdict;
  spf: Verdict;
  dkim: Verdict;
  dmarc: Verdict;
}

export interface NoiseFlags {
  autoReply: boolean;
  bounce: boolean;
  ownMail: boolean;
}

/** A message forwarded inside this one (inline or attached): history, but its people count. */
export interface ForwardedMessage {
  from: Participant[];
  to: Participant[];
  cc: Participant[];
  subject: string | null;
}

/** One parsed email: what the case logic needs, and nothing of the body but the newly written text. */
export interface Message {
  messageId: string;
  /** True when the message had no Message-ID and one was derived from a hash of its bytes. */
  messageIdDerived: boolean;
  /** SHA-256 of the raw bytes: the only identifier of a message that may appear in logs. */
  sha256: string;
  size: number;
  date: Date | null;
  from: Participant | null;
  to: Participant[];
  cc: Participant[];
  replyTo: Participant[];
  /** As written, decoded. */
  subject: string;
  /** Without reply/forward prefixes and tags such as [EXTERNAL]. */
  cleanSubject: string;
  /** Case references found in the subject, e.g. SSP-2026-0007. */
  referenceTags: string[];
  inReplyTo: string | null;
  references: string[];
  attachments: AttachmentInfo[];
  forwarded: ForwardedMessage[];
  flags: NoiseFlags;
  /** Why each flag is set, for people reading `explain`. */
  flagReasons: string[];
  verdicts: Verdicts;
  /** Only what the sender wrote in this message: no quoted history, signature or disclaimer. */
  newText: string;
  /** The quoted history and forwarded text, kept apart so that it gives mentions, never signals. */
  historyText: string;
}
