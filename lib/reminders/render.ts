import { describeDue } from '../calendar/wording.js';
import type { Case } from '../cases/case.js';
import { publicAddressOf, type Deployment, type Mailbox } from '../config.js';
import type { OutgoingMail } from '../outgoing/mail.js';
import { caseRecipients } from '../outgoing/recipients.js';
import { findStage, stageTitle } from '../policy/stages.js';
import type { PlannedReminder } from './plan.js';

/**
 * Who a reminder goes to: the case's recipients (see `caseRecipients`); an overdue notice copies
 * the partnership, and goes to it alone when nobody else qualifies.
 */
export function reminderRecipients(
  current: Case,
  reminder: PlannedReminder,
  mailbox: Mailbox,
  deployment: Deployment,
): { to: string[]; cc: string[] } {
  const to = caseRecipients(current, mailbox, deployment);
  if (reminder.kind === 'due-soon') return { to, cc: [] };
  return to.length > 0 ? { to, cc: [...mailbox.partnershipAddresses] } : { to: [...mailbox.partnershipAddresses], cc: [] };
}

/** The reminder email: reference, stage and owner, what is due by when, what follows, how to record progress. */
export function reminderMail(current: Case, reminder: PlannedReminder, mailbox: Mailbox, deployment: Deployment): OutgoingMail {
  const { policy } = mailbox;
  const stage = findStage(policy, current.stage);
  const title = stageTitle(policy, stage);
  const word = policy.vocabulary.stageWords[0] ?? 'stage';
  const Word = `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
  const due = describeDue(reminder.deadline.due, policy.timezone);
  const next = policy.stages[policy.stages.indexOf(stage) + 1];
  const what = reminder.deadline.kind === 'overall' ? `the whole process: ${reminder.deadline.label}` : reminder.deadline.label;
  const overdue = reminder.kind === 'overdue';
  const lines = [
    `Case ${current.ref} is at ${title} under ${policy.partnership}'s ${policy.title}.`,
    `Owner: ${stage.owner}.`,
    '',
    overdue ? `This was due ${due} and is now overdue:` : `This is due ${due}:`,
    `  ${what}.`,
    '',
    next
      ? `If it is not resolved at this ${word}, the policy's next step is ${stageTitle(policy, next)} (${next.owner}).`
      : `This is the last ${word} of the policy.`,
    ...(overdue ? ['The partnership has been told that this deadline has passed.'] : []),
    '',
    `To record progress, reply to this email keeping [${current.ref}] in the subject, and copy ${publicAddressOf(mailbox)}:`,
    next
      ? `write "escalating to ${Word} ${next.id}" if it moves on, or "resolved" when it is resolved.`
      : 'write "resolved" when it is resolved.',
    '',
    'This is an automatic reminder. It holds no personal details: please do not reply with any.',
  ];
  return {
    kind: reminder.kind,
    caseRef: current.ref,
    stage: current.stage,
    ...reminderRecipients(current, reminder, mailbox, deployment),
    subject: `[${current.ref}] ${overdue ? 'Overdue' : 'Due soon'}: ${title}, ${overdue ? 'was due' : 'due'} ${due}`,
    text: lines.join('\n'),
    replyTo: publicAddressOf(mailbox),
  };
}
