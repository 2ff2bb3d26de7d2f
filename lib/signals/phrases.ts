/**
 * The phrases of the resolution process, written by hand: no maintained library reads the
 * intent of safeguarding mail. Each list is tested against the labelled corpus in
 * test/fixtures/mail/, which has a hard negative for each way these phrases mislead.
 */

/** A verb that moves a disagreement, ending just before the stage it moves to. */
export const ESCALATION_BEFORE_STAGE =
  /\b(?:escalat(?:e|es|ing|ed|ion)|rais(?:e|es|ing)|refer(?:s|ring|red)?|mov(?:e|es|ing|ed)|tak(?:e|es|ing)|progress(?:es|ing|ed)?|proceed(?:s|ing)?|go(?:es|ing)?|step(?:ping)? up|enter(?:s|ing|ed)|invok(?:e|es|ing)|initiat(?:e|es|ing)|trigger(?:s|ing)?|pass(?:es|ing)? (?:this |it )?(?:up|on)|bring(?:ing)?|now at|is at|are at|reached)\b[^.;]{0,60}?\b(?:to|at|into|onto|on to|under|as)\s+(?:a\s+|an\s+|the\s+)?$/i;

/** "a Stage 3 escalation", "Stage 2 referral", "Step 2 of the protocol": the stage comes first. */
export const ESCALATION_AFTER_STAGE =
  /^\s*(?:escalation|referral|resolution meeting|meeting|discussion)\b|^\s*(?:of|under) (?:the )?(?:resolution|escalation|dispute resolution)\s+(?:process|policy|protocol|procedure)/i;

/** The stage is named as a heading or a label: "Stage 3 escalation", "Escalation: Stage 3". */
export const ESCALATION_LABEL = /^\s*(?:re:\s*)?(?:formal\s+)?(?:escalation|referral)\s*(?:to|[-–:])\s*$/i;

/** Conditions, hypotheticals and possibilities: a stage or resolution named under them is no signal. */
export const CONDITIONAL =
  /\b(?:if|unless|in the event|when to|how to|should (?:we|this|it|they|you|the|that|there)|otherwise|whether|may (?:need|have) to|might|could (?:be|we|i|you)|would (?:need|have) to|we may|i may|until|once|when (?:this|it|we|the matter) (?:is|has)|in case|failing (?:that|which|this)|hope(?:fully)?|expect|aim to|in order to|so as to|consider whether|prefer not)\b/i;

/** Negations of escalating: "not escalating", "no need to escalate", "won't be escalating". */
export const NEGATED =
  /\b(?:not|(?:no|any) need to|no longer|never|won't|will not|don't|do not|doesn't|does not|didn't|did not|isn't|aren't|without)\b[^.;]{0,50}$/i;

/** The past: it happened before, this message is not moving anything. */
export const PAST =
  /\b(?:previously|earlier|already (?:been|escalated|at)|last (?:week|month|time|year)|ago|back in|had (?:been )?(?:escalated|raised|referred|moved)|(?:was|were) (?:escalated|raised|referred|moved|taken|resolved at)|in (?:january|february|march|april|may|june|july|august|september|october|november|december)\b)/i;

/** A cheap first test before RESOLVED: no resolution statement lacks all of these. */
export const RESOLUTION_HINT = /resol|settl|agree|close|withdraw|dispute|disagree|satisf|reassur/i;

/** Resolution stated, the words that carry it. */
export const RESOLVED =
  /\b(?:(?:is|are|has been|have been|was|now|been|be)\s+(?:now\s+|fully\s+|successfully\s+)?(?:resolved|settled)|(?:is|has)\s+(?:this|it|the matter)\s+(?:now\s+)?(?:been\s+)?(?:resolved|settled)|(?:reached|agreed|found)\s+(?:a\s+|an\s+)?(?:resolution|agreement|way forward)|(?:resolution|agreement)\s+(?:has been\s+|was\s+|is\s+)?(?:reached|agreed)|(?:consider|treat)\s+(?:this|the matter|it|the (?:dispute|disagreement|escalation))\s+(?:as\s+)?(?:closed|resolved)|(?:happy|content|fine)\s+for\s+(?:this|it|the case|the escalation)\s+to\s+(?:be\s+)?closed?|(?:this|it|the (?:case|escalation|matter))\s+can\s+(?:now\s+)?(?:be\s+)?closed?|withdraw(?:ing|n)?\s+(?:my|our|the)\s+(?:escalation|challenge|concern|disagreement)|no\s+(?:further|longer\s+any)\s+(?:dispute|disagreement)|(?:we|i)\s+(?:now\s+)?(?:agree|accept)\s+(?:with\s+)?(?:your|the)\s+(?:decision|plan|proposal|position|outcome)|(?:i|we)\s+(?:am|are)\s+(?:now\s+)?(?:satisfied|reassured)\s+(?:with|that|by))\b/i;

/** A resolution denied outright: "not resolved", "unresolved", "cannot be resolved". */
export const DENIED_RESOLUTION =
  /\b(?:(?:not|n't|never)\s+(?:yet\s+|been\s+|be\s+|being\s+){0,2}(?:resolved|settled)|unresolved|(?:cannot|can't|could not|couldn't)\s+be\s+resolved|no\s+(?:resolution|agreement)\s+(?:has been\s+|was\s+|could be\s+)?(?:reached|agreed|found))\b/i;

/** "I am escalating", "we are now escalating": an escalation in the present, with or without a stage. */
export const ESCALATING_NOW =
  /\b(?:i am|i'm|we are|we're|i will|we will|i'll|we'll|i have|we have|i've|we've|am now|are now)\s+(?:now\s+)?(?:formally\s+)?escalat(?:ing|ed|e)\b/i;

/** Words that turn a resolution statement around. */
export const NOT_RESOLVED =
  /\b(?:not|n't|never|no longer|cannot|can't|unable|un(?:resolved|settled)|yet to|still to|remains?|far from|nowhere near|before)\b[^.;]{0,40}$/i;

/** Words of the process: what makes a message about a professional disagreement. */
export const PROCESS_WORDS =
  /\b(?:professional (?:disagreement|difference|challenge|dispute|resolution)s?|(?:escalation|resolution|dispute resolution|escalation and resolution) (?:policy|process|protocol|procedure|form|practice guidance)|dispute resolution|escalat(?:e|es|ing|ed|ion)|resolution form|disagree(?:ment)?|dissent)\b/i;
