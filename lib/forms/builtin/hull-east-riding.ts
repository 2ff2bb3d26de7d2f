import type { Form } from '../../policy/schema.js';
import type { FilledForm } from '../model.js';
import { preamble, type Trail } from '../trail.js';

/** Hull and East Riding Appendix B, Stage 6 Involvement of the LSCP/SAB. */
export function hullStageSixForm(trail: Trail, form: Form): FilledForm {
  const formStage = form.stage ?? '6';
  const referrer = trail.referrer(form);
  const referral = trail.reached(formStage);
  const earlier = trail.log.filter((visit) => trail.stagesBefore(formStage).includes(visit.stage));
  return {
    policyId: trail.context.policy.id,
    formId: form.id,
    caseRef: trail.current.ref,
    title: 'Appendix B Stage 6 Involvement of the LSCP/SAB',
    blocks: [
      ...preamble(trail, form.name),
      {
        kind: 'fields',
        rows: [
          { label: 'Date of Referral', value: referral ? trail.date(referral.enteredAt) : null },
          { label: 'Name of Referrer', value: referrer },
          { label: 'Job Title', value: null },
          { label: 'Agency', value: trail.agency(referrer) },
          { label: 'Address/Email Address', value: referrer },
        ],
      },
      { kind: 'heading', text: 'Family Details – First Name, Surname and DOB' },
      {
        kind: 'fields',
        rows: [
          { label: 'Parents', value: null },
          { label: 'Children', value: null },
          { label: 'Family Address', value: null },
        ],
      },
      {
        kind: 'fields',
        rows: [
          { label: 'Agencies involved – in the dispute or in the case generally', value: trail.agenciesInvolved().join('; ') || null },
          { label: 'Issues of Concern/Nature of Disagreement', value: null },
        ],
      },
      { kind: 'heading', text: 'Dates and Outcomes of all stages prior to stage six' },
      {
        kind: 'table',
        columns: ['Stage', 'Date', 'Who was involved', 'Outcome'],
        rows: earlier.map((visit) => [
          trail.stageName(visit.stage),
          trail.date(visit.enteredAt),
          trail.actions(visit),
          trail.outcome(visit),
        ]),
      },
      { kind: 'fields', rows: [{ label: 'Desired Outcome', value: null }] },
    ],
  };
}
