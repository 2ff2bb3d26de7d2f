import { calendarMonths, workingDays } from '../../calendar/timescale.js';
import type { PolicyInput } from '../schema.js';

const STEP_TIMESCALE = {
  clause: 'Process for resolving disputes, after Step 4',
  quote:
    'Appropriate timescales for passing on, and responding to, concerns should be agreed for each stage. These should not exceed 5 working days',
};

/** Seed 004: Sunderland Safeguarding Children Partnership, Dispute Resolution Protocol. */
export const sunderland: PolicyInput = {
  id: 'sunderland',
  partnership: 'Sunderland Safeguarding Children Partnership',
  title: 'Dispute Resolution Protocol',
  source: { seed: '004_828e17e721c333bd.txt', published: 'Undated' },
  referencePrefix: 'SSCP',
  timezone: 'Europe/London',
  calendar: 'england-and-wales',
  vocabulary: { stageWords: ['step', 'stage'] },
  // The protocol lets each step agree a shorter timescale; 5 working days is the most it allows.
  stages: [
    {
      id: '1',
      name: 'Frontline professionals',
      owner: 'The frontline practitioners who disagree',
      summary: 'Differences are addressed quickly among frontline practitioners to agree a local resolution.',
      aliases: ['frontline', 'frontline practitioners', 'frontline professionals'],
      deadline: { timescale: workingDays(5), what: 'the frontline practitioners agree a local resolution', source: STEP_TIMESCALE },
    },
    {
      id: '2',
      name: 'Line managers',
      owner: "The line manager, with the designated lead for safeguarding, and the other practitioner's line manager",
      summary: 'The line manager reviews the concern and discusses it with the line manager of the other practitioner.',
      aliases: ['line manager', 'line managers'],
      roles: {
        names: ['team leader', 'line manager', 'line managers', 'my manager', 'manager', 'lm', 'designated lead for safeguarding'],
        source: { clause: 'Step 2', quote: 'Refer to line Manager who should contact their equivalent in the other agency' },
      },
      deadline: { timescale: workingDays(5), what: 'the line managers reach a resolution', source: STEP_TIMESCALE },
    },
    {
      id: '3',
      name: 'Senior managers',
      owner: 'The line management hierarchy of the agencies involved (senior manager or equivalent)',
      summary: 'The issue is referred without delay through the line management structure; a resolution meeting may be held.',
      aliases: ['senior manager', 'senior managers', 'line management hierarchy', 'resolution meeting'],
      roles: {
        names: ['senior manager', 'senior managers', 'line management structure', 'service manager'],
        source: {
          clause: 'Step 3; Appendix 1, Step 3 – Resolution by Senior Manager (or equivalent)',
          quote: 'the issue must be referred without delay through the line management structure again',
        },
      },
      deadline: { timescale: workingDays(5), what: 'the senior managers reach a mutually agreeable resolution', source: STEP_TIMESCALE },
    },
    {
      id: '4',
      name: 'Referral to the SSCP',
      owner: 'The Head of Service of each agency, with the statutory safeguarding partners',
      summary:
        'The matter goes to the Heads of Service and is escalated to the SSCP with the Appendix 1 proforma; the statutory partners consider the intervention.',
      aliases: ['sscp', 'head of service', 'heads of service', 'statutory safeguarding partners'],
      roles: {
        names: [
          'head of service',
          'heads of service',
          'sscp',
          'sunderland safeguarding children partnership',
          'safeguarding partnership',
          'statutory safeguarding partners',
          'independent scrutineer',
        ],
        source: {
          clause: 'Step 4',
          quote:
            'the matter must be referred to the Head of Service for each agency involved and escalated to the Sunderland Safeguarding Children Partnership',
        },
      },
      copyPartnership: true,
      deadline: {
        timescale: workingDays(5),
        what: 'the statutory safeguarding partners consider the intervention required',
        source: STEP_TIMESCALE,
      },
    },
  ],
  overall: [
    {
      id: 'one-month',
      what: 'the dispute resolution process is completed',
      timescale: calendarMonths(1),
      source: { clause: 'Process for resolving disputes, flowchart', quote: 'The process should be completed within a month.' },
    },
  ],
  forms: [
    {
      id: 'appendix-1',
      name: 'Appendix 1 – Dispute Resolution Referral to SSCP proforma',
      aliases: ['Appendix 1', 'proforma', 'Referral to SSCP', 'Dispute Resolution Referral'],
      when: 'at-stage',
      stage: '4',
      source: {
        clause: 'Process for resolving disputes, Step 4',
        quote: 'A proforma is provided at Appendix 1 to record actions taken and outcomes',
      },
    },
  ],
};
