import type { Form } from '../../policy/schema.js';
import type { FilledForm } from '../model.js';
import { preamble, type Trail } from '../trail.js';

/** Swindon Appendix 1, Resolution Form (for use at Stage 5), with its "Tell us what you have done so far" table. */
export function swindonResolutionForm(trail: Trail, form: Form): FilledForm {
  const referrer = trail.referrer(form);
  const rows = trail.stagesBefore(form.stage ?? '5').map((stageId) => {
    const visits = trail.visitsAt(stageId);
    if (visits.length === 0) return [stageId, null, null, null, null];
    return [
      stageId,
      visits.map((v) => trail.date(v.enteredAt)).join('; '),
      visits.map((v) => trail.people(v.contacted) || null).join('; ') || null,
      trail.how(),
      visits.map((v) => trail.outcome(v)).join('; '),
    ];
  });
  return {
    policyId: trail.context.policy.id,
    formId: form.id,
    caseRef: trail.current.ref,
    title: 'Resolution Form (for use at Stage 5 of the process)',
    blocks: [
      ...preamble(trail, form.name),
      { kind: 'heading', text: 'RESOLUTION FORM' },
      {
        kind: 'fields',
        rows: [
          { label: 'Name and D.O.B of the Adult(s)/ Child(ren)/ Family', value: null },
          { label: 'Address', value: null },
          { label: 'Name of the agency seeking a solution', value: trail.agency(referrer) },
          { label: 'Name, role and contact details of agency representative seeking a solution', value: referrer },
          { label: 'What are you worried about?', value: null },
          { label: 'What action do you believe is needed?', value: null },
        ],
      },
      { kind: 'heading', text: 'Tell us what you have done so far' },
      {
        kind: 'table',
        columns: [
          'Stage',
          'Date Contact Made',
          'Who did you contact (Name & Title)',
          'How did you contact them',
          'Outcome/Reason for moving to next stage',
        ],
        rows,
      },
      {
        kind: 'text',
        text: 'If you have not found a suitable resolution on completion of Stage 4 (Day 17) then please forward this completed form on to the Swindon Safeguarding Partnership.',
      },
    ],
  };
}
