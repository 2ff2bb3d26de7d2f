/**
 * What raises a disagreement in a clause: the words people use to disagree with a decision or a
 * professional, to challenge it, or to ask for it to be looked at again.
 */

/**
 * A cheap first test: every alternative of RAISED and DISAGREEMENT contains one of these words. The two
 * are the largest patterns the reader has; most clauses never need them.
 */
export const DISAGREEMENT_HINT_WORDS = String.raw`agree|challeng|disput|contest|object|accept|happy|satisf|comfortable|difference|formal|not (?:think|feel|believe)|go along|not (?:ok|okay)|escalat|concern|worried|uneasy|invok|initiat|trigger|reconsider|under |managed to|threshold|revisit|look|examin|fear|afraid|to be re|dissent|without success|unsuccessfully|to no avail|with no success|able to (?:settle|sort|resolve)|wrong|unsafe|flawed|premature|common ground`;

/**
 * A disagreement raised with a decision or a professional: opens a case even with no stage named
 * (the policy's first stage). "I disagree with the decision to close…", "I want to formally
 * challenge…", "I am raising a professional disagreement about…".
 */
const DISAGREEMENT =
  /\b(?:(?:i|we)\s+(?:[a-z]+\s+){0,4}?(?:disagree|challenge|dispute|contest|object to|agree|accept|in agreement|unhappy|happy|dissatisfied|satisfied|comfortable)\s+(?:with\s+)?(?:the|your|this|their|that|his|her|its|[a-z]+'s)\s+(?:[a-z'-]+\s+){0,3}?(?:decision|outcome|plan|assessment|conclusion|view|threshold|rationale|recommendation|closure|nfa|proposal|refusal|response|position|step-?down|de-?registration|discharge)|formally challeng\w*|(?:have|has|rais(?:e|es|ed|ing)|log(?:ging|ged)?|register(?:ing|ed)?|record(?:ing|ed)?|submit(?:ting|ted)?|refer(?:s|ring|red)?|escalat\w*)\s+(?:a|an|this as a|this as an|it as a|my|our|the [a-z]+'s|[a-z]+'s)\s+(?:formal\s+)?(?:ongoing\s+|continuing\s+|unresolved\s+)?(?:professional\s+)?(?:disagreement|challenge|dispute|difference of (?:opinion|view))|(?:this is|treat this as)\s+(?:a|an)\s+(?:formal\s+)?professional\s+(?:disagreement|challenge|dispute)|(?:i|we) (?:am|are) (?:formally )?challenging)/;

/**
 * A disagreement raised without the word "disagree" with a decision: professionals who "are not in
 * agreement" or "were unable to agree", "we disagree strongly", "escalating my concerns", concerns
 * about a decision. Here the denial is the disagreement, so no denial check applies.
 */
const RAISED =
  /\b(?:(?:have|has|had) not been able to (?:settle|sort out|sort|agree on|resolve) (?:(?:it|this|that) between (?:them|us|themselves|ourselves)|the (?:matter|disagreement|difference|question of)\b)|(?:writing|confirm(?:ing)?|clear|formally|record(?:ing)?) (?:to you )?that (?:i|we) (?:still |strongly |firmly )?disagree\b|(?:are|is|were|remain|remains|still) not in agreement|not in agreement (?:with|about|over|on) (?:the|your|this|their|our)|(?:i|we) (?:want|wish|would like|need|intend|am going|are going) to (?:formally )?challenge (?:this|that|it|the|your|their)\b|(?:take|treat|accept|see) (?:this|it) as (?:a |my |our )?formal (?:challenge|disagreement|dispute|escalation)|(?:i|we) (?:really |strongly |just |still )?do not agree with (?:that|this|it)\b(?! (?:is|was|the|you|we|they))|(?:i|we|[a-z]+) (?:do|does) not think (?:this|that|it|the [a-z ]{1,30}|[a-z ]{1,30}) is (?:the right|an appropriate|the appropriate|appropriate|safe|enough|adequate|proportionate|right)\b|\b[a-z]+ (?:disagrees|do not agree|does not agree) with (?:(?:the|your|this|their|[a-z]+'s) (?:[a-z'-]+ ){0,3}?(?:decision|outcome|plan|assessment|threshold|closure|nfa|response|step-?down|discharge)|(?:closure|nfa|step-?down|threshold))\b|\ba formal challenge (?:to|of|against) (?:the|your|this|their)|(?:can not|cannot|could not) go along with (?:that|this|it|the|your)|(?:i|we|school|the school|health|the trust|hv|police|the practice|housing|the nursery|camhs|probation) (?:really |strongly |just |still )?(?:do|does) not agree with (?:the |your |this |their |them |it\b|that\b)?(?:decision|plan|proposal|outcome|threshold|closure|step-?down|nfa|[a-z]+ing)\b|\b[a-z]+ (?:do|does) not accept (?:the |that |this |your |their )?(?:[a-z/-]+ ){0,4}?(?:decision|outcome|assessment|threshold|closure|plan|conclusion|rationale|nfa|step-?down)\b|\bthe (?:professional )?disagreement (?:is|concerns|relates to|is about|centres on) (?:about |over |regarding |on |whether )?(?:the |his |her |their |whether |[a-z]+'s )|(?:i am|we are) (?:really |still )?not (?:ok|okay|happy|comfortable) with (?:this|that|the (?:decision|plan|closure|outcome|step-?down))\b|(?:could not|can not|did not|have not been able to) (?:agree|reach (?:an |any )?agreement)\b(?! (?:on|about) (?:a|the) (?:date|time|venue|room))|(?:unable|not able|not been able|failed) to (?:agree|resolve (?:a|the|this|our) (?:professional )?(?:disagreement|dispute)|reach (?:an |any )?agreement)\b(?! (?:on|about) (?:a|the) (?:date|time|venue|room))|(?:i|we) (?:[a-z]+ )?(?:disagree|do not agree)(?: very)?(?: strongly| entirely| completely| fundamentally)?\s*[.!]*$|escalat\w* (?:my|our|these|the|this|their) concerns?\b|(?:invok|initiat|trigger)\w* (?:the |our |this )?(?:[a-z&' -]{0,40} )?(?:professional )?(?:resolution|escalation|dispute resolution|disagreement) (?:process|procedure|policy|protocol)\b|(?:i|we) (?:[a-z]+ ){0,3}?(?:concerns?|concerned|worried|uneasy) (?:about|regarding|with|over|that) (?:the|your|this|their) (?:[a-z-]+ ){0,3}?(?:decision|outcome|assessment|threshold|closure|nfa|refusal|response|step-?down|discharge)|(?:i|we) (?:do not|can not|will not) accept (?:that|this|it)\b(?! (?:referrals?|forms?|emails?|requests?|bookings?|applications?|invitations?)\b)|\bwhat (?:i|we) (?:can not|do not|will not|could not) accept is\b|\b(?:trying|tried|attempting|attempted) to (?:resolve|agree)\b[^.;]{0,120}?\b(?:without success|unsuccessfully|to no avail|with no success)\b|\b(?:(?:i|we) (?:have |am |are )?(?:attach|enclos|send|sent|submit|lodg|rais|register|writ)\w*\b[^.;]{0,40}|\b(?:please find|attached|enclosed|attaching|enclosing)\b[^.;]{0,40}|(?:our|my|the school's|the practice's|the service's|the trust's) )(?:formal )?letter of dissent\b|\b(?:register|registering|record|recording|raise|raising|lodge|lodging|express|expressing) (?:our |my |the school's |a |the )?(?:formal )?dissent\b|\b(?:ask|asking|request|requesting|urge|urging|like) (?:you |that you |the [a-z]+ |your [a-z]+ )?(?:to )?reconsider\b|\breconsider(?:ing|ed)? (?:the|your|this|their|that|its|[a-z]+'s) (?:[a-z']+ ){0,3}?(?:decision|outcome|closure|nfa|step-?down|plan|threshold)\b|\b(?:ask|asking|asked|request|requesting|requested|like|want|urge|urging) (?:for )?(?:it|this|that|the decision|the outcome|the closure|the nfa|your decision) to be (?:reconsidered|re-considered|revisited|looked at again|re-?examined)\b|\b(?:would like|want|are asking for|am asking for) (?:the|your|this|that) (?:[a-z-]+ )?(?:decision|outcome|closure|nfa)(?: decision)? (?:to be )?(?:looked at again|reconsidered|re-considered|revisited|re-?examined)\b|\b(?:not|never) (?:been )?able to find (?:any |much )?common ground\b|\b(?:i|we|[a-z]+) (?:do|does) not (?:feel|think|believe) (?:that )?(?:the|this|your|their|that) (?:[a-z'-]+ ){0,2}?(?:decision|outcome|assessment|rationale) (?:takes|took|has taken|reflects|reflected|addresses|addressed|accounts|gives|gave)\b|\b(?:worried|concerned|fear|afraid)\b[a-z ,']{0,30}\b(?:(?:this|that|the) decision|the outcome|the closure|the plan) (?:leaves|will leave|would leave|has left|puts|will put|places)|\b(?:decision|outcome|closure|nfa|conclusion)s? (?:is |be |could be |can be |would be |might be |should be |to be )(?:please )?(?:reconsidered|re-considered|looked at again|revisited|re-?examined|looked at afresh)\b|\b(?:revisit(?:s|ing|ed)?|look(?:s|ing|ed)? again at|re-?examin(?:e|es|ed|ing)) (?:the|this|that|your|their|its|[a-z]+'s) (?:[a-z'-]+ ){0,3}?(?:decision|outcome|closure|nfa)\b|(?:i|we) (?:do|does) not (?:feel|believe) (?:this|that|it|the [a-z ]{1,30}) is (?:the right|an appropriate|the appropriate|appropriate|safe|enough|adequate|proportionate|right)\b|(?:^|\b(?:i|we) (?:really |strongly |just |still )?)do not agree (?:that\b|with (?:[a-z]+ing|the|your|this|their)\b)|\b(?:i|we) (?:really |strongly |just |still |honestly |totally |completely |fully )?do not agree with\b|(?:have|has|had) not managed to(?: (?:agree|reach (?:an )?agreement))?\s*[.!]*$|\b(?:i am|we are) (?:really |still )?not comfortable (?:with )?leaving\b|\b(?:i|we) (?:still |really |honestly |genuinely |strongly )?(?:believe|think|feel|consider) (?:that )?(?:the|this|your|their|that) (?:[a-z'-]+ ){0,2}?(?:decision|outcome|closure|plan|assessment|nfa|step-?down|conclusion) is (?:both )?(?:wrong|unsafe|flawed|not safe|premature|incorrect|mistaken)(?:(?: and| but)? (?:unsafe|wrong|premature|flawed|dangerous))?(?:\s*(?:[.!]|$)| for (?:these|this|the) (?:children|child|family|baby|young person|girls?|boys?)\b)|\b(?:i|we) (?:still |do |really |strongly )?(?:believe|think|feel|consider) (?:that )?(?:the )?threshold (?:for [a-z' -]{1,40} )?(?:is|was|has been|had been) (?:clearly |definitely |still )?met\b|\b(?:put(?:ting)?|rais\w*|set(?:ting)? out|writ\w*|record\w*|log\w*)\b[a-z ,']{0,40}\bunder (?:the |our |your )?(?:[a-z&' -]{0,40} )?(?:resolution|escalation|disagreement)s? (?:practice guidance|guidance|process|procedure|policy|protocol)\b)/;

/** A decision said to leave someone unsafe: read only where the cheap first test found words of disagreement. */
const LEAVES_AT_RISK =
  /\b(?:this|that|it) (?:leaves|will leave|would leave|has left) (?:[a-z']+ ){1,3}?(?:unsafe|at risk|unprotected|exposed)\b/;

/** Agreeing, accepting, being happy or satisfied is a disagreement only when denied: "I do not agree with the decision". */
const DENIAL = /\b(?:not|never|no longer|un|dis)\b|\b(?:unhappy|dissatisfied|disagree|challenge|dispute|contest|object|challenging)/;

const DISAGREEMENT_HINT = new RegExp(DISAGREEMENT_HINT_WORDS);

/** A request put as a question: "can someone revisit that decision please?", "Please could the decision be reconsidered…?" */
export const RECONSIDER_ASKED =
  /^(?:please )?(?:can|could|would|will) (?:someone|somebody|you|we|the [a-z]+|your [a-z]+) (?:please )?(?:revisit|reconsider|look (?:again )?at|review|re-?examine)\b[^?]{0,80}\b(?:decision|outcome|closure|nfa)\b|^(?:please )?(?:can|could|would) (?:the|this|that|your) (?:decision|outcome|closure|nfa) (?:please )?be (?:revisited|reconsidered|re-considered|looked at again|reviewed|re-?examined)\b/;

/** Disagreements counted, as figures are asked for or given ("Disputes logged under the protocol, Q3: 14"). */
const COUNTED =
  /\b(?:the number of|numbers of|how many|proportion of|percentage of)\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|several|\d{1,3}) (?:formal |professional |separate )?(?:disputes|disagreements|challenges|escalations) (?:were |have been |had been )?(?:raised|logged|recorded|received|opened|closed|resolved|went|reached|in (?:the|this) (?:period|quarter|year))\b|(?<![\d.])(?<!\d):\s*\d{1,4}\s*[.,;(]?\s*$|^(?:[-*\u2022\u00b7]\s*)?(?:we (?:raised|logged|had|recorded|received) )?(?:two|three|four|five|six|seven|eight|nine|ten|several|\d{1,3}) (?:formal |professional |separate )?(?:disputes|disagreements|challenges|escalations)\b|^(?:[-*\u2022\u00b7]\s*)?(?:disputes|disagreements|challenges|escalations) (?:logged|raised|recorded|received|opened|closed|resolved)\b/;

/** Nobody raising it: "nobody is being asked to revisit the outcome". */
const NOBODY = /\b(?:nobody|no one|no-one|none of us|no agency|no professional)\b[^.;,]{0,50}$/;
/** Whoever might: "any agency that does not agree with the decision of the conference will have its view recorded". */
const ANYONE =
  /\b(?:any (?:agency|professional|practitioner|partner|organisation|member|attendee|one)|anyone|anybody|whoever|(?:agencies|professionals|practitioners|partners|attendees|those) (?:who|that))\b[^.;,]{0,50}$/;

/** Words of disagreement at `index` that nobody holds, or anyone might: "nobody is being asked to revisit…", "any agency that…". */
export function heldByNoOne(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 60), index);
  return NOBODY.test(before) || ANYONE.test(before);
}

/**
 * What the words are aimed at, just after them, when it is not a decision about a child or adult: the accuracy of
 * minutes ("formally challenge the accuracy of item 4", "I don't agree that this reflects what was decided").
 */
function aboutSomethingElse(after: string): boolean {
  return OTHER_OBJECT.test(after);
}
const OTHER_OBJECT =
  /^\s*(?:(?:the )?accuracy of\b|(?:the )?(?:draft )?(?:minutes|action log|wording of)\b|(?:this|it) (?:accurately )?(?:reflects|captures|represents) what was (?:said|decided|agreed|discussed)\b|the (?:draft|minutes?|record|notes?|wording|summary) (?:accurately )?(?:reflects|records|captures|says|represents|is (?:an )?accurate|is correct)\b)/;
/** Concerns escalated as a new referral: "I escalated my concerns about Y today as a new referral". */
export const CONCERNS_REFERRED = /^escalat\w* (?:my|our|these|the|her|his|their) concerns?\b[^.;]{0,50}\bas a (?:new |fresh )?referral\b/;

/** Who is reported, not heard: the family disagreeing is no professional disagreement. */
const FAMILY =
  /^(?:he|she|they|mum|dad|mother|father|parents?|grandmother|grandfather|grandparents?|grandma|grandad|nan|carers?|family|person|child|pupil|student|patient) /;
/** The family as the ones who cannot agree, just before: "Mum and dad have never been able to find any common ground". */
const FAMILY_BEFORE =
  /\b(?:mum|dad|mother|father|parents?|carers?|grand(?:ma|pa|mother|father|parents?)|nan|the family|the young person|the child)\b[^.;]{0,50}$/;
/** Words of disagreement that say nothing of whose it is: the family's, when the family is named just before. */
const FAMILY_OWN = /^(?:(?:not|never) (?:been )?able to find|would like|want|are asking|am asking)\b/;

/** Where the words that raise a disagreement end in a clause, or null when it raises none. */
export function disagreementEnd(clause: string): number | null {
  if (!DISAGREEMENT_HINT.test(clause)) return null;
  // "The number of professional disagreements recorded under the guidance": disagreements counted, none raised.
  if (COUNTED.test(clause)) return null;
  const raised = RAISED.exec(clause);
  if (
    raised &&
    !deniedBefore(clause, raised.index) &&
    !heldByNoOne(clause, raised.index) &&
    !aboutSomethingElse(clause.slice(raised.index + raised[0].length)) &&
    !CONCERNS_REFERRED.test(clause.slice(raised.index)) &&
    !taught(clause, raised.index) &&
    // "because she disagrees with the social worker's decision": a family member's view reported, not the writer's.
    !FAMILY.test(raised[0]) &&
    !(FAMILY_OWN.test(raised[0]) && FAMILY_BEFORE.test(clause.slice(Math.max(0, raised.index - 60), raised.index)))
  )
    return raised.index + raised[0].length;
  // "…and this leaves her unsafe", beside words of disagreement: the first test above lets it through only with them.
  const leaves = LEAVES_AT_RISK.exec(clause);
  if (leaves && !deniedBefore(clause, leaves.index)) return leaves.index + leaves[0].length;
  const match = DISAGREEMENT.exec(clause);
  if (!match || aboutSomethingElse(clause.slice(match.index + match[0].length))) return null;
  return raisesByAgreementWords(clause, match) ? match.index + match[0].length : null;
}

/** "not", "never" or "no" within two words before `index`. */
function deniedBefore(clause: string, index: number): boolean {
  return /\b(?:not|never|no)\s+(?:[a-z]+\s+){0,2}$/.test(clause.slice(Math.max(0, index - 40), index));
}

/** "have practised raising a professional challenge", "learn how to raise": a skill taught, not a disagreement raised. */
function taught(clause: string, index: number): boolean {
  return /\b(?:practis(?:e|ed|es|ing)|practic(?:e|ed|ing)|rehears(?:e|ed|ing)|learn(?:t|ed|ing)? (?:how|when) to|skills? (?:in|of)|confidence (?:in|about)|confident (?:in|about))\s+(?:[a-z]+\s+){0,2}$/.test(
    clause.slice(Math.max(0, index - 50), index),
  );
}

function raisesByAgreementWords(clause: string, match: RegExpExecArray): boolean {
  // "How to escalate a professional disagreement", "who do I challenge the decision with": the process explained or asked about.
  if (
    /\b(?:how|when|whether|who|where|what|why) (?:to|do|does|should|can|would|could|you|we|i)\b[a-z ]{0,20}$/.test(
      clause.slice(0, match.index),
    )
  )
    return false;
  // "We don't have a disagreement at the moment": denied before the words.
  if (deniedBefore(clause, match.index) || taught(clause, match.index)) return false;
  const words = match[0];
  if (/\b(?:disagree|challeng|dispute|contest|object|unhappy|dissatisfied|disagreement|difference)/.test(words))
    return !/\b(?:not|never|no longer)\b/.test(words) || /\b(?:not|never) (?:agree|accept|happy|satisfied|comfortable)/.test(words);
  return DENIAL.test(words) && /\b(?:not|never)\b/.test(words);
}

/** The patterns, for the test that checks the cheap first test lets every match through. */
export const disagreementPatterns = { DISAGREEMENT_HINT, RAISED, DISAGREEMENT };
