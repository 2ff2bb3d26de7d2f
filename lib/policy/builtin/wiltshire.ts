import { workingDays } from '../../calendar/timescale.js';
import type { PolicyInput } from '../schema.js';

const PRIOR_TO_REFERRAL = {
  clause: 'Escalation Policy for professionals with child protection or child welfare concerns, Note',
  quote: 'The escalation prior to referral to the WSCB should be no longer than 5 working days',
};

/** Seed 002: Wiltshire Safeguarding Children Board, escalation policy. */
export const wiltshire: PolicyInput = {
  id: 'wiltshire',
  partnership: 'Wiltshire Safeguarding Children Board',
  title: 'Resolution of professional disagreements in work relating to the safety of children',
  source: { seed: '002_609949bbf44ea250.txt', published: 'Undated' },
  referencePrefix: 'WSCB',
  timezone: 'Europe/London',
  calendar: 'england-and-wales',
  vocabulary: { stageWords: ['stage'] },
  // Stages 0–2 have no timescale of their own: they share the 5 working days before referral.
  stages: [
    {
      id: '0',
      name: 'Pre-escalation (Professional : Professional)',
      owner: 'The worker who disagrees, with their safeguarding lead or line manager',
      summary:
        'The worker clarifies the problem with their safeguarding lead or line manager and tries to resolve it with the other professional.',
      aliases: ['pre-escalation', 'pre escalation', 'professional to professional'],
    },
    {
      id: '1',
      name: 'Manager : Manager',
      owner: "The concerned worker's manager and the equivalent manager in the other agency",
      summary: 'The concerned worker contacts their manager, who raises the concern with the equivalent manager in the other agency.',
      // A conference's outcome is disputed by a formal letter of dissent, which the CRS reviews at this stage.
      aliases: ['manager to manager', 'letter of dissent', 'crs dissent process'],
      roles: {
        names: ['manager', 'my manager', 'line manager', 'team manager', 'lm'],
        source: {
          clause: 'Stage One Manager: Manager',
          quote: 'the concerned worker should contact their manager within their own agency',
        },
        also: [
          {
            names: ['crs service manager', 'crs development lead'],
            source: {
              clause: 'Stage One Manager: Manager',
              quote:
                'If this relates to the Conference and Review Service (CRS) Dissent Process this will be reviewed by the CRS Service Manager and CRS Development Lead on receipt of the formal letter of dissent.',
            },
          },
        ],
      },
    },
    {
      id: '2',
      name: 'Senior Manager : Senior Manager',
      owner: "The respective senior service managers (tier 3) or the organisations' named safeguarding leads",
      summary:
        'The managers report to their senior service managers or named safeguarding leads, who try to resolve it through discussion.',
      aliases: ['senior manager', 'senior managers', 'tier 3 manager', 'named safeguarding lead'],
      roles: {
        names: [
          'senior manager',
          'senior managers',
          'senior service manager',
          'tier 3 manager',
          'named safeguarding lead',
          'safeguarding lead',
          'head of service',
        ],
        source: {
          clause: 'Stage Two Senior Manager: Senior Manager',
          quote:
            "the managers will report to their respective senior service manager (sometimes referred to as a tier 3 manager) or their organisations' named safeguarding lead",
        },
      },
    },
    {
      id: '3',
      name: 'Refer via the WSCB',
      owner: "The agency's nominated WSCB representative (or the Safeguarding Board Manager), with the Independent Chair",
      summary: 'The matter is referred to the nominated WSCB representative, who reaches a final decision with the Independent Chair.',
      aliases: ['wscb', 'refer via the wscb', 'safeguarding board'],
      roles: {
        names: [
          'wscb',
          'safeguarding board',
          'safeguarding board manager',
          'board manager',
          'nominated wscb representative',
          'wscb representative',
          'nominated representative',
          'independent chair',
        ],
        source: {
          clause: 'Stage Three Refer via the WSCB',
          quote: 'the matter should be referred to the nominated WSCB representative for the agency … the Safeguarding Board Manager',
        },
      },
      copyPartnership: true,
      deadline: {
        timescale: workingDays(3),
        what: 'a final decision is reached and communicated to all parties',
        source: {
          clause: 'Stages of the policy, Stage Three Refer via the WSCB',
          quote: 'a final decision will be reached and communicated to all parties within 3 working days',
        },
      },
    },
  ],
  overall: [
    {
      id: 'before-referral',
      what: 'the escalation is resolved or referred to the WSCB',
      timescale: workingDays(5),
      appliesThroughStage: '2',
      source: PRIOR_TO_REFERRAL,
    },
  ],
  forms: [
    {
      id: 'notification-of-an-escalation',
      name: "WSCB 'Notification of an Escalation' form",
      aliases: ['Notification of an Escalation', 'Notification of Escalation'],
      when: 'at-resolution',
      source: {
        clause: 'Documenting discussions and decisions',
        quote:
          "At the level the matter has been resolved between parties, the WSCB 'Notification of an Escalation' form must be completed by the manager who resolved the concern",
      },
    },
  ],
};
