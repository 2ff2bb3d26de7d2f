/** `form`: a policy's form, pre-filled when a case reaches the form's stage; `closure`: the summary when a case is resolved; `report`: the monthly monitoring report. */
/** `confirmation`: the reply to a partnership's command; `digest`: the weekly picture. */
export type OutgoingKind =
  'acknowledgement' | 'due-soon' | 'overdue' | 'review' | 'form' | 'closure' | 'report' | 'confirmation' | 'digest';

/** A one-click command: a `mailto:` link that prefills the command and the subject it needs. */
export interface MailLink {
  label: string;
  href: string;
}

/** The media type of the Word forms. */
export const WORD_DOCUMENT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file sent with a record: the partnership's forms, the monitoring report. */
export interface Attachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

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
  /** Commands the partnership can send with one click: listed in the plain part, links in the HTML part. */
  links?: MailLink[];
  /** Only records to the partnership carry files; reminders never do. */
  attachments?: Attachment[];
}
