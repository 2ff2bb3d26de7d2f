/**
 * What governs a clause: negation, a condition, a question, modality, the past, a counterfactual.
 * Each is read on the normalised clause (contractions expanded), within the clause it governs:
 * "whether" earlier in a sentence does not make a later clause conditional, but a sentence that
 * opens with a condition ("If we cannot agree by Friday, I will refer it to Step 3") governs the
 * clause after it.
 */
export type Scope = 'negated' | 'conditional' | 'question' | 'modal' | 'past' | 'counterfactual';

/** Words that deny what follows them in their clause. */
const NEGATION =
  /\b(?:not|never|nobody|no one|no-one|none of us|no need|no longer|no intention|without|rather than|instead of|neither|nor|no plans?|not yet|avoid|hold(?:ing)? off|refrain|nothing (?:more |further |else )?(?:to|for))\b/;

/** A clause that opens with one of these is a condition, not a statement. */
const CONDITION_OPENER =
  /^(?:(?:and|but|so|or|then|otherwise) )?(?:in the absence of|without (?:a|any) (?:response|reply|answer|update|decision|agreement)|if|unless|failing|in the event|in case|should (?:we|i|you|this|it|they|the|there|that)|provided|providing|assuming|once|until|when|whenever|where(?! it (?:was|became) (?:clear|agreed|decided)\b)|whether|otherwise|or else|if not|before(?! (?:she|he|they|i|we|you) (?:left|went|finished|was|were|had)\b)|in order to|so as to|so that(?=(?: [a-z']+){1,4} (?:can|could|will|would|may|might|should|shall)\b)(?! you (?:are|know|have|can see)\b))\b/;

/**
 * "Subject to" as terms set ("subject to written confirmation"), not as what a child is made
 * ("should be subject to s47 enquiries", "made subject to a plan").
 */
// "babies subject to pre-birth assessment", "children subject to a CP plan": a status, not terms ("subject to a CP
// conference being convened" is terms).
export const ON_TERMS = String.raw`(?<!(?:be|being|been|is|are|was|were|remain|remains|become|becomes|made|making|kept|now) )subject to(?! (?:a |an )?(?:pre-birth assessment|(?:child protection|cp|cin|child in need) plans?|care orders?)\b(?! (?:being|having|to be)\b))`;

/** A condition inside a clause, before the verb: "Failing a response we will…", "we may, if needed, …". */
const CONDITION_INSIDE = new RegExp(
  String.raw`\b(?:in the absence of|without (?:a|any) (?:response|reply|answer|update|decision|agreement)|no (?:option|choice) but to|if|unless|failing|in the event|in case|provided that|assuming|otherwise|or else|depending on|${ON_TERMS}|where necessary|where needed|if needed|if necessary|as necessary|once (?:[a-z']+ ){1,3}(?:goes|go|gets|get|reaches|reach|moves|move|is|are)|(?:as soon as|whenever) (?:[a-z']+ ){1,3}(?:goes|go|gets|get|reaches|reach|moves|move|is|are))\b`,
);

/** Modal, wished or planned: not happening now. "would like to" and "want to" are intent, and count as doing it. */
const MODAL =
  /\b(?:may|might|could|should|ought|must|(?<!(?:said|promised|agreed|undertook|told you) (?:i|we) )would(?! (?:therefore |now |also |really )?(?:like|wish|want|ask|request|be grateful|appreciate))|need(?:s|ed)? to|have to|has to|had to|needs? to be|hope|hoping|hopefully|expect|expecting|aim|aiming|intend(?:ing)? to consider|(?:am|are|is) planning to|considering|(?<!\b(?:i|we) )consider|consider(?! (?:this|these|that|it|them) (?:to be|as)\b)|thinking (?:about|of)|think about|plan(?:ning)? to consider|can (?:we|i|you|this|it)|possible|possibly|probably|potential(?:ly)?|likely|perhaps|maybe|(?<!(?:were|was|have been|has been|had been|finally|now) )able to|wondering|option|advice (?:on|about)|ask(?:ing)? (?:for|about|whether|if)|recommend|suggest(?:ed|ing)?|propose|worth)\b/;

/** An event of the past, or of another case: what it says happened then, not now. */
const PAST =
  /^(?:[-*\u2022\u00b7]\s*)?\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\s*[-:]|\b(?:ago|back in|previously|(?:last|previous|the (?:spring|summer|autumn)) term|(?:our|the|my) previous (?:dsl|manager|head|headteacher|social worker|sw|worker|team manager)|in the past|last (?:year|time|month)|last (?:spring|summer|autumn|winter)(?:'s)?\b|last year's\b|(?:the|a) last case|cases? like this|earlier this year|historic(?:al(?:ly)?)?|similar|another (?:case|family|child|disagreement|dispute|matter)|that one|that case|the other case|other (?:case|family|cases)|a previous|a prior|the previous (?:case|family|disagreement|dispute|escalation|matter)|previous (?:case|cases|disagreements?|disputes?|escalations?)|before (?:christmas|summer|easter)|had (?:been )?(?:escalated|resolved|raised|referred|moved|agreed|closed|settled)|in (?:january|february|march|april|may|june|july|august|september|october|november|december) (?:20\d\d|last)|in 20\d\d|(?:the|that|a|our) 20\d\d (?:[a-z]+ )?(?:dispute|disagreement|case|escalation|matter))\b/;

/** A plan abandoned or a step not taken: "I was going to escalate…, but", "should now be …, but". */
const COUNTERFACTUAL =
  /\b(?:(?:was|were|am|are) all set to|c[oa]me (?:very |so |really )?close(?: [a-z]+){0,3}? to|c[oa]me within (?:a whisker|an inch|a hair'?s? ?breadth) of|ought to have|(?:ignore|disregard) (?:the |my )?(?:suggestion|comment|line|bit|remark)|(?:gut |first |initial )(?:reaction|thought|feeling)s?\b[^.;]{0,40}?\b(?:was|had been) to|on the (?:point|verge) of|(?:was|were) (?:poised|ready) to|was going to|were going to|was about to|were about to|had (?:planned|intended|meant) to|would have|could have|should have|almost|nearly|rather (?:wait|not|hold)|(?:first |initial )?(?:instinct|inclination|temptation|impulse) (?:was|had been|is) to|tempted to|(?:instinct|inclination|temptation|impulse)\b[^.;]{0,40}?\b(?:was|had been) to|(?:finishing|finished|drafting|drafted|composing|typing|writing up) (?:a|an|my|the) (?:note|email|e-mail|letter|message|draft)|held (?:it|this|that|the [a-z-]+) back|deleted (?:the|my) draft|(?:had not|did not|have not) (?:pressed|hit|clicked) send|for now|at this point|prefer to wait|happy to wait|instead)\b/;

export interface ClauseScope {
  negated: boolean;
  conditional: boolean;
  modal: boolean;
  past: boolean;
  counterfactual: boolean;
  /** The sentence asks for it politely ("Could we ask for…, please?"), so its "could" is the asking. */
  requested?: boolean;
}

/**
 * The scope of each clause of a sentence. `before` is the text of the clause before the signal's
 * verb (negation and modality govern what follows them); `conditionFromBefore` carries a
 * sentence-opening condition to the next clause; a clause followed by "but"/"however" in the same
 * sentence is counterfactual when it was modal or future ("we should now be moving to Step 3, but…").
 */
export function clauseScopes(clauses: readonly string[]): ClauseScope[] {
  const scopes: ClauseScope[] = [];
  let openingCondition = true; // every clause so far opened with a condition
  let pending = false; // the clause before ended inside a condition
  let spoken = false; // a clause other than a name or greeting came before
  // A sentence-opening condition governs every clause up to its consequence, the first with a future or a modal
  // ("Unless X - | which is all we asked - | we have waited - | I'll be asking…"; "If not by | then | I'll ask…").
  let awaiting = false;
  clauses.forEach((clause, i) => {
    // "Craig -", "Hi Dan,": a name or greeting before the sentence neither opens nor breaks a condition.
    if (ADDRESS.test(clause)) {
      scopes.push({ negated: false, conditional: false, modal: false, past: false, counterfactual: false });
      return;
    }
    // "Whether or not the plan changes, I am escalating": a concession, not a condition; the main clause holds either way.
    // "the disagreement about | whether a strategy discussion is needed was escalated to Stage 3": what the
    // disagreement is about, not a condition.
    const aboutWhether = /^whether\b/.test(clause) && /\b(?:about|on|over|as to|of|regarding|concerning)$/.test(clauses[i - 1] ?? '');
    // "- Should the OIC confirm…, we'd be content…": a bullet's mark is not a word of its clause.
    const opens =
      CONDITION_OPENER.test(clause.replace(/^[-*\u2022\u00b7]\s*/, '')) &&
      !aboutWhether &&
      !/^(?:(?:and|but|so) )?whether\b(?:.*\bor not\b| or not\b)/.test(clause);
    // The clause after a sentence-opening condition is its consequence: "If X, (then) I will escalate".
    const consequence = (spoken && openingCondition) || pending || awaiting;
    spoken = true;
    // "Unless the meeting is reconvened - | which is all we asked for - | I'll be asking…": a relative clause
    // inside the condition neither ends it nor breaks it.
    const relative = /^(?:which|who)\b/.test(clause) && openingCondition;
    openingCondition = openingCondition && (opens || aboutWhether || relative);
    // "I'll be honest that if we can't agree on Friday | I'll be asking for stage 3": a clause that ends inside
    // its condition makes the next main clause the consequence; a relative clause between ("which is when the
    // two days run out") keeps it waiting.
    if (/^(?:which|who|when)\b/.test(clause) && pending) {
      scopes.push({ negated: NEGATION.test(clause), conditional: true, modal: MODAL.test(clause), past: false, counterfactual: false });
      return;
    }
    pending = ENDS_IN_CONDITION.test(clause);
    // "We will refer this to stage 3 by Friday": a future step with a deadline is a warning, not a step taken.
    // "I'm escalating to Stage 3 - Mr Patel will contact your Team Manager by Friday": a dash starts another statement.
    // …and so does a colon: "we are going straight to step three: DI Harland will be contacting your manager by noon".
    const dash = clause.search(/ - |: /);
    const lead = dash === -1 ? clause : clause.slice(0, dash);
    // "i'm moving it up to stage three and will get the form over … by lunchtime tomorrow": the step is taken now; the
    // deadline is the later act's.
    const joined = / and (?:will|shall)\b/.exec(lead);
    const dated =
      joined && TAKING_NOW.test(lead.slice(0, joined.index)) && !STEP_VERB.test(lead.slice(joined.index))
        ? lead.slice(0, joined.index)
        : lead;
    const deadline = /\b(?:will|shall|going to)\b/.test(dated) && DEADLINE.test(dated);
    // "Our Head of Service will be picking this up when she's back from leave": a step put off until then.
    const deferred = DEFERRED.test(clause);
    // "I'd be grateful if you would now refer this to the TWSP Executive": a request made, not a condition or a wish.
    // "I'd be grateful | if you could place this before the TWSP Executive": the request split from its politeness.
    const askedAfter = POLITE_HEAD.test(clauses[i - 1] ?? '') && ASKED.test(clause);
    const polite = POLITE_REQUEST.test(clause) || askedAfter;
    // "If you can confirm…, | while dad is at home, | then we would be happy…": "then" answers the condition before it.
    const answers =
      (/^then\b/.test(clause) && scopes.some((scope) => scope.conditional)) ||
      // "If X, I will want this to go to Step 3, | and I'll ask DI Bell to…": the second consequence of the same condition.
      (/^and (?:i|we|you) (?:will|shall|would|can|could|may|might)\b/.test(clause) && scopes[i - 1]?.conditional === true) ||
      (/^(?:i|we) (?:will|shall|would)\b/.test(clause) && clauses[i - 1] === 'and' && scopes[i - 2]?.conditional === true);
    const conditional =
      !polite &&
      (opens || consequence || answers || deadline || deferred || CONDITION_INSIDE.test(clause) || followedByCondition(clauses, i));
    const next = clauses[i + 1] ?? '';
    // "booked for 22 May": the month is no modal.
    const modal = MODAL.test((polite ? clause.replace(POLITE_REQUEST, ' ').replace(ASKED, ' ') : clause).replace(MAY_DATE, ' '));
    const future = /\b(?:will|shall|going to|would|should)\b/.test(clause);
    const counterfactual =
      COUNTERFACTUAL.test(clause) ||
      ((modal || future || OFFERED.test(clause)) && /^(?:but|however)\b/.test(next) && !/^but (?:i|we) (?:am|are|have)\b/.test(next));
    // "…before I go back to Andrea and say | we're agreed": what is to be said is governed as the saying is.
    const saying = /\b(?:say|tell (?:you|them|her|him|everyone)|confirm|report|write back)(?: that)?$/.test(clauses[i - 1] ?? '')
      ? scopes[i - 1]
      : undefined;
    const own = {
      negated: NEGATION.test(clause) || saying?.negated === true,
      conditional: conditional || saying?.conditional === true,
      modal: modal || saying?.modal === true,
      past: PAST.test(clause),
      counterfactual: counterfactual || saying?.counterfactual === true,
    };
    // "To be clear where we are: | if the strategy discussion goes ahead, | and …, | we can treat this as resolved": a
    // condition after a clause with no verb of its own to govern looks forward to the consequence after it.
    // "contact supervised, | until the risk assessment is completed - | so the escalation is closed": a time limit on what
    // was agreed is no condition waiting for its consequence; only a real condition ("if", "unless", "provided") is.
    if (
      opens &&
      (openingCondition ||
        (i > 0 && !CONSEQUENCE.test(clauses[i - 1] ?? '') && !MODAL.test(clauses[i - 1] ?? '') && !TIME_LIMIT.test(clause)))
    )
      awaiting = true;
    else if (awaiting && CONSEQUENCE.test(clause)) awaiting = false;
    // "I'll need to pass this to my line manager | so it can go to stage 2": a purpose is not done yet, and holds only where its main clause does.
    const main = scopes[i - 1];
    scopes.push(
      PURPOSE.test(clause) && main
        ? {
            ...own,
            modal: true,
            conditional: own.conditional || main.conditional,
            counterfactual: own.counterfactual || main.counterfactual,
          }
        : // "If we still can't agree…, | I'll … send it to your Service Manager | so it goes to Stage 3": a purpose in the
          // present holds only where its main clause does.
          PURPOSE_NOW.test(clause) && main
          ? { ...own, conditional: own.conditional || main.conditional, counterfactual: own.counterfactual || main.counterfactual }
          : own,
    );
  });
  return scopes;
}

/** A clause that opens with a time limit, not a condition: "until", "before". */
const TIME_LIMIT = /^(?:(?:and|but|so|or|then) )?(?:until|before)\b/;

/** May the month: "22 May", "May 22nd", "in May". */
export const MAY_DATE =
  /\b\d{1,2}(?:st|nd|rd|th)? may\b|\bmay \d{1,2}(?:st|nd|rd|th)?\b|\b(?:in|since|until|by|from|of|early|mid|late|end of) may\b/g;

/** What a condition's consequence says: a step to come. */
const CONSEQUENCE = /\b(?:will|shall|would|going to|have to|has to|no option|no choice|need to|must|can|could|may|might)\b/;

/** A condition that runs to the end of its clause: "… that if we cannot find common ground by Friday". */
const ENDS_IN_CONDITION =
  /(?:^|[:,] |\b(?:that|and|but|so) )(?:if|unless|failing|should we not|should (?:the|it|this|there|they|we|you|he|she) (?![a-z]+ (?:i|we)\b)|in the absence of)\b[^,;:]*$/;

/** "I'd be grateful if you would…", "I'd appreciate it if you could…": a request. */
/** Who or what is asked, after "if": "you", "you and I", "we", "someone", "this decision", "your team manager". */
const ASKED_OF = String.raw`(?:you and (?:i|me)|we|you|someone|somebody|it|this|that|(?:the|this|that|your|our) (?:[a-z-]+ ){0,2}?[a-z-]+)`;

const POLITE_REQUEST = new RegExp(
  String.raw`\b(?:i|we) (?:would|should) (?:be (?:very |most |really )?(?:grateful|glad|thankful)|(?:really )?appreciate(?: it)?) if ${ASKED_OF} (?:would|could|can|will)\b`,
);

/** A clause of purpose: "so it can go to stage 2", "so that we can take it to the Head of Service". */
const PURPOSE =
  /^so (?:that )?(?:it|this|we|they|i|he|she|the (?:case|matter|disagreement|dispute)|(?:our|their|your|my|the) (?:[a-z-]+ ){0,2}[a-z-]+) (?:can|could|will|would|may|might)\b/;
/** A verb that moves a case, in the later act: "…and will escalate to stage 3 by Wednesday". */
const STEP_VERB =
  /\b(?:escalat(?:e|ing)\b|(?:refer(?:ring)?|mov(?:e|ing)|tak(?:e|ing)|pass(?:ing)?|rais(?:e|ing)) (?:it|this|the (?:matter|case|disagreement))\b)/;
/** A step being taken as the writer writes: "i am moving it up", "we are now escalating". */
const TAKING_NOW = /\b(?:i am|we are) (?:now )?(?:moving|escalating|referring|passing|taking|raising|sending|handing)\b/;
/** A purpose in the present: "so it goes to Stage 3". */
const PURPOSE_NOW = /^so (?:that )?(?:it|this|the (?:case|matter|disagreement|dispute)) (?:goes|moves|gets|sits|is)\b/;

/** The polite head of a request, and the request after it: "I'd be grateful" | "if you could…". */
const POLITE_HEAD =
  /\b(?:i|we|and) (?:would|should|will) (?:be (?:very |most |really )?(?:grateful|glad|thankful|obliged)|(?:really )?appreciate(?: it)?)$/;
/** "if you could…", "if this decision could be looked at again": what is asked, after the politeness. */
const ASKED = new RegExp(String.raw`^if ${ASKED_OF} (?:would|could|can|will|might)\b`);

/**
 * An offer or a plan that a "but" then sets aside: "the Chief Superintendent had offered to…, but…", "I was minded to ask our
 * Director…, but", "I had a Stage 4 referral ready to go…, but".
 */
const OFFERED =
  /\b(?:(?:offered|volunteered|planned|intended|meant|hoped|minded|inclined) to|had (?:[a-z0-9-]+ ){1,4}?(?:ready|drafted|prepared|written)(?: to go)?)\b/;

/** A future step that waits for someone's return or another event: "will pick this up when she is back". */
const DEFERRED =
  /\b(?:will|shall|going to)\b[^,;]{0,120}?\b(?:when|once|as soon as|after) (?:she|he|they|we|i|it|the [a-z]+) (?:is|are|gets?|comes?|returns?|has|have)\b/;

/** A time limit: "by Friday", "by close of play", "by the end of the week". */
const DEADLINE =
  /\bby (?:monday|tuesday|wednesday|thursday|friday|tomorrow|close of (?:play|business)|cop|cob|the end of|end of|next week|midday|noon|lunchtime|\d)/;

/** A name or greeting set off by a dash, colon or comma at the head of a sentence. */
const ADDRESS =
  /^(?:(?:hi|hello|dear|morning|afternoon|thanks|thank you|ok|okay|right|so|yes|no)\s+)?[a-z']{1,20}(?: [a-z']{1,20})?\s*[-:,]$/;

/** "We will move to stage 3 if we do not hear back": a future main clause with its condition after it. */
function followedByCondition(clauses: readonly string[], i: number): boolean {
  const next = clauses[i + 1];
  const clause = clauses[i] ?? '';
  return (
    next !== undefined &&
    /^(?:if|unless|should|in the event|in case|otherwise|or)\b/.test(next) &&
    // "I can't see any option other than to move this to stage 3 | if I haven't heard from you by Monday": a threat too.
    /\b(?:will|shall|would|going to|may|might|could|can|should|must|needs? to)\b/.test(clause) &&
    // "I disagree with that decision and would be grateful | if it could be looked at again": a request, not a condition.
    !(POLITE_HEAD.test(clause) && ASKED.test(next))
  );
}

/** Words that put a step later: "will", "going to", "pencilled in", "with a view to". */
const FUTURE =
  /\b(?:will|shall|going to|planning to|plan to|intend(?:s|ing)? to|due to(?= (?:be|take|go|meet|attend|start|begin|happen|finish|complete|escalate|refer|move|speak|discuss|review|return)\b|\s*$)|pencilled in|booked in|offered to|with a view to)\b/;
/** The same words governing what ends a text: the step the text leads up to is to come. */
// …not across a comma after which someone has already acted: "With the ICPC due to take place this week, my manager has
// taken this to step 3" ("I'm on leave next week, my team manager is taking this to stage 3 on Monday" is still a plan).
const FUTURE_HEAD = new RegExp(`${FUTURE.source}(?:(?!, (?:[a-z]+ ){1,3}(?:has|have) )[^;]){0,80}$`);

/** A day after tomorrow: "next Friday", "on Monday", "first thing on Monday", "later that week", "Tuesday 20th", "over the weekend". */
const FUTURE_DAY =
  /\b(?:next (?:week|month|monday|tuesday|wednesday|thursday|friday)|(?:on|this|that|from|for) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:monday|tuesday|wednesday|thursday|friday) \d{1,2}(?:st|nd|rd|th)?|first thing (?:on|next)|over the weekend|(?:later )?(?:this|that|in the) week|(?:in|over) the next (?:few|couple of) days|in the new year|on (?:the )?\d{1,2}(?:st|nd|rd|th)\b)/;

export const scopeWords = { NEGATION, MODAL, PAST, COUNTERFACTUAL, CONDITION_INSIDE, FUTURE, FUTURE_HEAD, FUTURE_DAY };
