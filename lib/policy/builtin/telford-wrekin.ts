import { workingDays, workingHours } from '../../calendar/timescale.js';
import type { PolicyInput } from '../schema.js';

const APPENDIX_1 = 'Appendix 1 – TWSP Resolution and Escalation Process';

/**
 * Seed 003: Telford & Wrekin Safeguarding Partnership, Resolution and Escalation.
 * Appendix 1's durations are read as working days: its clauses count "working days" throughout.
 * Its stages 6 (debrief) and 7 (end of the process) are steps after resolution, not stages a
 * disagreement escalates to, so they are not stages here.
 */
export const telfordWrekin: PolicyInput = {
  id: 'telford-wrekin',
  partnership: 'Telford & Wrekin Safeguarding Partnership',
  title: 'Resolution and Escalation',
  source: { seed: '003_e808e6f083a932d2.txt', published: 'Undated' },
  referencePrefix: 'TWSP',
  timezone: 'Europe/London',
  calendar: 'england-and-wales',
  vocabulary: { stageWords: ['stage'] },
  stages: [
    {
      id: '1',
      name: 'Practitioners',
      owner: 'The practitioners of both partner agencies',
      summary:
        'The professional raises the matter verbally and in writing; the receiving agency reviews the case file and they try to agree a way forward.',
      aliases: ['practitioners', 'practitioner to practitioner'],
      deadline: {
        timescale: workingDays(7), // 2 to raise it, 3 to agree, 2 to confirm: the Duration column's 2 + 5 days
        what: 'the practitioners agree a way forward and the outcome is confirmed in writing',
        source: {
          clause: `${APPENDIX_1}, stage 1, Process`,
          quote:
            'verbally and in writing within 2 working days … attempt to find a mutually agreeable way forward within 3 working days … within a further 2 working days',
        },
      },
    },
    {
      id: '2',
      name: 'Line/Team Managers',
      owner: 'The respective managers or named leads for safeguarding',
      summary: 'Each practitioner raises the concern with their manager, who try to resolve it and confirm the outcome in writing.',
      aliases: ['line manager', 'line managers', 'team manager', 'team managers'],
      roles: {
        names: [
          'team leader',
          'line manager',
          'line managers',
          'team manager',
          'team managers',
          'manager',
          'my manager',
          'lm',
          'named lead for safeguarding',
        ],
        source: {
          clause: 'Appendix 1, stage 2 Line/ Team Managers',
          quote: 'each practitioner should raise their concerns with their respective manager or named lead for safeguarding',
        },
      },
      deadline: {
        timescale: workingDays(4),
        what: 'the managers resolve the differences and the receiving agency confirms the outcome in writing',
        source: {
          clause: `${APPENDIX_1}, stage 2, Process`,
          quote:
            'who should attempt to resolve the differences within 2 working days … confirming the outcome within a further 2 working days',
        },
      },
    },
    {
      id: '3',
      name: 'Senior Managers/Designated Safeguarding Leads',
      owner: 'The relevant senior managers or designated safeguarding professionals',
      summary:
        'The issue is referred in writing on the TWSP Resolution and Escalation Form (Appendix 3) and the senior managers engage in dialogue.',
      aliases: ['senior manager', 'senior managers', 'designated safeguarding lead', 'designated safeguarding leads', 'dsl'],
      roles: {
        names: [
          'senior manager',
          'senior managers',
          'service manager',
          'designated safeguarding lead',
          'designated safeguarding leads',
          'dsl',
          'designated professional',
        ],
        source: {
          clause: 'Appendix 1, stage 3 Senior Managers/Designated Safeguarding Leads',
          quote: 'to the relevant senior manager or other designated professional',
        },
      },
      target: {
        timescale: workingHours(24),
        what: 'the issue is referred in writing using the TWSP Resolution and Escalation Form (Appendix 3)',
        source: {
          clause: `${APPENDIX_1}, stage 3, Process`,
          quote: 'the issue must be referred in writing, using the TWSP Resolution and Escalation Form (Appendix 3) within 24 hours',
        },
      },
      deadline: {
        timescale: workingDays(3),
        what: 'the senior managers resolve the issue through dialogue',
        source: {
          clause: `${APPENDIX_1}, stage 3, Process`,
          quote:
            'within 24 hours to the relevant senior manager or other designated professional. The relevant managers should engage in dialogue within 2 working days',
        },
      },
    },
    {
      id: '4',
      name: 'Assistant Director/Director',
      owner: "Each agency's TWSP representative (or a senior manager they delegate)",
      summary:
        "The disagreement goes to the agencies' TWSP representatives, who write to their equivalent and meet to achieve a final resolution.",
      aliases: ['assistant director', 'director', 'twsp representative'],
      roles: {
        names: [
          'assistant director',
          'director',
          'directors',
          'twsp representative',
          'twsp rep',
          'representative on the twsp',
          'representative on the telford and wrekin safeguarding partnership',
          'representative on the telford & wrekin safeguarding partnership',
        ],
        source: {
          clause: 'Appendix 1, stage 4 Assistant Director/Director',
          quote: "the service/senior manager will raise the disagreement … with their partner agency or sector's TWSP representative",
        },
      },
      copyPartnership: true,
      deadline: {
        timescale: workingDays(4),
        what: 'the TWSP representatives meet and achieve a final resolution',
        source: {
          clause: `${APPENDIX_1}, stage 4, Process`,
          quote:
            'will raise the disagreement within a further 2 working days … meet within a further 2 working days to achieve a final resolution',
        },
      },
    },
    {
      id: '5',
      name: 'TWSP Executive',
      owner: 'The TWSP Executive, via the TWSP Partnership Manager',
      summary: 'In exceptional circumstances the Director writes to the TWSP Executive, who makes a final and binding decision.',
      aliases: ['twsp executive', 'executive', 'partnership manager'],
      roles: {
        names: ['twsp executive', 'executive', 'twsp partnership manager', 'partnership manager'],
        source: {
          clause: 'Appendix 1, stage 5 TWSP Executive',
          quote: 'the Director of this partners agency should write … to the TWSP Executive, via the TWSP Partnership Manager',
        },
      },
      copyPartnership: true,
      deadline: {
        timescale: workingDays(7),
        what: 'the TWSP Executive communicates a final and binding decision to all involved',
        source: {
          clause: `${APPENDIX_1}, stage 5, Process`,
          quote:
            'within no more than 2 working days, to the TWSP Executive … communicated to all involved within 5 working days of the issue being brought to his/her attention',
        },
      },
    },
  ],
  overall: [
    {
      id: 'process',
      what: 'the resolution and escalation process is completed',
      timescale: workingDays(25),
      source: { clause: `${APPENDIX_1}, Cumulative Duration column`, quote: '7 days … 11 days … 14 days … 18 days … 25 days' },
    },
  ],
  forms: [
    {
      id: 'appendix-3',
      name: 'Appendix 3 – TWSP Resolution and Escalation Referral Form',
      aliases: ['Appendix 3', 'Resolution and Escalation Referral Form', 'Resolution and Escalation Form', 'Formal Escalation Form'],
      when: 'from-stage',
      stage: '3',
      source: {
        clause: 'Appendix 3 – Resolution and Escalation Referral Form',
        quote:
          'FORMAL ESCALATION FORM (to be used from Stage 3 only and sent to the relevant senior manager or other designated professional)',
      },
    },
  ],
};
