import type { DateTime } from 'luxon';
import { shortDate } from '../calendar/wording.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Case } from '../cases/case.js';
import type { Form, Policy } from '../policy/schema.js';
import { findStage, stageRank, stageTitle } from '../policy/stages.js';
import { agencyOf, type AgencyDirectory } from '../records/agencies.js';
import { stageLog, type StageVisit } from '../records/stage-log.js';
import type { FilledForm, FormBlock } from './model.js';

/** What a form is filled from, besides the case: the policy, its calendar, the partnership's names for agencies. */
export interface FormContext {
  policy: Policy;
  calendar: WorkingCalendar;
  /** When the form is produced: a running stage is reported up to here. */
  now: DateTime;
  /** The partnership mailbox and its own addresses: they are the recipient of the process, not a party to it. */
  partnershipAddresses: readonly string[];
  agencies: AgencyDirectory;
}

/** The mail trail of a case, read for a form: its stage log and the words to write it in. */
export class Trail {
  readonly log: StageVisit[];

  constructor(
    readonly current: Case,
    readonly context: FormContext,
  ) {
    this.log = stageLog(current, context.policy, context.calendar, context.now);
  }

  /** "Mon 9 Nov 2026", in the policy's timezone. */
  date(instant: DateTime): string {
    return shortDate(instant, this.context.policy.timezone);
  }

  /** "Stage 3 Team/Service Manager". */
  stageName(stageId: string): string {
    return stageTitle(this.context.policy, findStage(this.context.policy, stageId));
  }

  /** The stays at one stage. */
  visitsAt(stageId: string): StageVisit[] {
    return this.log.filter((visit) => visit.stage === stageId);
  }

  /** The first stay at the stage or above it: where the form's stage was reached. */
  reached(stageId: string): StageVisit | undefined {
    const rank = stageRank(this.context.policy, stageId);
    return this.log.find((visit) => stageRank(this.context.policy, visit.stage) >= rank);
  }

  /** Who raised the form's stage (or, before it, the case): the referrer a form asks for. */
  referrer(form: Form): string | null {
    const visit = (form.stage !== undefined ? this.reached(form.stage) : undefined) ?? this.log[0];
    return visit?.raisedBy ?? null;
  }

  /** "a@one.example (Swindon Borough Council)". */
  person(address: string): string {
    return `${address} (${agencyOf(address, this.context.agencies)})`;
  }

  people(addresses: readonly string[]): string {
    return addresses.map((address) => this.person(address)).join('; ');
  }

  agency(address: string | null): string | null {
    return address ? agencyOf(address, this.context.agencies) : null;
  }

  /** Every agency that has taken part, by the domains on the case's mail, the partnership's own left out. */
  agenciesInvolved(): string[] {
    const own = new Set(this.context.partnershipAddresses.map((address) => agencyOf(address, this.context.agencies)));
    return [...new Set(this.current.participants.map((address) => agencyOf(address, this.context.agencies)))].filter((a) => !own.has(a));
  }

  /** How contact was made, as far as the mailbox can tell: it saw the email. */
  how(): string {
    return `Email, copied to the partnership (${this.current.mailbox})`;
  }

  /** "Escalated to Stage 3 on Mon 9 Nov 2026, within the timescale", "Resolved on …", "Still at this stage on …". */
  outcome(visit: StageVisit): string {
    const timing =
      visit.withinTimescale === null || visit.timescale === null
        ? ''
        : visit.withinTimescale
          ? ', within the timescale'
          : `, after the timescale (due ${this.date(visit.timescale.due)})`;
    if (visit.outcome.kind === 'advanced')
      return `Escalated to ${this.stageName(visit.outcome.to)} on ${this.date(visit.leftAt ?? visit.enteredAt)}${timing}`;
    if (visit.outcome.kind === 'resolved') return `Resolved on ${this.date(visit.leftAt ?? visit.enteredAt)}${timing}`;
    return `Still at this stage on ${this.date(this.context.now)}${timing}`;
  }

  /** "Raised by a@… with b@…; 3 messages copied to the partnership". */
  actions(visit: StageVisit): string {
    const raised = visit.raisedBy ? `Raised by ${this.person(visit.raisedBy)}` : 'Raised';
    const withWhom = visit.contacted.length ? ` with ${this.people(visit.contacted)}` : '';
    const count = `${visit.messages} message${visit.messages === 1 ? '' : 's'} copied to the partnership`;
    return `${raised}${withWhom} on ${this.date(visit.enteredAt)} by email; ${count}`;
  }

  /** The stages before `stageId`, in order. */
  stagesBefore(stageId: string): string[] {
    const rank = stageRank(this.context.policy, stageId);
    return this.context.policy.stages.filter((stage) => stageRank(this.context.policy, stage.id) < rank).map((stage) => stage.id);
  }

  /** The case's status in a line: for the head of every form. */
  status(): string {
    const { current } = this;
    if (current.status === 'resolved' && current.resolvedAt)
      return `Resolved at ${this.stageName(current.stage)} on ${this.date(this.log.at(-1)?.leftAt ?? this.context.now)}`;
    return `Open at ${this.stageName(current.stage)} on ${this.date(this.context.now)}`;
  }
}

/** The head every filled form starts with: what filled it, from what, and what is left to the professional. */
export function preamble(trail: Trail, formName: string): FormBlock[] {
  const { current, policy } = { current: trail.current, policy: trail.context.policy };
  return [
    {
      kind: 'text',
      text:
        `${formName}, pre-filled by the escalation mailbox from the mail trail of case ${current.ref} ` +
        `(${policy.partnership}, ${policy.title}). Opened ${trail.date(trail.log[0]?.enteredAt ?? trail.context.now)}. ${trail.status()}.`,
    },
    {
      kind: 'text',
      text:
        'Blank fields are about the child or adult and the concern itself: the professional completes them and sends the form by secure means only. ' +
        'The dates, stages, people and outcomes were read from the emails copied to the partnership; check them before sending.',
    },
  ];
}

/** A form whose builder is not known (a custom policy's): the case's stage log, which every policy asks to be kept. */
export function stageRecord(trail: Trail, title: string, formId: string): FilledForm {
  return {
    policyId: trail.context.policy.id,
    formId,
    caseRef: trail.current.ref,
    title,
    blocks: [
      ...preamble(trail, title),
      { kind: 'heading', text: 'Record of each stage' },
      {
        kind: 'table',
        columns: ['Stage', 'Date', 'Raised by and with', 'How', 'Outcome'],
        rows: trail.log.map((visit) => [
          trail.stageName(visit.stage),
          trail.date(visit.enteredAt),
          trail.actions(visit),
          trail.how(),
          trail.outcome(visit),
        ]),
      },
    ],
  };
}
