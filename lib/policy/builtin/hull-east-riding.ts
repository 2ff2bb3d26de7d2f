import { workingDays, workingHours } from '../../calendar/timescale.js';
import type { PolicyInput, TimedDuty } from '../schema.js';

const TABLE = '§4 Process for Professional Resolutions, table';

/** "Within 24 hours – 48 hours" (stages 4–6): the target is 24 h, the deadline 48 h. */
function twentyFourToFortyEight(stage: number, what: string): TimedDuty {
  return {
    timescale: workingHours(48),
    what,
    source: { clause: `${TABLE}, stage ${stage}, Timescale`, quote: 'Within 24 hours – 48 hours' },
  };
}

/**
 * Seed 001: Hull and East Riding Safeguarding Children Partnerships and Safeguarding Adults
 * Boards, Professional Resolution Practice Guidance, June 2025.
 */
export const hullEastRiding: PolicyInput = {
  id: 'hull-east-riding',
  partnership: 'Hull and East Riding Safeguarding Children Partnerships and Safeguarding Adults Boards',
  title: 'Professional Resolution Practice Guidance',
  source: { seed: '001_e67ec44d39cf3ecd.txt', published: 'June 2025, agreed July 2025, review June 2026' },
  referencePrefix: 'HERSP',
  timezone: 'Europe/London',
  calendar: 'england-and-wales',
  vocabulary: { stageWords: ['stage'] },
  stages: [
    {
      id: '1',
      name: 'Practitioner to practitioner',
      owner: 'The practitioner raising the issue for resolution',
      summary: 'The professional who is dissatisfied discusses it with the other agency to agree a resolution, documented on the record.',
      aliases: ['practitioner to practitioner'],
      deadline: {
        timescale: workingHours(24),
        what: 'the discussion between the agencies takes place',
        source: { clause: `${TABLE}, stage 1, Timescale`, quote: 'Discussion to take place within 24 hours.' },
      },
    },
    {
      id: '2',
      name: 'Line manager to line manager',
      owner: 'The line manager of the referring professional',
      summary: 'The referring professional takes the issue to their line manager, who acts to resolve it and communicates by email.',
      aliases: ['line manager to line manager'],
      roles: {
        names: ['team leader', 'line manager', 'line managers', 'supervisor', 'my manager', 'lm'],
        source: {
          clause: 'Table, stage 2 Line manager to line manager',
          quote: 'for resolution with their line manager/ supervisor',
        },
      },
      deadline: {
        timescale: workingHours(24),
        what: 'the line manager responds to the escalation by email, with any liaison, actions and timescales',
        source: {
          clause: `${TABLE}, stage 2, Timescale`,
          quote: 'Line manager or equivalent should respond to escalation within 24 hours.',
        },
      },
    },
    {
      id: '3',
      name: 'Group Manager/Service Manager',
      owner:
        'The agency designated safeguarding professional (Group Manager, Named Nurse, Education Safeguarding Manager, Chief Inspector)',
      summary: 'The issue is escalated in writing to the next management tier, who agree a resolution between the agency leads.',
      aliases: ['group manager', 'service manager', 'named nurse'],
      roles: {
        names: [
          'group manager',
          'service manager',
          'group manager/service manager',
          'named nurse',
          'education safeguarding manager',
          'chief inspector',
          'next management tier',
          'designated safeguarding professional',
        ],
        source: {
          clause: 'Table, stage 3 Group Manager/ Service Manager',
          quote:
            'Agency Designated Safeguarding Professional i.e. Group Manager Named Nurse Education Safeguarding Manager Chief Inspector',
        },
      },
      target: {
        timescale: workingHours(24),
        what: 'the escalation is communicated in writing or by email, with the actions already taken',
        source: {
          clause: `${TABLE}, stage 3, Timescale`,
          quote: 'Escalation/ concerns to be communicated in a written/email format within 24 hours.',
        },
      },
      deadline: {
        timescale: workingDays(5),
        what: 'the agency leads agree a resolution',
        source: {
          clause: `${TABLE}, stage 3, Timescale`,
          quote: 'Discussion to take place between the relevant agency leads with an agreed resolution within a maximum of 5 working days.',
        },
      },
    },
    {
      id: '4',
      name: 'Head of Service/Senior Manager',
      owner: 'The Head of Service, Superintendent or Assistant Chief Nurse',
      summary: 'The matter is escalated to the next most senior person in the line management hierarchy.',
      aliases: ['head of service', 'heads of service', 'senior manager', 'superintendent', 'assistant chief nurse'],
      roles: {
        names: ['head of service', 'heads of service', 'senior manager', 'senior managers', 'superintendent', 'assistant chief nurse'],
        source: {
          clause: 'Stage 4 Head of Service/ Senior Manager',
          quote:
            'Head of Service/ Senior Manager to Head of Service/ Senior Manager (i.e. Head of Service, Assistant Chief Nurse, Superintendent)',
        },
      },
      target: {
        timescale: workingHours(24),
        what: 'the Head of Service or Senior Manager takes up the escalation',
        source: { clause: `${TABLE}, stage 4, Timescale`, quote: 'Within 24 hours – 48 hours' },
      },
      deadline: twentyFourToFortyEight(4, 'the Heads of Service or Senior Managers agree a resolution'),
    },
    {
      id: '5',
      name: 'Director/Assistant Director/Senior Leads',
      owner: 'Senior leads: Assistant Director or Director, Chief Nurse, Chief Superintendent',
      summary: 'The matter is escalated to the next senior level within each organisation.',
      aliases: ['director', 'assistant director', 'senior leads', 'chief nurse', 'chief superintendent'],
      roles: {
        names: ['director', 'directors', 'assistant director', 'senior leads', 'senior lead', 'chief nurse', 'chief superintendent'],
        source: {
          clause: 'Stage 5 Director/ Assistant Director/ Senior Leads',
          quote: 'Director/ Assistant Director/ Senior Leads/ Chief Superintendent/ Chief Nurse',
        },
      },
      target: {
        timescale: workingHours(24),
        what: 'the senior leads take up the escalation',
        source: { clause: `${TABLE}, stage 5, Timescale`, quote: 'Within 24 hours – 48 hours' },
      },
      deadline: twentyFourToFortyEight(5, 'the senior leads achieve a resolution'),
    },
    {
      id: '6',
      name: 'Local safeguarding partnership',
      owner: 'The local safeguarding partnership business unit, with the Delegated Safeguarding Partners',
      summary:
        'In exceptional circumstances the matter is escalated to the partnership with the Appendix B form; the partners collectively agree a resolution.',
      aliases: ['local safeguarding partnership', 'safeguarding partnership', 'partnership', 'business unit'],
      roles: {
        names: [
          'local safeguarding partnership',
          'safeguarding partnership',
          'partnership business unit',
          'business unit',
          'safeguarding board',
          'lscp',
          'sab',
          'partnership',
          'executive leads',
        ],
        source: {
          clause: 'Stage 6 Escalation to the local safeguarding partnership/ board',
          quote: 'escalation should be made to the local safeguarding partnership via the local safeguarding partnership business unit',
        },
      },
      copyPartnership: true,
      target: {
        timescale: workingHours(24),
        what: 'the partnership business unit receives the Appendix B form',
        source: { clause: `${TABLE}, stage 6, Timescale`, quote: 'Within 24 hours – 48 hours' },
      },
      deadline: twentyFourToFortyEight(6, 'the Delegated Safeguarding Partners collectively agree a resolution'),
    },
    {
      id: '7',
      name: 'Multi-agency panel',
      owner: 'Lead Safeguarding Partners, chaired by the Independent Chair/Scrutineer',
      summary: 'A multi-agency panel arranged by the partnership considers the matter; the chair makes the final recommendation.',
      aliases: ['multi-agency panel', 'multi agency panel', 'panel'],
      roles: {
        names: ['multi-agency panel', 'multi agency panel', 'panel', 'independent chair', 'independent scrutineer'],
        source: {
          clause: 'Stage 7 multi-agency panel',
          quote: 'Resolution considered by a multi-agency panel … chaired by Independent Chair/ Scrutineer',
        },
      },
      copyPartnership: true,
      // "Between 3-5 days": read as working days, as the chair's recommendation is due in 5 working days.
      target: {
        timescale: workingDays(3),
        what: 'the multi-agency panel considers the resolution',
        source: { clause: `${TABLE}, stage 7, Timescale`, quote: 'Between 3-5 days dependent on the severity of risk' },
      },
      deadline: {
        timescale: workingDays(5),
        what: 'the chair of the panel shares the final recommendation in writing',
        source: {
          clause: `${TABLE}, stage 7, Comment`,
          quote:
            'The Chair of the panel will make the final recommendation of actions which must be shared in writing within 5 working days.',
        },
      },
    },
  ],
  overall: [
    {
      id: 'process',
      what: 'the resolution process is completed',
      timescale: workingDays(22),
      source: { clause: `${TABLE}, heading`, quote: 'Resolution Process to be completed within 22 working Days (1 month)' },
    },
  ],
  forms: [
    {
      id: 'appendix-b',
      name: 'Appendix B – Stage 6 Involvement of the LSCP/SAB',
      aliases: ['Appendix B', 'Involvement of the LSCP', 'Involvement of the LSCP/SAB'],
      when: 'at-stage',
      stage: '6',
      source: {
        clause: 'Appendix B',
        quote: 'The relevant LSCP/SAB should be informed if a case reaches stage six by returning this completed form',
      },
    },
  ],
};
