/**
 * Other business that copies the mailbox and uses the process's words: other procedures with
 * stages or escalations, invitations, minutes, figures, newsletters, questions about the policy.
 * A frame found in a sentence takes that sentence's stages and resolutions out of the process;
 * a message whose subject or opening is in a frame, with no disagreement of its own, is unrelated.
 */
export type Frame =
  | 'complaint'
  | 'it-incident'
  | 'opel'
  | 'appeal'
  | 'sen'
  | 'building-works'
  | 'recall'
  | 'invitation'
  | 'minutes'
  | 'figures'
  | 'newsletter'
  | 'policy-question'
  | 'form-request'
  | 'hr'
  | 'information-request'
  | 'exercise'
  | 'levels-of-need'
  | 'other-procedure';

const FRAMES: [Frame, RegExp][] = [
  [
    'complaint',
    /\b(?:complaints?(?! about the (?:decision|plan))|complainant|ombudsman|lgsco|corporate (?:complaints?|feedback)|feedback team|customer (?:relations|services))\b/,
  ],
  [
    'it-incident',
    /\b(?:service ?desk|help ?desk|it (?:support|ticket|incident|team)|ticket|inc-?\d{4,}|your incident|self-service portal|incident (?:number|ref(?:erence)?|no)|priority [1-4]|p[1-4] incident|outage|password|laptop|(?:mosaic|liquidlogic|systmone|emis)\b(?=.{0,40}\b(?:down|outage|unavailable|not working|error|unable to|cannot|can not|fault|bug|crash))|call (?:ref|reference|no|number)|(?:2nd|3rd|second|third|1st|first) line(?: support)?|maintenance window|major incident|datix|ulysses|incident (?:report|reporting|form|w?\d{3,})|patient safety incident|psirf|psii|change (?:notice|request)|chg\d{4,}|exchange online|mailbox migration|migration programme|decommission(?:ing)?)\b/,
  ],
  [
    'opel',
    /\b(?:opel|bed (?:state|capacity)|surge|system pressures?|escalation level|capacity escalation|winter pressures?|ambulance handover|(?:discharge|patient flow|flow) escalation (?:framework|process|policy|protocol)|fast track chc)\b/,
  ],
  [
    'appeal',
    /\b(?:appeals?(?: panel| hearing)?|tribunal|school admissions?|admissions (?:appeal|team|authority)|exclusion review|independent review panel|school place)\b/,
  ],
  [
    'sen',
    /\b(?:graduated (?:approach|response)|sen support|send (?:team|support|code|department)|ehcp (?:review|assessment|application|request|panel|process|annual review|needs assessment|draft|tribunal)|(?:for|request(?:ing)?|appl(?:y|ied|ying) for) an? ehcp|ehc needs|education,? health and care plan|assess,? plan,? do,? review|wave [123])\b/,
  ],
  [
    'building-works',
    /\b(?:(?:roof|refurbishment|building|hall|offices?) works?|refurbishment|corridor|lifts? [a-z] |out of service|room booking|hot desks?|(?:phase|stage) (?:\d|one|two|three|four) (?:of the )?[a-z ]{0,30}works|building works?|contractors?|scaffold(?:ing)?|refurbishment|car park|works? (?:will|are) (?:start|begin|complete)|phase [1-4] of the (?:works?|build|project)|fire alarm|estates? team|facilities)\b/,
  ],
  ['recall', /\b(?:would like to recall|wishes to recall|recall (?:the|this) message|message recall|recall:)/],
  [
    'invitation',
    /\b(?:you are (?:warmly |cordially )?invited|(?:we|i) (?:would like to |are pleased to )?invite you|invitations? (?:to|for)|book (?:your|a|onto|on|through|via|here)|booking (?:link|form|details|system|page|is (?:essential|required))|(?:virtual|online|short|training|teams|briefing) sessions?|sessions? on(?! (?:\d|the \d|monday|tuesday|wednesday|thursday|friday))|new dates|learning hub|save the date|webinar|training (?:session|course|event|day)|learning (?:event|session|lunch)|briefing session|workshop|eventbrite|places? (?:are|is) limited|places (?:are |still )?(?:available|remaining|left)|(?:disagreements?|escalation|resolution|challenge) training|register (?:here|your)|join us|rsvp|(?:you are|you have been) (?:booked|registered) (?:on|onto|for)|dear delegates?|delegates|learning portal|waiting list|joining instructions|e-learning|training (?:dates?|programme|update|places?|bookings?|spreadsheet)|booked (?:onto|on to) (?:level|the course|a course|the training)|room change|(?:multi-agency|safeguarding|level \d) (?:[a-z-]+ ){0,3}course|course (?:certificates?|evaluation|materials|venue))\b/,
  ],
  [
    'minutes',
    /\b(?:minutes (?:of|from|attached)|the minutes|draft minutes|subgroup|sub-group|action (?:log|notes|points)|agenda|apologies (?:from|for absence|(?:received|given|sent) (?:from|for))|apologies(?=:))\b/,
  ],
  [
    // Casework graded by a threshold of need, not a stage: "it sits at Level 3 of the Threshold of Need", "Level 2 of the
    // Multi-Agency Thresholds". Not another procedure: a threshold decision is what practitioners most often dispute.
    'levels-of-need',
    /\b(?:thresholds? (?:of|for) (?:need|intervention|support)|(?:multi-agency |mat )thresholds?|thresholds? (?:document|framework|guidance|tool)|(?:sits?|sitting) (?:somewhere )?(?:at|between) level [1-4]|level [1-4] (?:\(|-\s*|\u2013\s*)?(?:universal|targeted|specialist|early help|additional|complex|acute|intensive))\b/,
  ],
  [
    // A made-up case for training: "EXERCISE ONLY - Stage 3 escalation scenario", "this is a fictional case".
    'exercise',
    /\b(?:exercise only|training (?:scenario|exercise|case study)|(?<!not (?:a |an )?)(?:fictional|made-up|made up|hypothetical|practice) (?:case|scenario|family|example)|case study for|scenario (?:below|for (?:the|thursday|monday|tuesday|wednesday|friday|our|your) (?:[a-z']+ )?(?:workshop|session|training|course)))\b/,
  ],
  [
    // A request for information under its own law, and its reviews and complaints: "FOI/2026/0193 - request for internal review".
    'information-request',
    /\b(?:freedom of information|foi(?: request| team| officer|\/\d{4}\b| \d{4}\/\d)|foia|subject access (?:request|team)|data protection (?:officer|team|request)|information (?:governance|rights) team|information commissioner(?:'s office)?|ico)\b/,
  ],
  [
    'figures',
    /\b(?:figures|data ?set|statistics|stats|dashboard|quarterly (?:return|report|data)|annual report|monthly (?:return|report)|performance (?:report|data)|audit|how many (?:escalations|disagreements|cases)|(?:research|data) request|\d+ (?:escalations|disagreements|referrals) (?:were |have been )?(?:recorded|logged|raised|received)|(?<!(?:on|in|to|onto) (?:our|the|my|your) )resolution log|log return|returns due|bi-?annual (?:escalation )?review|nil returns?|q[1-4] (?:log|return|figures|data)|number of (?:escalations|disagreements|cases)|(?:quarterly|monthly|annual|data|log|figures) returns?)\b/,
  ],
  [
    'newsletter',
    /\b(?:newsletter|bulletin|unsubscribe|view (?:this email )?in (?:your )?browser|round-?up|7 minute briefing|seven minute briefing|e-?news)\b/,
  ],
  [
    'policy-question',
    /\b(?:(?:where|how) (?:can|do|would|should) (?:i|we) (?:find|get|access|access)|(?:question|query|queries|clarification) (?:about|on|regarding) the (?:escalation|resolution|policy|process|protocol)|(?:is|are) there (?:a|any) (?:form|template|flowchart)|policy (?:review|consultation|update)|consultation (?:response|comments|feedback|on the)|comments on (?:the |our |your )?(?:draft|revised)|draft (?:[a-z]+ ){0,3}(?:policy|protocol|procedure|guidance) v?\d|updated (?:version|policy|protocol)|(?:new|latest|current) version|review(?:ing)? (?:of )?the (?:escalation|resolution) (?:policy|protocol|procedure)|which stage (?:would|should|does)|what (?:is|are) the timescales?|(?:just|quick) (?:checking|question)|how (?:does|do) the (?:escalation|resolution))\b/,
  ],
  [
    'form-request',
    /\b(?:(?:send|forward|share|email) (?:me|us|over)? ?(?:a |the )?(?:copy of|blank|link to)|copy of the (?:form|policy|protocol|proforma|template)|blank (?:form|copy|template)|link to the (?:form|policy|protocol))\b/,
  ],
  [
    'other-procedure',
    /\b(?:(?:stage|step|level|tier) (?:\d|one|two|three|four|five) of (?:the|our|your|its) (?![a-z -]{0,40}\b(?:resol\w*|escal\w*|disput\w*|professional|twsp|sscp|wscb|lscp|ssp|hscp|partnership|safeguarding|disagreement)\b)(?:(?:[a-z-]+ ){1,4}(?:process|procedure|scheme|pathway|review)|(?:[a-z-]+ ){0,3}(?:complaints?|grievance|admissions?|appeals?|attendance|behaviour|exclusions?|disciplinary|capability|absence|sickness) policy)|continuum of need|threshold document|(?:partnership |twsp |sscp |wscb |hscp |ssp |safeguarding )budget|budget (?:contributions?|setting|for 20\d\d)|funding (?:contributions?|formula|allocation|decision)|financial contributions?|levels? of need|(?:gold|silver|bronze) command|repairs?|damp and mould|housing (?:officer|team|association)|fca|pension|insurance claim)\b/,
  ],
  [
    'hr',
    /\b(?:grievance|disciplinary|annual leave|sickness absence|capability (?:procedure|process)|whistle-?blowing|pay (?:award|grade)|job evaluation|recruitment)\b/,
  ],
];

/** Frames that are other procedures: a sentence in one of them never moves or resolves a case. */
export const PROCEDURES: ReadonlySet<Frame> = new Set([
  'complaint',
  'it-incident',
  'opel',
  'appeal',
  'sen',
  'building-works',
  'other-procedure',
  'hr',
  'information-request',
  'exercise',
]);

/** All frames at once: most sentences are in none, and one pass says so. */
const ANY_FRAME = new RegExp(FRAMES.map(([, pattern]) => pattern.source).join('|'));

/** Frames a normalised text is in. */
export function framesOf(norm: string): Frame[] {
  const found: Frame[] = [];
  if (!ANY_FRAME.test(norm)) return found;
  for (const [frame, pattern] of FRAMES) if (pattern.test(norm)) found.push(frame);
  return found;
}
