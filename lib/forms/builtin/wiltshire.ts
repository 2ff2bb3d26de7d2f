import type { Form } from '../../policy/schema.js';
import type { FilledForm } from '../model.js';
import { preamble, type Trail } from '../trail.js';

/** Wiltshire's WSCB 'Notification of an Escalation': one row per stage the case went through. */
export function wiltshireNotification(trail: Trail, form: Form): FilledForm {
  const referralStage = trail.context.policy.stages.at(-1)?.id ?? '3';
  const referred = trail.reached(referralStage);
  return {
    policyId: trail.context.policy.id,
    formId: form.id,
    caseRef: trail.current.ref,
    title: "WSCB 'Notification of an Escalation'",
    blocks: [
      ...preamble(trail, form.name),
      {
        kind: 'text',
        text: 'To be completed by one of the managers who resolved the concern and sent to WSCB Business Support. Remember to anonymise the client.',
      },
      {
        kind: 'table',
        columns: [
          'Date',
          'Escalation Stage',
          'Name and agency of professionals involved',
          'Issue/Concern',
          'Record of discussions',
          'Outcome',
          'Date referred to WSCB (if necessary)',
        ],
        rows: trail.log.map((visit) => [
          trail.date(visit.enteredAt),
          trail.stageName(visit.stage),
          trail.people([...(visit.raisedBy ? [visit.raisedBy] : []), ...visit.contacted]) || null,
          null,
          trail.actions(visit),
          trail.outcome(visit),
          referred ? trail.date(referred.enteredAt) : 'Not referred',
        ]),
      },
    ],
  };
}
