import type { Case } from '../cases/case.js';
import type { Form, Policy } from '../policy/schema.js';
import { findStage, stageTitle } from '../policy/stages.js';
import type { StageVisit } from '../records/stage-log.js';
import { commandLink } from './links.js';
import type { Attachment, OutgoingMail } from './mail.js';

interface RecordContext {
  policy: Policy;
  mailbox: string;
  monitoringAddress: string;
  /** The stage log, for the summary lines: stages, dates and outcomes, never a person. */
  log: readonly StageVisit[];
  /** "Mon 9 Nov 2026" in the policy's timezone. */
  date: (visit: StageVisit['enteredAt']) => string;
  attachments: Attachment[];
}

const name = (policy: Policy, stageId: string) => stageTitle(policy, findStage(policy, stageId));

/** One line a stage: when it started and how it ended. Addresses stay in the attachments. */
function logLines({ policy, log, date }: RecordContext): string[] {
  return log.map((visit) => {
    const ended =
      visit.outcome.kind === 'advanced'
        ? `escalated to ${name(policy, visit.outcome.to)} on ${date(visit.leftAt ?? visit.enteredAt)}`
        : visit.outcome.kind === 'resolved'
          ? `resolved on ${date(visit.leftAt ?? visit.enteredAt)}`
          : 'still running';
    const timing = visit.withinTimescale === null ? '' : visit.withinTimescale ? ', within its timescale' : ', past its timescale';
    return `- ${name(policy, visit.stage)}: from ${date(visit.enteredAt)}, ${ended}${timing} (${visit.workingDays.toFixed(1)} working days).`;
  });
}

const files = (attachments: Attachment[]) => attachments.map((a) => a.filename).join(', ');

const FOOTER = [
  'Blank fields in the forms are about the child or adult and the concern itself: they are for the professional to complete and send by secure means only.',
  '',
  'This is an automatic message to the partnership only. It holds no personal details of the child or adult.',
];

/** To the partnership's monitoring address when a case reaches the stage a form belongs to: the form, pre-filled. */
export function formNotice(current: Case, form: Form, context: RecordContext): OutgoingMail {
  const { policy } = context;
  const stage = name(policy, current.stage);
  const subject = `[${current.ref}] ${form.name}: pre-filled at ${stage}`;
  const next = policy.stages[policy.stages.findIndex((s) => s.id === current.stage) + 1];
  return {
    kind: 'form',
    caseRef: current.ref,
    stage: current.stage,
    to: [context.monitoringAddress],
    cc: [],
    subject,
    text: [
      `Case ${current.ref} has reached ${stage} under ${policy.partnership}'s ${policy.title}, where the policy asks for ${form.name}.`,
      `(${form.source.clause}: "${form.source.quote}")`,
      '',
      `Attached, pre-filled from the emails copied to ${context.mailbox}: ${files(context.attachments)}.`,
      '',
      'Stages so far:',
      ...logLines(context),
      '',
      ...FOOTER,
    ].join('\n'),
    replyTo: context.mailbox,
    links: [
      ...(next ? [commandLink(`Move to ${name(policy, next.id)}`, context.mailbox, subject, `#stage ${next.id}`)] : []),
      commandLink('Resolved', context.mailbox, subject, '#resolved'),
      commandLink('Not a case: withdraw it', context.mailbox, subject, '#not-a-case'),
    ],
    attachments: context.attachments,
  };
}

/** To the partnership's monitoring address when a case is resolved: the stage log in brief and the policy's forms. */
export function closureSummary(current: Case, context: RecordContext): OutgoingMail {
  const { policy, log } = context;
  const timed = log.filter((visit) => visit.withinTimescale !== null);
  const within = timed.filter((visit) => visit.withinTimescale === true).length;
  const opened = log[0]?.enteredAt;
  const resolved = log.at(-1)?.leftAt;
  const subject = `[${current.ref}] Closure summary: resolved at ${name(policy, current.stage)}`;
  return {
    kind: 'closure',
    caseRef: current.ref,
    stage: current.stage,
    to: [context.monitoringAddress],
    cc: [],
    subject,
    text: [
      `Case ${current.ref} (${policy.partnership}, ${policy.title}) was resolved at ${name(policy, current.stage)}.`,
      `Opened ${opened ? context.date(opened) : 'unknown'}; resolved ${resolved ? context.date(resolved) : 'unknown'}.`,
      timed.length ? `${within} of ${timed.length} stages with a timescale finished within it.` : 'No stage of this case had a timescale.',
      '',
      'Stages:',
      ...logLines(context),
      '',
      `Attached, the policy's records pre-filled from the emails copied to ${context.mailbox}: ${files(context.attachments)}.`,
      '',
      ...FOOTER,
    ].join('\n'),
    replyTo: context.mailbox,
    links: [
      commandLink('Reopen', context.mailbox, subject, '#reopen'),
      commandLink('Not a case: withdraw it', context.mailbox, subject, '#not-a-case'),
    ],
    attachments: context.attachments,
  };
}
