import { reviewTag } from '../cases/review.js';
import type { OutgoingMail } from './mail.js';

interface Reply {
  caseRef: string | null;
  stage: string | null;
  /** The review the command was about, when it was one. */
  reviewToken: string | null;
  partnershipAddresses: readonly string[];
  mailbox: string;
}

const subjectOf = (reply: Reply, what: string) =>
  `${reply.caseRef ? `[${reply.caseRef}] ` : ''}${reply.reviewToken ? `${reviewTag(reply.reviewToken)} ` : ''}${what}`;

const FOOTER = 'This is an automatic reply to the partnership only. It holds no personal details.';

/** The short reply that confirms a command: what changed, the case's stage and deadlines now. */
export function confirmation(reply: Reply, input: { commands: string; done: readonly string[]; now: readonly string[] }): OutgoingMail {
  return {
    kind: 'confirmation',
    caseRef: reply.caseRef,
    stage: reply.stage,
    to: [...reply.partnershipAddresses],
    cc: [],
    subject: subjectOf(reply, `Correction applied: ${input.commands}`),
    text: [
      `Applied: ${input.commands}.`,
      ...input.done.map((line) => `- ${line}.`),
      ...(input.now.length ? ['', ...input.now] : []),
      '',
      FOOTER,
    ].join('\n'),
    replyTo: reply.mailbox,
  };
}

/** The reply to a command that could not be applied: why, the commands there are, and that nothing changed. */
export function refusal(reply: Reply, input: { problems: readonly string[]; help: readonly string[] }): OutgoingMail {
  return {
    kind: 'confirmation',
    caseRef: reply.caseRef,
    stage: reply.stage,
    to: [...reply.partnershipAddresses],
    cc: [],
    subject: subjectOf(reply, 'Correction not applied'),
    text: [
      'Nothing was changed: the command could not be applied.',
      ...input.problems.map((problem) => `- ${problem}.`),
      '',
      "Commands are read from the first lines of a reply to one of the escalation mailbox's emails, sent from a partnership address, one a line:",
      ...input.help.map((line) => `- ${line}`),
      '',
      FOOTER,
    ].join('\n'),
    replyTo: reply.mailbox,
  };
}
