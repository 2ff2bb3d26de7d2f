import type { Form } from '../../policy/schema.js';
import type { FilledForm, FormBlock } from '../model.js';
import { preamble, type Trail } from '../trail.js';

/** The proforma's heading for each step before the referral. */
const STEP_HEADINGS: Readonly<Record<string, string>> = {
  '1': 'Step 1 - Resolution by professional/practitioner',
  '2': 'Step 2 – Resolution by Line Manager',
  '3': 'Step 3 – Resolution by Senior Manager (or equivalent)',
};

/** Sunderland Appendix 1, Dispute Resolution – Referral to SSCP: each step's actions and outcome. */
export function sunderlandReferral(trail: Trail, form: Form): FilledForm {
  const referrer = trail.referrer(form);
  const referral = form.stage !== undefined ? trail.reached(form.stage) : undefined;
  const steps: FormBlock[] = trail.stagesBefore(form.stage ?? '4').flatMap((stageId) => {
    const visits = trail.visitsAt(stageId);
    return [
      { kind: 'heading', text: STEP_HEADINGS[stageId] ?? trail.stageName(stageId) },
      {
        kind: 'fields',
        rows: [
          { label: 'Actions Taken', value: visits.map((v) => trail.actions(v)).join('; ') || null },
          { label: 'Outcome', value: visits.map((v) => trail.outcome(v)).join('; ') || null },
          { label: 'Has any learning been identified?', value: null },
        ],
      },
    ];
  });
  return {
    policyId: trail.context.policy.id,
    formId: form.id,
    caseRef: trail.current.ref,
    title: 'DISPUTE RESOLUTION – REFERRAL TO SSCP',
    blocks: [
      ...preamble(trail, form.name),
      {
        kind: 'fields',
        rows: [
          { label: 'Name and designation of Referrer', value: referrer },
          { label: 'Contact Details of Referrer', value: referrer },
          { label: 'Date information passed to SSCB Strategic Business Manager', value: referral ? trail.date(referral.enteredAt) : null },
          { label: 'Reason for implementing the SSCP Escalation and Challenge Protocol (to be completed by the referrer)', value: null },
        ],
      },
      ...steps,
      {
        kind: 'fields',
        rows: [
          { label: 'Date Complete', value: null },
          { label: 'Signed', value: null },
        ],
      },
    ],
  };
}
