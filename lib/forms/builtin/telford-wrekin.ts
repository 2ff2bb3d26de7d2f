import type { Form } from '../../policy/schema.js';
import type { FilledForm } from '../model.js';
import { preamble, type Trail } from '../trail.js';

/** Telford & Wrekin Appendix 3, Resolution and Escalation Referral Form (used from Stage 3). */
export function telfordReferralForm(trail: Trail, form: Form): FilledForm {
  const referrer = trail.referrer(form);
  const referral = form.stage !== undefined ? trail.reached(form.stage) : undefined;
  const resolved = trail.current.status === 'resolved' ? trail.log.at(-1) : undefined;
  return {
    policyId: trail.context.policy.id,
    formId: form.id,
    caseRef: trail.current.ref,
    title: 'Resolution and Escalation Referral Form',
    blocks: [
      ...preamble(trail, form.name),
      {
        kind: 'text',
        text: 'FORMAL ESCALATION FORM (to be used from Stage 3 only and sent to the relevant senior manager or other designated professional)',
      },
      {
        kind: 'fields',
        rows: [
          { label: 'Client Reference Number (if applicable)', value: null },
          { label: 'Date', value: referral ? trail.date(referral.enteredAt) : null },
          { label: 'Name of Individual', value: null },
          { label: 'Date of Birth', value: null },
          { label: 'NHS Number', value: null },
          { label: 'Agency/Team', value: trail.agency(referrer) },
          { label: 'Named GP and Surgery', value: null },
          {
            label:
              'Summary of Concerns, including the specific difference/s which has resulted in utilising the Escalation process ' +
              '(It is important that you provide information that details how you have made every effort to resolve this matter at a local level within Stages 1 & 2)',
            value: null,
          },
          { label: 'Requested Action', value: null },
          { label: 'Response', value: null },
          { label: 'Date', value: null },
          { label: 'Signature', value: null },
          { label: 'Resolution of Issues', value: resolved ? trail.outcome(resolved) : null },
          { label: 'Date', value: resolved?.leftAt ? trail.date(resolved.leftAt) : null },
          { label: 'Signature', value: null },
        ],
      },
      { kind: 'heading', text: 'Actions taken to resolve the professional disagreement' },
      {
        kind: 'table',
        columns: ['Stage', 'Date', 'Actions taken', 'Outcome'],
        rows: trail.log.map((visit) => [
          trail.stageName(visit.stage),
          trail.date(visit.enteredAt),
          trail.actions(visit),
          trail.outcome(visit),
        ]),
      },
      {
        kind: 'fields',
        rows: [
          { label: 'Date', value: null },
          { label: 'Signature', value: null },
        ],
      },
    ],
  };
}
