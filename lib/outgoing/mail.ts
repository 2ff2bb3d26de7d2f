export type OutgoingKind = 'acknowledgement' | 'due-soon' | 'overdue' | 'review' | 'closure';

/** An email the system sends: it names a case, a stage and a deadline, never a person or a child. */
export interface OutgoingMail {
  kind: OutgoingKind;
  caseRef: string | null;
  stage: string | null;
  to: string[];
  cc: string[];
  /** Starts with `[<REF>]` whenever there is a case. */
  subject: string;
  text: string;
  /** Replies go to the partnership mailbox, so they thread back into the case. */
  replyTo: string;
}
