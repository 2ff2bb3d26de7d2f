import type { Form } from '../policy/schema.js';
import { hullStageSixForm } from './builtin/hull-east-riding.js';
import { sunderlandReferral } from './builtin/sunderland.js';
import { swindonResolutionForm } from './builtin/swindon.js';
import { telfordReferralForm } from './builtin/telford-wrekin.js';
import { wiltshireNotification } from './builtin/wiltshire.js';
import type { FilledForm } from './model.js';
import { stageRecord, type Trail } from './trail.js';

type FormBuilder = (trail: Trail, form: Form) => FilledForm;

/** The built-in policies' forms, by `<policy id>/<form id>`: each laid out as its seed prints it. */
const BUILDERS: Readonly<Record<string, FormBuilder>> = {
  'swindon/appendix-1': swindonResolutionForm,
  'hull-east-riding/appendix-b': hullStageSixForm,
  'wiltshire/notification-of-an-escalation': wiltshireNotification,
  'telford-wrekin/appendix-3': telfordReferralForm,
  'sunderland/appendix-1': sunderlandReferral,
};

/** The forms a case owes the partnership: the policy's own, or its stage record when the policy names none. */
export function fillForms(trail: Trail): FilledForm[] {
  const { policy } = trail.context;
  if (policy.forms.length === 0) return [stageRecord(trail, 'Record of the resolution process', 'stage-record')];
  return policy.forms.map((form) => {
    const builder = BUILDERS[`${policy.id}/${form.id}`];
    return builder ? builder(trail, form) : stageRecord(trail, form.name, form.id);
  });
}
