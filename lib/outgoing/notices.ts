import type { DateTime } from 'luxon';
import { describeDue } from '../calendar/wording.js';
import type { Case } from '../cases/case.js';
import { caseDeadlines } from '../cases/deadlines.js';
import { publicAddressOf, type Mailbox } from '../config.js';
import type { Policy } from '../policy/schema.js';
import { findStage, stageTitle } from '../policy/stages.js';
import { reviewTag } from '../cases/review.js';
import { commandLink } from './links.js';
import type { OutgoingMail } from './mail.js';

interface Context {
  policy: Policy;
  mailbox: string;
  closureDays: readonly string[];
  /** The case's recipients, by the same rules as its reminders. */
  to: readonly string[];
}

/** The one acknowledgement a case's people get when it opens: reference, stage, deadlines, how to record progress. */
export function acknowledgement(opened: Case, { policy, mailbox, closureDays, to }: Context): OutgoingMail {
  const stage = findStage(policy, opened.stage);
  const title = stageTitle(policy, stage);
  const deadlines = caseDeadlines(opened, policy, closureDays);
  const word = policy.vocabulary.stageWords[0] ?? 'stage';
  const next = policy.stages[policy.stages.indexOf(stage) + 1];
  const lines = [
    `This professional disagreement is now tracked under ${policy.partnership}'s ${policy.title} as case ${opened.ref}.`,
    '',
    `It is at ${title}. Owner: ${stage.owner}.`,
    ...deadlines.map((d) => `- ${d.label}: ${describeDue(d.due, policy.timezone)}.`),
    ...(deadlines.length === 0 ? ['This stage has no timescale of its own.'] : []),
    '',
    ...(next ? [`If it is not resolved at this ${word}, the next is ${stageTitle(policy, next)} (${next.owner}).`, ''] : []),
    `To record progress, reply to this thread keeping [${opened.ref}] in the subject, and copy ${mailbox}:`,
    `write "escalating to ${word.charAt(0).toUpperCase()}${word.slice(1)} <number>" when it moves on, or "resolved" when it is resolved.`,
    '',
    'This is an automatic message. It holds no personal details: please do not reply with any.',
  ];
  return {
    kind: 'acknowledgement',
    caseRef: opened.ref,
    stage: opened.stage,
    to: [...to],
    cc: [],
    subject: `[${opened.ref}] Professional disagreement recorded: ${title}`,
    text: lines.join('\n'),
    replyTo: mailbox,
  };
}

/**
 * A message a person must look at: sent to the partnership only, with the reason, when it came, its
 * fingerprint (the SHA-256 of its bytes, as `sha256sum` gives it for the stored message) and
 * one-click commands. Never its Message-ID: the sender chooses that, and it could carry any words
 * or links into the partnership's mail. With no fingerprint, it is an email that could not be sent.
 */
export function reviewRequest(
  input: { fingerprint: string | null; receivedAt: DateTime; reason: string; caseRef: string | null; stage: string | null; token?: string },
  partnershipAddresses: readonly string[],
  mailbox: string,
  policy: Policy,
): OutgoingMail {
  const about = input.caseRef ? `case ${input.caseRef}` : 'no case';
  const received = input.receivedAt.toUTC().toISO() ?? '';
  const what = input.fingerprint ? 'a message the escalation mailbox did not act on' : 'an email the escalation mailbox could not send';
  const subject = `${input.caseRef ? `[${input.caseRef}] ` : ''}Review needed${input.token ? ` ${reviewTag(input.token)}` : ''}: ${what}`;
  const link = (label: string, command: string) => commandLink(label, mailbox, subject, command);
  const title = (stageId: string) => stageTitle(policy, findStage(policy, stageId));
  const next = input.stage ? policy.stages[policy.stages.findIndex((s) => s.id === input.stage) + 1] : undefined;
  const links = input.caseRef
    ? [
        ...(next ? [link(`Move ${input.caseRef} to ${title(next.id)}`, `#stage ${next.id}`)] : []),
        link(`Resolve ${input.caseRef}`, '#resolved'),
        ...(input.token ? [link('Nothing to do: dismiss this review', '#not-a-case')] : []),
      ]
    : input.token
      ? [
          ...policy.stages.map((stage) => link(`Open as a case at ${title(stage.id)}`, `#open stage ${stage.id}`)),
          link('Not a case: dismiss this review', '#not-a-case'),
        ]
      : [];
  return {
    kind: 'review',
    caseRef: input.caseRef,
    stage: input.stage,
    to: [...partnershipAddresses],
    cc: [],
    subject,
    text: [
      input.fingerprint
        ? `A message copied to ${mailbox} needs a person to look at it (${about}).`
        : `Something about ${about} needs a person to look at it.`,
      '',
      `Why: ${input.reason}.`,
      ...(input.fingerprint ? [`Received: ${received}`, `Fingerprint (SHA-256): ${input.fingerprint}`] : [`At: ${received}`]),
      '',
      input.fingerprint
        ? 'Find it in the mailbox by the time it was received. No case changed stage or status because of it.'
        : 'The case itself is recorded and its reminders are booked.',
      ...(links.length > 0
        ? [`To act on it, reply to this email from a partnership address with a command as the first line (${COMMANDS_IN_BRIEF}).`]
        : []),
    ].join('\n'),
    replyTo: mailbox,
    links,
  };
}

/** An email to a case's people that the mail service refused for good: the partnership is told, once, in its place. */
export function refusedSendReview(current: Case, mailbox: Mailbox, reason: string, at: DateTime): OutgoingMail {
  return reviewRequest(
    { fingerprint: null, receivedAt: at, reason, caseRef: current.ref, stage: current.stage },
    mailbox.partnershipAddresses,
    publicAddressOf(mailbox),
    mailbox.policy,
  );
}

/** The commands, in one line, for the emails that invite them. */
export const COMMANDS_IN_BRIEF = '#open [stage <n>], #not-a-case, #stage <n>, #resolved, #reopen, #merge <REF>, #due <date>';
