import { workingDays } from '../../calendar/timescale.js';
import type { PolicyInput } from '../schema.js';

/** Seed 000: Swindon Safeguarding Partnership, Resolution Policy, revised January 2026. */
export const swindon: PolicyInput = {
  id: 'swindon',
  partnership: 'Swindon Safeguarding Partnership',
  title: 'Resolution Policy',
  source: { seed: '000_93d579c74a98e8f1.txt', published: 'Revised January 2026, review date January 2028' },
  referencePrefix: 'SSP',
  timezone: 'Europe/London',
  calendar: 'england-and-wales',
  vocabulary: { stageWords: ['stage'] },
  stages: [
    {
      id: '1',
      name: 'Internal Discussion',
      owner: 'The professional who disagrees, with their line manager',
      summary: 'The professional consults their line manager to clarify the problem and what the disagreement is about.',
      aliases: ['internal discussion'],
      deadline: {
        timescale: workingDays(2),
        what: 'the internal discussion with the line manager takes place',
        source: {
          clause: '§4 Resolution Stages, Stage 1, When',
          quote: 'The discussion should take place within two working days of the disagreement or concern arising.',
        },
      },
    },
    {
      id: '2',
      name: 'Inter-agency Discussion',
      owner: 'The professionals who disagree, in both agencies',
      summary:
        'The professional with the concern speaks to the other professional; from Stage 2 on, communication between agencies is documented by email.',
      aliases: ['inter-agency discussion', 'interagency discussion'],
      deadline: {
        timescale: workingDays(5),
        what: 'the professionals discuss the disagreement between the agencies, documented by email',
        source: {
          clause: '§4 Resolution Stages, Stage 2, When',
          quote: 'The discussion should take place within five working days of the completion of Stage 1 above.',
        },
      },
    },
    {
      id: '3',
      name: 'Team/Service Manager',
      owner: 'Line managers or second-tier managers of both agencies',
      summary: 'The disagreement is reported to the line managers, who contact their opposite number in the partner agency.',
      aliases: ['team manager', 'service manager', 'second-tier manager', 'second tier manager'],
      roles: {
        names: [
          'team manager',
          'service manager',
          'team/service manager',
          'second-tier manager',
          'second tier manager',
          'line manager',
          'line managers',
          'second-tier managers',
        ],
        source: {
          clause: 'Stage 3: Team/Service Manager',
          quote: 'their disagreement must be reported to their line managers or second-tier managers or equivalent',
        },
        also: [
          {
            names: ['named gp', 'practice named gp', 'named gp for safeguarding'],
            source: { clause: 'Appendix 3, Example 2', quote: 'At Stage 3 within General Practice, escalation should go to the Named GP.' },
          },
        ],
      },
      copyPartnership: true, // §3: "At Stage 3 and 4, the Swindon Safeguarding Partnership should be copied into emails."
      deadline: {
        timescale: workingDays(5),
        what: 'the line manager contacts their opposite number in the partner agency, copying in the Swindon Safeguarding Partnership',
        source: {
          clause: '§4 Resolution Stages, Stage 3, When',
          quote:
            'The line manager should contact their opposite number in the partner agency, copying in the Swindon Safeguarding Partnership, within five working days of the completion of the Stage 2 above.',
        },
      },
    },
    {
      id: '4',
      // The seed prints "Heds/ Directors of Service/Senior Managers"; "Heads" is meant (its When column).
      name: 'Heads/Directors of Service/Senior Managers',
      owner: 'Heads or Directors of Service, or Senior Managers, of both agencies',
      summary:
        'The matter is referred without delay to Heads/Directors of Service, who contact their opposite number; the outcome is emailed to the partnership.',
      aliases: ['head of service', 'heads of service', 'director of service', 'directors of service', 'senior manager', 'senior managers'],
      roles: {
        names: [
          'head of service',
          'heads of service',
          'director of service',
          'directors of service',
          'senior manager',
          'senior managers',
          'director',
          'directors',
          'head of service/director',
        ],
        source: {
          clause: 'Stage 4: Heads/Directors of Service/Senior Managers',
          quote: 'the matter should be referred without delay to Heds/Directors of Service/Senior Managers',
        },
        also: [
          {
            names: ['primary care commissioners', 'primary care commissioning', 'primary care commissioner'],
            source: { clause: 'Appendix 3, Example 2', quote: 'At Stage 4, to Primary Care commissioners.' },
          },
        ],
      },
      copyPartnership: true,
      deadline: {
        timescale: workingDays(5),
        what: 'the Heads/Directors of Service contact their opposite number in the partner agency and email the outcome to the partnership',
        source: {
          clause: '§4 Resolution Stages, Stage 4, When',
          quote:
            'The Heds/Directors of Service/Senior Manager should contact their opposite number in the partner agency within five working days of the completion of Stage 3 above',
        },
      },
    },
    {
      id: '5',
      name: 'Swindon Safeguarding Partnership',
      owner: 'The Strategic Safeguarding Partnership Manager, on referral by or for the Heads/Directors of Service',
      summary:
        'The disagreement is referred to the partnership with Appendix 1; a Resolution Panel chaired by the partnership chair seeks a final resolution.',
      aliases: ['resolution panel', 'safeguarding partnership', 'partnership'],
      roles: {
        names: [
          'swindon safeguarding partnership',
          'safeguarding partnership',
          'strategic safeguarding partnership manager',
          'partnership manager',
          'resolution panel',
          'ssp',
        ],
        source: {
          clause: 'Stage 5: Swindon Safeguarding Partnership',
          quote:
            'the disagreement should be escalated to the Strategic Safeguarding Partnership Manager … to seek a final resolution via a Resolution Panel',
        },
      },
      copyPartnership: true,
      deadline: {
        timescale: workingDays(5),
        what: 'a referral is made to the Safeguarding Partnership using the form at Appendix 1',
        source: {
          clause: '§4 Resolution Stages, Stage 5, When',
          quote:
            'A referral should be made to the Safeguarding Partnership by, or on behalf of the Heads/Directors of Service within five working days of the completion of Stage 4 above using the form at Appendix 1.',
        },
      },
    },
  ],
  overall: [
    {
      id: 'day-17',
      what: 'a resolution is found by the completion of Stage 4 (Day 17)',
      timescale: workingDays(17), // 2 + 5 + 5 + 5 working days of stages 1–4
      appliesThroughStage: '4',
      source: {
        clause: 'Appendix 1, after the table',
        quote:
          'If you have not found a suitable resolution on completion of Stage 4 (Day 17) then please forward this completed form on to the Swindon Safeguarding Partnership',
      },
    },
  ],
  forms: [
    {
      id: 'appendix-1',
      name: 'Appendix 1 – Resolution Form',
      aliases: ['Appendix 1', 'Resolution Form'],
      when: 'at-stage',
      stage: '5',
      source: {
        clause: '§3 The Resolution Process',
        quote:
          'At Stage 5 of the process, Swindon Safeguarding Partnership should receive an escalation email with Appendix 1 completed and attached.',
      },
    },
  ],
};
