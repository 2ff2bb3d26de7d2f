import type { AttachmentInfo } from '../mail/message.js';
import type { Form, Policy } from '../policy/schema.js';
import { stageRank } from '../policy/stages.js';
import { DISAGREEMENT_HINT_WORDS, disagreementEnd, heldByNoOne, RECONSIDER_ASKED } from './disagreement.js';
import { escalationUnits, hasMovingVerb, readEscalation, STEP_ASKED } from './escalation.js';
import { framesOf, PROCEDURES, type Frame } from './frames.js';
import { ENDING_WORDS, readResolution } from './resolution.js';
import { clauseScopes, scopeWords } from './scope.js';
import { OTHER_TROUBLE } from './topic.js';
import { nextStage, stageAnchors, vocabularyOf, type StageAnchor } from './stages.js';
import { clauses, normalise, quotationMarks, sentences, type Sentence } from './text.js';
import type { FormSignal, FrameSignal, Reading, Signal, StageSignal } from './types.js';

/** What of a message the signals read: never the raw body, only its parts. */
export interface ReadableMessage {
  newText: string;
  historyText: string;
  cleanSubject: string;
  attachments: readonly AttachmentInfo[];
}

export interface CaseContext {
  /** The case's current stage, when the message belongs to a case. */
  currentStage?: string | undefined;
}

export interface ReadOptions {
  /**
   * Also list what the quoted history mentions. They never change a case, so ingest leaves
   * them out; `explain` shows them, because a person wants to see what was not counted.
   */
  includeHistory?: boolean;
}

/** No signal but a frame can come from a sentence without one of these (or a stage word or role). */
const RELEVANT = new RegExp(
  String.raw`escalat|refer|rais|pass|tak|took|mov|progress|proceed|bring|brought|forward|step|submit|invok|initiat|trigger|go|went|push|elevat|hand|enter|pick|ask|resol|settl|understanding|sort|agree|close|withdraw|satisf|reassur|accept|content|good now|fine now|no longer|further|conclud|consensus|compromise|put to bed|way forward|happy|disagree|challeng|disput|contest|object|dissent|professional|unhappy|difference|complete|concern|worried|uneasy|same page|same place|aligned|${ENDING_WORDS}|${DISAGREEMENT_HINT_WORDS}`,
);

/** The writer acting now: such a clause is not part of another case's story told in the same sentence. */
const WRITER_NOW =
  /\b(?:i|we) (?:am|are|have|will|shall)\b|\b(?:she|he|they) (?:will|shall)\b|\b(?:now|today|this (?:morning|afternoon)|(?:is|are|am) going to)\b/;

/** The subject rules read at most this much of a subject (RFC 5322 lines stop at 998 characters). */
const MAX_SUBJECT_CHARS = 1000;

/** Evidence is at most this long. */
const MAX_EVIDENCE = 400;

/** Words of the process: what makes a message about a professional disagreement. */
const PROCESS_WORDS =
  /\b(?:professional (?:disagreement|difference|challenge|dispute|resolution)s?|(?:escalation|resolution|dispute resolution|escalation and resolution) (?:policy|process|protocol|procedure|form|practice guidance)|dispute resolution|escalat(?:e|es|ing|ed|ion)|disagree(?:ment)?|dissent)\b/;

/** The writer as the manager of the practitioner: "I'm PC Hall's supervisor", "I manage Jess", "I am the team manager for Ellie". */
const MANAGES =
  /\bi am (?:[a-z.]+ ){0,3}?[a-z]+'s (?:line |team |direct )?(?:manager|supervisor|leader)\b|\bi am [^.;]{0,100}? and (?:[a-z.]+ ){1,2}?[a-z]+'s (?:line |team |direct )?(?:manager|supervisor|leader)\b|\bi (?:line )?manage (?!to\b|(?:it|this|that|the (?:risk|case|situation))\b)|\bi am (?:the|her|his|their) (?:[a-z-]+ ){0,4}?(?:manager|supervisor|team leader) (?:for|of) (?!the\b|our\b|this\b)[a-z]+/;

/** A clause that opens a question: "so can ur TM pick it up w/ her pls?". */
const QUESTION_HEAD =
  /^(?:so |and |but |then )?(?:can|could|would|will|shall|should|do|does|did|is|are|have|has|who|what|when|where|why|how)\b/;

/** The disagreement handed to the writer, or taken up by them: "Femi has asked me to take this on", "I am picking this up". */
const TAKEN_UP =
  /\b(?:has|have|had) asked me to (?:take|pick) (?:this|it|the matter|the disagreement) (?:forward|on|up|over)\b|\bi am (?:now )?(?:picking (?:this|it) up|taking (?:this|it) (?:on|over|forward))\b|\bit is (?:now )?(?:for|down to|up to) you and (?:me|i)\b/;

/** The stage the policy gives a practitioner's line manager, if it names one. */
function lineManagerStage(policy: Policy): string | undefined {
  const { roleStage } = vocabularyOf(policy);
  return roleStage.get('line manager') ?? roleStage.get('manager') ?? roleStage.get('team manager');
}

/** A stance against something decided: surprise, disappointment, worry, a request to look again. */
const STANCE =
  /\b(?:(?:do|does) not (?:think|feel|believe|consider) (?:this|that|it|the [a-z -]{1,30}) (?:is|was) (?:right|appropriate|safe|proportionate|correct|enough|the right|justified)|(?:is|was) not (?:the right|appropriate|safe|proportionate|justified)|(?:surprised|disappointed|concerned|worried|alarmed|uneasy) (?:by|at|about|with|that)|look again at|revisit|(?:am|are) questioning|(?:does|do|did) not (?:agree|accept) (?:with )?(?:that|this|the|their|your) [^.;]{0,200}?\b(?:neither|nor) (?:do|did|can|could) (?:i|we))\b/;
/** A stance against a decision that someone holds: not "nobody is being asked to revisit the outcome". */
function stanceHeld(norm: string): boolean {
  const stance = STANCE.exec(norm);
  return stance !== null && !heldByNoOne(norm, stance.index);
}
const DECIDED = /\b(?:decision|outcome|threshold|closure|closing|nfa|no further action|step(?:ping)?[- ]down|stepped down|discharge)\b/;

/** The sentence after a step that says it was never taken: "It's still sitting in my drafts", "I haven't sent it". */
const UNSENT =
  /\b(?:(?:still )?(?:sitting )?in (?:my|the|our) drafts|(?:i|we) (?:have|had|did) not (?:yet )?sen[dt] (?:it|that|this)|never (?:got )?sent)\b/;

/** What names the writer's own role: "makes me the", "I am the", "as". */
const WRITERS_ROLE = /\b(?:me|i am|am|as)\s+(?:the |a |an |your |their |one )?$/;

/** A sentence that opens with the writer saying who they are: "Hello, I'm the …", "I am a …". */
// "We haven't met - I'm Marcus Oyelaran, Head of Service…": an introduction may open the sentence.
const I_AM = String.raw`^(?:(?:hi|hello|dear|good morning|good afternoon)\b[^.;,]{0,30},? |we have not (?:yet )?met,? -? ?|(?:let me|to) introduce myself,? -? ?)?i am (?:(?:the|a|an|one of the) )?`;
/** The writer introducing themselves and writing: "I'm the Named Nurse … and I'm writing to you". */
const WRITES_TO_YOU = new RegExp(
  String.raw`${I_AM}[^.;]{3,160}?\b(?:and|so) (?:i am |am )?(?:writing|contacting|emailing|getting in touch)\b`,
);
/** …and taking the case up in that role. */
const TAKES_UP = new RegExp(
  String.raw`${I_AM}[^.;]{3,160}?\b(?:and|so) (?:i am |am )?(?:picking (?:this|it) up|taking (?:this|it) (?:on|over)|taking over)\b`,
);
/** All that stands before the writer's own role: "I am the (acting) …". */
const BEFORE_OWN_ROLE = new RegExp(
  String.raw`${I_AM}(?:[a-z'-]+ [a-z'-]+(?: [a-z'-]+)?, )?(?:(?:[a-z&]+ ){0,3}[a-z]+'s )?(?:(?:new|acting|interim|deputy|senior|named|designated|lead|area|locality|safeguarding|trust|force|practice|school)\s+){0,2}$`,
);
/** The writer taking it up with their counterpart: "I am therefore writing to you as my equivalent in the Council". */
const TO_MY_EQUIVALENT =
  /\b(?:writing|contacting|emailing|getting in touch|raising (?:this|it)|escalating (?:this|it)|pick (?:this|it) up) (?:with |to )?you (?:directly |now |formally )?(?:as|in your role as) (?:my|our) (?:equivalent|counterpart|opposite number)\b(?![^.;]{0,60}\bto (?:share|let you know|introduce|invite|thank|update|say|confirm|arrange (?:a|the) (?:training|meeting of))\b)/;
/** The counterpart asked to take it up: "…as my equivalent in Health to take this forward". */
const TO_TAKE_FORWARD =
  /\bto (?:take (?:this|it|the matter) forward|resolve (?:this|it|the matter|the disagreement)|reach (?:a )?(?:final )?resolution)\b|\bwith a view to (?:reaching|resolving|agreeing)\b/;
/** A sentence that is the writer saying who they are: "I am West Mercia Police's representative on the TWSP." */
const OWN_ROLE_SENTENCE = new RegExp(String.raw`${I_AM}[^.;]{3,120}[.!]?$`);

/** The one written to asked to take it up: "I am writing to ask that you now take this forward". */
const TAKE_IT_FORWARD =
  /\b(?:(?:ask(?:ing)?|request(?:ing)?) (?:that )?you|(?:grateful|appreciate it) if you (?:could|would)) (?:now |please )*(?:to )?(?:take (?:this|it|the matter) (?:forward|on|up)|pick (?:this|it|the matter) up)\b/;

/** The case referred to the one written to: "so I am referring the matter to you", "escalating this to you". */
const REFERRED_TO_YOU = /\b(?:referring|escalating|raising|passing|bringing|sending)\b[^.;]{0,40}?\b(?:to|with) you\b/;

/** The stage of the role the one written to holds ("you are the tier 3 manager"). */
function addresseesRole(norm: string, policy: Policy): string | null {
  const role = stageAnchors(norm, policy).find(
    (a) =>
      a.how === 'role' &&
      /\b(?:you are|your details as|given your name as) (?:the |our |a |an )?(?:[a-z-]+ ){0,2}$/.test(
        norm.slice(Math.max(0, a.index - 40), a.index),
      ),
  );
  return role?.stage ?? null;
}

/** The stage of the role the writer says is theirs ("I am the …"), the first named. */
function writersRole(norm: string, policy: Policy): string | null {
  const own = stageAnchors(norm, policy).find(
    (a) =>
      a.how === 'role' &&
      // "I am the Head of Service's PA": someone else's role.
      !/^'s\b/.test(norm.slice(a.index + a.text.length)) &&
      BEFORE_OWN_ROLE.test(norm.slice(0, a.index)),
  );
  return own?.stage ?? null;
}

/** The sentence after an ending that puts it on another case: "That was a separate matter." */
const SEPARATE_MATTER =
  /^(?:that|which) was (?:a |an |an entirely |a completely |a quite )?(?:sep[ae]rate|different|unrelated|other) (?:matter|case|issue|disagreement|dispute|child|family|referral)\b/;
/** An ending said of "it", "that" or "which", in the past. */
const PRONOUN_ENDED =
  /^(?:(?:and|so|but)\s+)?(?:it|this|that|which)\b[^.;]{0,30}?\b(?:was|were|had been|got)\s+(?:[a-z]+\s+)?(?:resolved|settled|sorted|closed)\b/;

/** Another case than this one: "a different family", "a similar disagreement", "in 2024". */
const OTHER_CASE =
  /\b(?:(?:another|a different|a similar|other) (?:case|family|child|disagreement|dispute|matter)|similar|in 20\d\d|last year)\b/;
/** A step told of "it", "that" or "which", in the past. */
const PRONOUN_WENT =
  /^(?:(?:and|so|but)\s+)?(?:it|this|that|which|that one)\b[^.;]{0,30}?\b(?:went|was (?:escalated|referred|taken|moved|passed)|got|reached|ended up)\b/;

/** Verbs that tell a step already tried: "raised this with", "discussed it", "spoke to". */
const TRIED = /\b(?:raised|discussed|spoke|met|talked|took|escalated|went)\b/;

/** A stage that has failed: its people could not agree. */
const FAILED =
  /\b(?:(?:ended|finished|concluded) (?:without|with no) (?:agreement|resolution)|not in agreement|unable to (?:agree|resolve)|not (?:been )?able to (?:agree|resolve|reach)|(?:was|were|has|have) not (?:been )?(?:resolved|agreed)|not reached (?:an )?agreement|remains? unresolved|could not (?:agree|resolve)|failed to (?:agree|resolve))\b/;

/** "We agreed to differ", "we see it differently": the disagreement kept, by agreement. */
const AGREE_TO_DIFFER = /\bagree(?:d|ing)? to (?:disagree|differ)\b/;
/** Differing views left where they are: "we've gone as far as we can", "neither of us is going to shift". */
const LEFT_THERE =
  /\b(?:gone as far as (?:we|i) can|neither of us (?:is|are|will be) (?:going to )?(?:shift|move|budge)|(?:will|shall|am|are) not (?:going to )?(?:push|take|pursue) (?:it|this|things|the matter) any further)\b/;
/** Views that differ, said as where things stand: "we see the s47 question differently". */
const SEEN_DIFFERENTLY =
  /(?<!if (?:you|they) |\byou |\bthey )\b(?:see|view|read|interpret) (?:this|it|that|things|the (?:[a-z0-9-]+ ){0,2}[a-z0-9-]+|(?:mr|mrs|ms|miss) [a-z]+'s [a-z-]+)(?: one)? differently\b|\bwe (?:both )?(?:see|view) (?:[a-z]\.?'s|his|her|their) (?:[a-z-]+ ){0,2}[a-z-]+ differently\b/;

/** Part agreed, part still in dispute: for the partnership to look at. */
const STILL_DISAGREE = new RegExp(
  `${AGREE_TO_DIFFER.source}|${SEEN_DIFFERENTLY.source}|${
    /\b(?:where we have not (?:got|reached|landed)|what (?:we|i) (?:have not|did not|could not|can not|still have not) (?:yet )?agreed?(?: on)? (?:is|are|was)(?! (?:who|where|when|the (?:venue|date|time|minutes|room|agenda))\b)|(?:you|they) still (?:think|feel|believe|consider)|still (?:not on the same page|some (?:way|distance) apart|have (?:serious |real |significant )?concerns|disagree|do not agree|not agree|(?:a |the )?point of difference|are not happy|not happy|unhappy|do not accept|apart|differ|see (?:this|it|that|things) differently|have (?:different|differing) views|not comfortable|concerned|do not share (?:your|their|the|that|our|this) (?:view|position|assessment))|(?:do|does) not see eye to eye|(?:do|does) not see (?:it|this|that|things) the same way|not (?:persuaded|convinced)|remains? concerned|remains? (?:a |in )?(?:disagreement|dispute)|(?:question|issue|point|matter)\b[^.;]{0,120}\bremains? (?:open|outstanding|live)|(?:we|they) remain (?:some (?:way|distance) )?(?:apart|divided)|still not (?:in the same place|on the same page|agreed)|do not (?:agree|accept) (?:with )?(?:the|that|this|it)\b|not entirely|not fully|(?:a|the) point of difference|do not know whether|not sure (?:whether|where that leaves)|not clear whether|remains? of the view)/
      .source
  }`,
);
const STILL_DISAGREE_ALL = new RegExp(STILL_DISAGREE.source, 'g');
const AGREED_PART =
  /\b(?:resolved|settled|sorted|agree|agreed|accept|accepted|(?:in|reached|reach) agreement|happy with|content with|can live with|glad|made progress|progress|part of the way|partly there|mostly there|in principle|(?:landed|ended up|are) (?:in )?the same place|on the same page|common ground)\b/g;

/**
 * Part of it agreed, said as a fact: not "this has not been resolved", "nor is it settled", "if we can't agree
 * by Thursday" or "I'd rather we sorted it between us".
 */
function agreesInPart(norm: string): boolean {
  // The quotation marks before each match, counted once along the sentence (a sentence has no length limit).
  let marks = 0;
  let counted = 0;
  for (const match of norm.matchAll(AGREED_PART)) {
    marks += quotationMarks(norm, counted, match.index);
    counted = match.index;
    if (marks % 2 === 1) continue;
    const before = norm.slice(Math.max(0, match.index - 40), match.index);
    if (
      /\b(?:not|nor|never|no|nothing|none|neither|if|unless|rather|hope|hoping|whether|would have|could have|might have)\b(?:\s+[a-z']+){0,3}\s*$/.test(
        before,
      )
    )
      continue;
    // "Shaun has agreed to read the school's records": agreeing to do something, not to any part of the disagreement.
    if (/^agreed? to (?!(?:the|a|an|your|this|that|their|our|disagree|differ)\b)[a-z]+/.test(norm.slice(match.index, match.index + 40)))
      continue;
    return true;
  }
  return false;
}

/**
 * Agreement given for now, or nearly there: "I'll accept the step-down for the time being", "we can stand
 * the escalation down for now", "OK to leave it there for now", "broadly content", "partly there".
 * A careful officer would not close the case on it, nor leave it unread: for the partnership to look at.
 */
const QUALIFIED =
  /\b(?:(?:addresses|resolves|settles|deals with|sorts out|answers) (?:one|part|some) of (?:the |our )?(?:two |three |\d )?(?:issues|points|concerns|questions|matters)\b|(?:accept|agree(?: to| with)?|content with|happy with|ok with|okay with|go along with|live with) (?:the|this|that|your) (?:[a-z-]+ ){0,2}?(?:decision|plan|step-?down|outcome|position|arrangements?|proposal|approach|closure|nfa)\b[^.;]{0,100}?\b(?:for now|for the time being|for the moment)|stand(?:ing)? (?:down|back) (?:the|this|my|our) (?:escalation|challenge|dispute|disagreement)\b[^.;]{0,60}?\b(?:for now|for the time being|for the moment)|(?:ok|okay|content|happy|prepared|willing) to (?:leave it|leave things|let (?:it|this) (?:run|rest|lie))\b[^.;]{0,40}?\b(?:for now|for the time being|for the moment)|(?:nearly|almost|partly|partially|mostly) there|broadly (?:content|happy|satisfied|in agreement|agreed?))\b/;

/** Items of a list of what was agreed and what was not. */
const AGREED_ITEM = /^(?:[-*\u2022\u00b7]\s*)?(?:agreed|accepted)\s*(?:-|:|$)/;
const NOT_AGREED_ITEM = /^(?:[-*\u2022\u00b7]\s*)?(?:not agreed|not accepted|still disputed|disputed|still not agreed)\s*(?:-|:|$)/;

/** A final decision named, as a sentence tells of it before the writer's answer: "Thank you for the Chair's final decision". */
const FINAL_NAMED = /\b(?:final|binding) (?:decision|outcome|determination|ruling)\b/;
/** A final decision still to come: "the final decision will be made by the Executive on 12 June". */
const FINAL_TO_COME = /\b(?:will|shall|to be|is due|are due|awaiting|waiting|pending|expected|once|when|until|before)\b/;
/** "…we accept it: a pre-birth ICPC will be convened": the decision the sentence before named, accepted. */
const ACCEPTS_IT = /\baccept(s?) (?:it|this|that)(?=\s*(?:[:;,.!]|$|in full\b|fully\b|without reservation\b))/g;

/**
 * The sentence with "it" read as the final decision the sentence before named, so that the rules for a final
 * decision accepted, and their scope (denied, conditional, asked), read it: "We do not accept it" stays unaccepted.
 */
function finalDecisionNamed(sentence: Sentence): Sentence {
  const norm = sentence.norm.replace(ACCEPTS_IT, 'accept$1 the final decision');
  return norm === sentence.norm ? sentence : { ...sentence, norm, clauses: clauses(norm) };
}

/** A decision accepted as final: "I accept your decision as the final word", "we accept the panel's final decision". */
const FINAL_WORD =
  /\baccept(?:s|ed|ing)? (?:the|your|their|this|that|his|her) (?:[a-z']+ ){0,3}?(?:decision|outcome|ruling|determination)\b[^.;]{0,30}?\bas (?:the )?final\b|\baccept(?:s|ed|ing)? (?:the|your|their|this|that) (?:[a-z']+ ){0,2}?final (?:decision|outcome|word|ruling|determination)\b/;

/** "Is this now resolved from your side?": a question a person should answer. */
const ASKS_RESOLVED =
  /\b(?:is|are|has|have) (?:this|it|the matter|the dispute|the disagreement|everything|things) (?:now )?(?:been )?(?:resolved|settled|sorted|closed)\b/;

/** A request or a question about the process, not a disagreement: "could you send me the form", "we have no case". */
const ASKING =
  /\b(?:could|can|would) (?:you|someone|somebody|anyone) (?:please )?(?:send|tell|confirm|clarify|advise|let me know|share|point)|\b(?:please could|please can) you|\b(?:we|i) (?:have not|do not have|have no) (?:got )?(?:a|any) (?:specific |live |current )?case|\bnot (?:about|in relation to) (?:a|any) (?:specific|particular|live) case|\bam i right\b|\bquick (?:one|question)\b/;

/**
 * A subject that says the disagreement ended: "Resolved at Stage 2 – Baby M", "CLOSED - step 3 dispute", "Outcome: resolved",
 * or the word added at its end when the thread's subject is changed: "Baby N - escalation - stage 2 - RESOLVED thank you",
 * "… - RESOLVED, conference being convened", "… - RESOLVED - minutes attached" (never with a condition or a part after it).
 */
const RESOLVED_SUBJECT =
  /^(?:(?:outcome|update|status)\s*[:-]\s*)?(?:resolved|settled|closed|concluded|agreed outcome)(?: at (?:stage|step|level|tier) [a-z0-9]+)?\s*(?:[-:\u2013(]|$)|\s[-:|(]\s*(?:now )?(?:resolved|settled|concluded|(?:all )?sorted(?: now)?)(?: at (?:stage|step|level|tier) [a-z0-9]+)?(?:[\s,-]*(?:(?:many )?thanks|thank you)?[\s!.)]*$|\s*[,;-]\s*(?:(?:all |now )?agreed|no further|nfa|closed)\b[^?]*$|\s*[,;-]\s*(?![^?]*\b(?:not|unresolved|if|when|once|unless|until|pending|partly|partially|part|in part)\b)[^?]{1,60}$)/;

/** "Does a phone call count as stage 2?", "would this count as a Step 2 discussion?" */
const COUNTS_AS = /\bcounts? as (?:a |the |an )?(?:formal )?(?:stage|step|level|tier) (?:[a-z0-9]+)\b/;

/** A failure that is no stage of this case: the family's, another case's, a diary's ("couldn't agree a date"). */
const FAILED_ELSEWHERE =
  /^(?:[a-z]+ ){0,2}(?:mum|dad|mother|father|parents?|carers?|grand(?:mother|father|parents?|ma|pa)|the family)\b|\b(?:last year|a similar|another case|agree (?:on )?(?:a|the) (?:date|time|venue))\b/;

/** Notes of a named stage's discussion: "my notes from the Step 2 conversation", "my note of the stage 1 discussion". */
const NOTES_OF = /\b(?:notes?|record|minutes|summary|write-?up) (?:of|from) (?:the|our|my|that) ((?:stage|step|level|tier) [a-z0-9]+)\b/;

/** Whether the message gives the notes of a stage below the case's: a late record, not where the case stands now. */
function notesOfEarlierStage(written: readonly { norm: string }[], policy: Policy, currentStage: string | undefined): boolean {
  if (currentStage === undefined) return false;
  // …a record sent on its own, not the notes of today's meeting that mention an earlier one.
  if (written.some((s) => /\b(?:we|they|managers) (?:have )?met (?:again )?(?:today|this (?:morning|afternoon)|yesterday)\b/.test(s.norm)))
    return false;
  return written.slice(0, 3).some((s) => {
    const named = NOTES_OF.exec(s.norm)?.[1];
    const stage = named ? stageAnchors(named, policy)[0]?.stage : undefined;
    return stage !== undefined && stageRank(policy, stage) < stageRank(policy, currentStage);
  });
}

/** A sentence as evidence, cut to its first MAX_EVIDENCE characters. */
const evidenceOf = (text: string): string => (text.length <= MAX_EVIDENCE ? text : `${text.slice(0, MAX_EVIDENCE)}…`);

/** "For your records", "for the partnership's log": a step reported, not raised. */
const FOR_RECORDS =
  /\bfor (?:your|the partnership's|the partnership) (?:records?|log|information|info)\b|\bso (?:that )?your records are complete\b|\bno (?:further )?action (?:is )?(?:required|needed)\b/;

/** Words a person writes to a person: "I", "we", "you", "please", "attached". A disclaimer speaks of "the sender". */
const WRITERS_WORDS = /\b(?:i|we|you|my|our|your|us|me|please|attached|enclosed|herewith|thanks|thank you|regards|hi|dear)\b/;
/** A phone's signature: "Sent from my iPhone". */
const SENT_FROM = /^sent from my\b/;

/**
 * The resolution process named in words of its own ("the professional disagreement", "the escalation policy"), not only
 * by a sentence that disagrees ("We disagree with the decision for three reasons").
 */
function namesTheProcess(signals: readonly Signal[]): boolean {
  const disagreeing = new Set(signals.filter((s) => s.kind === 'disagreement').map((s) => s.evidence));
  return signals.some((s) => s.kind === 'process' && s.strength === 'strong' && !disagreeing.has(s.evidence));
}

/** Procedures whose business is the process itself: a request for its figures, a training exercise about it. */
const ABOUT_THE_PROCESS: ReadonlySet<Frame> = new Set(['information-request', 'exercise']);

const FORM_ONLY_REVIEW = "the policy's form, sent with nothing written that raises a disagreement: for the partnership to look at";

const COUNTS_REVIEW = 'asks whether a step of a disagreement counts as a stage: for the partnership to look at';

const LOG_REVIEW = 'asks the partnership to log a step of a disagreement: for the partnership to look at';

/** "Could you add this to the resolution log", "please log that I had a stage 1 conversation", "for your records". */
const LOG_REQUEST =
  /\b(?:(?:please )?(?<!(?:'s|the|a|an|on) )(?:log|record|note)(?: this| that| it| these| them)?(?: down)? (?:that|as|on|in|for|against)\b|log (?:the )?(?:attached|enclosed)\b|add (?:this|the following|it) to (?:the|your|our|the partnership's) (?:resolution |escalation )?(?:log|records?|tracker|register)|log (?:a|an|the|this|our|my) (?:formal )?(?:escalation|professional disagreement|disagreement|dispute|challenge)\b|(?:for|to|on) (?:the|your|the partnership's) (?:resolution |escalation )?(?:log|records|tracker|register)\b|for (?:the|your) (?:log|records)\b)/;

/** A request put as a question: "could you log…", "please can you add this to…". */
const ASKED_TO_LOG =
  /^(?:[a-z]+, )?(?:please )?(?:could|can|would|will) (?:you|someone|somebody|the partnership|your team) (?:please )?(?:log|record|note|add)\b/;

/** Message + policy (+ the case's stage) → the signals of the resolution process, with evidence. */
export function readSignals(message: ReadableMessage, policy: Policy, context: CaseContext = {}, options: ReadOptions = {}): Reading {
  const signals: Signal[] = [];
  const written = sentences(message.newText);
  // A subject is one line; a longer one is not a subject a person wrote, and the subject rules read it whole.
  const cleanSubject = message.cleanSubject.slice(0, MAX_SUBJECT_CHARS);
  const subject = normalise(cleanSubject);
  // "- Stage 1 – speak to the worker… - Stage 2 – … - Stage 3 onwards – escalation goes to…": the ladder set out, line by line.
  const stageLines = written.map((sentence) => STAGE_LINE.test(sentence.norm));
  const ladder = stageLines.filter(Boolean).length >= 3;
  written.forEach((original, i) => {
    const before = written[i - 1]?.norm ?? '';
    const sentence = i > 0 && FINAL_NAMED.test(before) && !FINAL_TO_COME.test(before) ? finalDecisionNamed(original) : original;
    const read =
      ladder && stageLines[i] && !ACTS_NOW.test(sentence.norm)
        ? sentenceSignals(sentence, policy, context).map((s): Signal =>
            s.kind === 'stage' ? { ...s, escalation: false, how: 'ladder', strength: 'weak' } : s,
          )
        : sentenceSignals(sentence, policy, context);
    // "Last night I wrote an email asking her to take this on at Stage 4. | It's still sitting in my drafts.": never sent.
    const unsent = UNSENT.test(written[i + 1]?.norm ?? '');
    // "Thanks for sorting the minutes so quickly! | All sorted from my end now", "a fault with the Egress licence… | That has
    // now been resolved": an ending said of what the sentence before fixed, not of the disagreement.
    const fixedBefore =
      i > 0 &&
      ENDED_REFERENT.test(sentence.norm) &&
      !NAMES_THE_DISAGREEMENT.test(sentence.norm) &&
      FIXED_BEFORE.test(written[i - 1]?.norm ?? '');
    // "…the disagreement about Mia's older brother was resolved at Stage 1. | That was a separate matter.": another case's end.
    // "…a professional disagreement in 2024, when the health visitor escalated to Stage 4. | It was settled by the Heads of
    // Service at the time": the one the sentence before told of.
    const separate =
      SEPARATE_MATTER.test(written[i + 1]?.norm ?? '') ||
      (i > 0 && PRONOUN_ENDED.test(sentence.norm) && scopeWords.PAST.test(written[i - 1]?.norm ?? ''));
    // "In 2024 we had a disagreement … a different family … | It went all the way to Stage 5": the one the sentence before told of.
    const toldBefore =
      i > 0 && PRONOUN_WENT.test(sentence.norm) && OTHER_CASE.test(written[i - 1]?.norm ?? '') && !WRITER_NOW.test(sentence.norm);
    for (const signal of read)
      signals.push(
        unsent && signal.kind === 'stage' && signal.escalation
          ? { ...signal, escalation: false, how: 'counterfactual' }
          : toldBefore && signal.kind === 'stage' && signal.escalation
            ? { ...signal, escalation: false, how: 'past' }
            : (fixedBefore || separate) && signal.kind === 'resolution' && signal.resolved
              ? { ...signal, resolved: false, how: 'other-business' }
              : signal,
      );
  });
  // "I'm Shona's team leader at Hull Women's Aid. | Shona has asked me to take this forward with you…": the manager the
  // writer said they are takes the disagreement up, at the stage the policy gives a line manager.
  const manager = signals.find((s): s is StageSignal => s.kind === 'stage' && s.how === 'writer-manages');
  if (manager && signals.some((s) => s.kind === 'disagreement') && written.some((s) => !s.question && TAKEN_UP.test(s.norm)))
    signals.push({ ...manager, escalation: true, how: 'role' });
  // "I am West Mercia Police's representative on the TWSP. … I am therefore writing to you as my equivalent in the
  // Council": the writer, in a role the policy gives a stage, takes it up with their counterpart at that stage.
  const toEquivalent = written.find((s) => !s.question && TO_MY_EQUIVALENT.test(s.norm));
  const ownRole = toEquivalent
    ? written.map((s) => (!s.question && OWN_ROLE_SENTENCE.test(s.norm) ? writersRole(s.norm, policy) : null)).find((r) => r !== null)
    : undefined;
  // …about a disagreement: one raised, or a stage told as failed ("the meeting between our senior managers did not resolve it").
  if (
    toEquivalent &&
    ownRole &&
    (TO_TAKE_FORWARD.test(toEquivalent.norm) ||
      signals.some((s) => s.kind === 'disagreement') ||
      written.some((s) => FAILED.test(s.norm) || /\bdid not (?:resolve|settle)\b|\bwithout (?:agreement|resolution)\b/.test(s.norm)))
  )
    signals.push({
      kind: 'stage',
      stage: ownRole,
      escalation: true,
      how: 'role',
      evidence: evidenceOf(toEquivalent.text),
      strength: 'strong',
    });
  // "I understand from your office that you are the Strategic Safeguarding Partnership Manager. … I am writing to ask that
  // you now take this forward": the one written to, in the role the writer says they hold, takes it up.
  // …asked now, not on a condition or later, and about a disagreement raised or a stage that failed.
  const asksNow = (s: { norm: string; question: boolean }) =>
    !s.question &&
    TAKE_IT_FORWARD.test(s.norm) &&
    !/\b(?:if|unless|once|should|until|when|will be asking|shall be asking)\b/.test(
      s.norm.replace(/\b(?:grateful|appreciate it) if you\b/g, ' '),
    );
  const asking = written.find(asksNow);
  const askedToTakeUp =
    asking !== undefined && (signals.some((s) => s.kind === 'disagreement') || written.some((s) => FAILED.test(s.norm)));
  const addressed = askedToTakeUp ? written.map((s) => (s.question ? null : addresseesRole(s.norm, policy))).find((r) => r !== null) : null;
  if (asking && addressed)
    signals.push({
      kind: 'stage',
      stage: addressed,
      escalation: true,
      how: 'role',
      evidence: evidenceOf(asking.text),
      strength: 'strong',
    });
  // "+ Rebecca Lyle (my team manager)" … "so I'm escalating to you": the one added, in the role given, is where it goes.
  const added = signals.some((s) => s.kind === 'escalation') ? addedRole(written, policy) : null;
  if (added)
    signals.push({ kind: 'stage', stage: added.stage, escalation: true, how: 'role', evidence: added.evidence, strength: 'strong' });
  signals.push(...subjectSignals(cleanSubject, subject, policy, context));
  signals.push(...formSignals(message, written, policy, context.currentStage !== undefined));
  if (options.includeHistory) signals.push(...historySignals(message.historyText, policy));
  // "Resolved at Stage 2 – Baby M" as the subject, with the agreed outcome below it and no word of resolving in the text.
  if (
    context.currentStage !== undefined &&
    RESOLVED_SUBJECT.test(subject) &&
    !signals.some((s) => s.kind === 'resolution' || (s.kind === 'stage' && s.escalation) || s.kind === 'disagreement')
  )
    signals.push({
      kind: 'resolution',
      resolved: true,
      how: 'statement',
      evidence: `Subject: ${cleanSubject}`,
      strength: 'strong',
    });
  // "My notes from the Step 2 conversation…", the case now at Step 3: a late record of an earlier stage.
  const lateNotes = notesOfEarlierStage(written, policy, context.currentStage);
  // "I remain of the view… but I accept your decision as the final word": a final decision accepted ends it, reservation and all.
  const mixed =
    (!written.some((s) => FINAL_WORD.test(s.norm)) &&
      written.some((s) => STILL_DISAGREE.test(s.norm) && !s.question) &&
      written.some(
        (s) =>
          AGREE_TO_DIFFER.test(s.norm) ||
          (SEEN_DIFFERENTLY.test(s.norm) && LEFT_THERE.test(s.norm)) ||
          agreesInPart(s.norm.replace(STILL_DISAGREE_ALL, ' ')),
      )) ||
    (context.currentStage !== undefined && written.some((s) => QUALIFIED.test(s.norm) && !s.question)) ||
    // "We still see the threshold differently but the disagreement is now closed": an end with the views kept apart.
    // …not the writer's own change of mind ("Having heard from the GP I now see it differently").
    (written.some((s) => SEEN_DIFFERENTLY.test(s.norm) && !s.question && !/\b(?:i|we) (?:now|have come to) see\b/.test(s.norm)) &&
      signals.some((s) => s.kind === 'resolution' && s.resolved)) ||
    // "• agreed – a CIN plan from Monday … • not agreed – whether the threshold was met": a list of what was and was not.
    // …not the late notes of an earlier stage.
    (written.some((s) => AGREED_ITEM.test(s.norm)) && written.some((s) => NOT_AGREED_ITEM.test(s.norm)) && !lateNotes);
  // "My note of the stage 1 discussion … Agreed - TAF to continue": what was agreed at an earlier stage is its record, no end now.
  if (lateNotes) {
    const items = new Set(written.filter((s) => AGREED_ITEM.test(s.norm)).map((s) => evidenceOf(s.text)));
    signals.forEach((s, i) => {
      if (s.kind === 'resolution' && s.resolved && items.has(s.evidence)) signals[i] = { ...s, resolved: false, how: 'history' };
    });
  }
  return summarise(distinct(signals), policy, context, subject, {
    sentencesAsk: written.some((s) => s.question || ASKING.test(s.norm)),
    mixed,
    // "…or is it enough to note it in our own log?": how to keep one's own log, asked; "Could you log these…?" asks it done.
    logRequest: LOG_REQUEST.test(subject) || written.some((s) => LOG_REQUEST.test(s.norm) && (!s.question || ASKED_TO_LOG.test(s.norm))),
    countsAs: written.some((s) => s.question && COUNTS_AS.test(s.norm)),
    // "Appendix B for your records - no action required": the subject says so too.
    recordsOnly: FOR_RECORDS.test(subject) || written.some((s) => FOR_RECORDS.test(s.norm)),
    wordless: !written.some((s) => WRITERS_WORDS.test(s.norm) && !SENT_FROM.test(s.norm)),
  });
}

/** An ending said with no subject of its own, or of "it", "this", "that": "all sorted from my end", "that has now been resolved". */
const ENDED_REFERENT =
  /^(?:[-*\u2022\u00b7]\s*)?(?:(?:and|so|but|thanks|great)\s*,?\s*)?(?:(?:it|this|that|everything)\b[^.;]{0,20}?\b(?:resolved|sorted|fixed)|all sorted|sorted)\b/;
/** Words that name the disagreement or its process: an ending said of them is the disagreement's, whatever came before. */
const NAMES_THE_DISAGREEMENT = /\b(?:disagreement|dispute|escalation|challenge|agreement|stage|step|level|tier)\b/;
/** A sentence that fixed something other than the disagreement: the minutes sorted, a fault with a link. */
const FIXED_BEFORE = new RegExp(
  `\\b(?:sort(?:ing|ed)|fix(?:ing|ed)|amend(?:ing|ed)|correct(?:ing|ed)|tidy(?:ing)?) (?:out )?(?:the |those |these |my |our |your )?(?:minutes|notes|action log|record|link|invite|room|typo|spelling|date|chronology|paperwork)\\b|${OTHER_TROUBLE.source}`,
);

/** A line that starts with a stage's label: "- Stage 3 onwards – escalation goes to…", "Step 2: the managers meet". */
const STAGE_LINE =
  /^(?:[-*\u2022\u00b7]\s*)?(?:stage|step|level|tier)s? (?:\d{1,2}|one|two|three|four|five|six|seven)(?: onwards| and (?:above|beyond))?\s*(?:-|:|\()/;

/** The policy's own words reported: "it says to…", "the protocol states that…", "our guidance sets out…". */
const POLICY_SAYS =
  /^(?:(?:and|but|so) )?(?:it|(?:the|our|your|their|this) (?:[a-z-]+ )?(?:policy|protocol|procedure|guidance|flowchart|process|document|leaflet))\s+(?:says|states|said|stated|suggests|explains|sets out|describes|tells (?:you|us|me))\b/;

/** A request put as a question, with "please" at its end. */
const POLITE_ASK = new RegExp(
  String.raw`^(?:[a-z]+,? )?(?:so |and )?(?:can|could|would) (?:we|you) (?:please )?${STEP_ASKED}\b(?![^?]*\b(?:how|who|what|when|where|whether|which)\b)[^?]*,? please\s*\?`,
);

/** A clause of the writer's own after the policy told: "so please treat this as…", "and I am therefore referring…". */
const WRITERS_OWN = /^(?:(?:and|so|therefore|hence|which is why) )*(?:please|i|we|i am|we are)\b/;

/** The writer acting now, in a line of a list: "Stage 3: I am now escalating this to the Head of Service". */
const ACTS_NOW =
  /\b(?:i|we) (?:am|are) (?:now )?(?:escalating|referring|raising|taking|passing|moving)\b|\b(?:i|we) have (?:now )?(?:escalated|referred|raised|taken|passed|moved)\b/;

/** A line announcing who was added to the thread, with their role: "+ Rebecca Lyle (my team manager)". */
const ADDED_LINE = /^\+\s*[a-z][a-z .'-]{1,40}(?:\(|,|-)\s*(?:my|our|the|their|your)\b/;

function addedRole(written: readonly Sentence[], policy: Policy): { stage: string; evidence: string } | null {
  for (const sentence of written) {
    if (!ADDED_LINE.test(sentence.norm) || sentence.norm.length > 120) continue;
    const role = stageAnchors(sentence.norm, policy).find((a) => a.how === 'role');
    if (role) return { stage: role.stage, evidence: sentence.text };
  }
  return null;
}

function sentenceSignals(sentence: Sentence, policy: Policy, context: CaseContext): Signal[] {
  const signals: Signal[] = [];
  // The sentence is the evidence, cut short: a run of text with no full stop is not one sentence a person reads.
  const evidence = evidenceOf(sentence.text);
  const named = framesOf(sentence.norm);
  // Another procedure governs only the clause it is the business of, not one that mentions it in passing.
  const procedures = named.some((frame) => PROCEDURES.has(frame));
  const governing = (text: string): Frame[] => (procedures ? framesOf(coreOf(text)).filter((frame) => PROCEDURES.has(frame)) : []);
  const frames = [...new Set([...named.filter((frame) => !PROCEDURES.has(frame)), ...sentence.clauses.flatMap(governing)])];
  for (const frame of frames) signals.push({ kind: 'frame', frame, evidence, strength: 'strong', line: sentence.line });
  // "I'm PC Hall's supervisor", "I manage Dan Ames, Kai's social worker": a manager taking up the practitioner's
  // disagreement writes at the stage the policy gives a line manager.
  const manages = !sentence.question && frames.length === 0 && MANAGES.test(sentence.norm) ? lineManagerStage(policy) : undefined;
  if (manages) signals.push({ kind: 'stage', stage: manages, escalation: false, how: 'writer-manages', evidence, strength: 'strong' });
  // "I'm the Named Nurse for Safeguarding Children … and I'm writing to you directly about the decision": the writer
  // takes it up in a role the policy gives a stage, and writes at that stage.
  // "I'm the Service Manager for the North Locality and I'm picking this up from Jess": the case taken up in that role.
  const takesUp = TAKES_UP.test(sentence.norm);
  const role =
    !sentence.question && frames.length === 0 && (takesUp || WRITES_TO_YOU.test(sentence.norm)) ? writersRole(sentence.norm, policy) : null;
  if (role)
    signals.push(
      takesUp
        ? { kind: 'stage', stage: role, escalation: true, how: 'role', evidence, strength: 'strong' }
        : { kind: 'stage', stage: role, escalation: false, how: 'writer-role', evidence, strength: 'strong' },
    );
  // "My DSL tells me you are the tier 3 manager for the locality, so I am referring the matter to you": the one written to, in a role.
  const addressee =
    !sentence.question && frames.length === 0 && REFERRED_TO_YOU.test(sentence.norm) ? addresseesRole(sentence.norm, policy) : null;
  if (addressee) signals.push({ kind: 'stage', stage: addressee, escalation: true, how: 'role', evidence, strength: 'strong' });
  // Most sentences of a message say nothing of stages, roles, resolving or disagreeing: skip them early.
  if (!RELEVANT.test(sentence.norm) && !vocabularyOf(policy).any.test(sentence.norm)) return signals;
  const scopes = clauseScopes(sentence.clauses);
  const anchors = new Map<string, StageAnchor[]>();
  const units = escalationUnits(sentence.clauses, policy, anchors);
  const sentencePast = scopes.some((s) => s.past);
  // "Could we ask for a meeting between our senior managers before the weekend, please?": a request, its "please" split off.
  const politely = sentence.question && POLITE_ASK.test(sentence.norm);
  // "escalting to stage 3 | so can ur TM or SM pick it up w/ her pls?": the question starts in a later clause; the
  // step told before it is not asked.
  const askedFrom = sentence.question ? sentence.clauses.findIndex((c) => QUESTION_HEAD.test(c)) : -1;
  // "It says to speak to your line manager first and then your manager speaks to theirs": the policy told, not a step,
  // up to what the writer asks or does with it ("…, so please treat this as a Stage 5 referral").
  const policySays = POLICY_SAYS.test(sentence.norm);
  /** A clause of a sentence told in the past, or of the policy told, unless the writer acts in it now. */
  const toldNotDone = (text: string): boolean => !WRITER_NOW.test(text) && (sentencePast || (policySays && !WRITERS_OWN.test(text)));
  sentence.clauses.forEach((clause, i) => {
    const scope = scopes[i] ?? { negated: false, conditional: false, modal: false, past: false, counterfactual: false };
    const unit = units[i];
    const next = scopes[i + 1];
    const other = governing(unit ?? clause).length > 0;
    // A joined unit is governed by what governs either of its clauses.
    const unitScope =
      unit !== clause && next
        ? {
            negated: scope.negated || next.negated,
            conditional: scope.conditional || next.conditional,
            modal: scope.modal || next.modal,
            past: scope.past || next.past || toldNotDone(unit ?? ''),
            counterfactual: scope.counterfactual || next.counterfactual,
          }
        : { ...scope, past: scope.past || toldNotDone(clause) };
    // Another case's past is the whole sentence's: "a similar disagreement back in 2024, and that one was resolved".
    const resolution = readResolution(
      clause,
      { ...scope, past: scope.past || sentencePast },
      sentence.question,
      sentence.clauses.slice(i + 1, i + 4),
      sentence.clauses.slice(Math.max(0, i - 3), i).join(' '),
    );
    // "Resolved at the Stage 3 meeting", "we accept the outcome of the Stage 3 meeting": the stage where it
    // ended, named with no verb that moves anything, is where the resolution happened, not an escalation.
    const endedAt = resolution?.resolved === true && !hasMovingVerb(unit ?? clause);
    for (const escalation of unit === null || unit === undefined
      ? []
      : readEscalation(
          unit,
          politely ? { ...unitScope, requested: true } : unitScope,
          sentence.question && !(askedFrom > i && !unit.includes('?')),
          policy,
          anchors,
        )) {
      if (escalation.kind === 'unstaged') {
        if (!escalation.blocked && !other) signals.push({ kind: 'escalation', evidence, strength: 'weak' });
        continue;
      }
      const stage = escalation.stage === '+1' ? nextStage(policy, context.currentStage ?? policy.stages[0]?.id ?? '') : escalation.stage;
      if (!stage) {
        if (!escalation.blocked && !other) signals.push({ kind: 'escalation', evidence, strength: 'weak' });
        continue;
      }
      const strength = escalation.anchor === 'name' ? 'weak' : 'strong';
      if (escalation.kind === 'mention' || (endedAt && !escalation.blocked)) {
        signals.push({ kind: 'stage', stage, escalation: false, how: other ? 'other-procedure' : 'mention', evidence, strength });
        continue;
      }
      const how: StageSignal['how'] = other
        ? 'other-procedure'
        : (escalation.blocked ?? (escalation.anchor === 'role' ? 'role' : escalation.anchor === 'next' ? 'next' : 'phrase'));
      signals.push({
        kind: 'stage',
        stage,
        escalation: !other && !escalation.blocked,
        how,
        evidence,
        strength,
        ...(escalation.standing ? { standing: true } : {}),
      });
    }
    if (resolution) {
      const how = other && resolution.resolved ? 'other-procedure' : resolution.how;
      signals.push({ kind: 'resolution', resolved: resolution.resolved && !other, how, evidence, strength: 'strong' });
    }
    const raised = other || (sentence.question && !RECONSIDER_ASKED.test(clause)) ? null : disagreementEnd(clause);
    // "I really don't agree with that - her two older children were removed in 2023": the past after the words is the story's.
    const pastBefore = scope.past && raised !== null && scopeWords.PAST.test(clause.slice(0, raised));
    if (raised !== null && !scope.conditional && !pastBefore && !scope.counterfactual)
      signals.push({ kind: 'disagreement', evidence, strength: 'strong' });
  });
  // "we were quite surprised by the decision", "I'm asking you to look again at the closure": a stance against a decision, in so many words.
  if (
    frames.length === 0 &&
    !sentence.question &&
    !signals.some((s) => s.kind === 'disagreement') &&
    scopes.every((s) => !s.conditional && !s.past && !s.counterfactual) &&
    stanceHeld(sentence.norm) &&
    DECIDED.test(sentence.norm)
  )
    signals.push({ kind: 'disagreement', evidence, strength: 'strong' });
  // "DS Shaw raised this with Hannah Okafor at Stage 2 on 10 March and they were not able to reach agreement": a stage
  // told as tried and failed, before the words that say so, is the story, not a step taken now.
  const failedAt = frames.length === 0 && !sentence.question ? FAILED.exec(sentence.norm)?.index : undefined;
  let told = false;
  if (failedAt !== undefined && signals.some((s) => s.kind === 'stage') && TRIED.test(sentence.norm.slice(0, failedAt))) {
    const anchors = stageAnchors(sentence.norm, policy);
    const last = anchors[anchors.length - 1];
    // "…at Stage 2 on 10 March and they were not able to reach agreement", not "I've escalated - step 2 - as we couldn't agree".
    told =
      last !== undefined &&
      last.index < failedAt &&
      /\band\b/.test(sentence.norm.slice(last.index, failedAt)) &&
      !/\b(?:as|because|since|so)\b/.test(sentence.norm.slice(last.index, failedAt));
    if (told)
      signals.forEach((s, i) => {
        if (s.kind === 'stage') signals[i] = { ...s, escalation: false, how: 'mention' };
      });
  }
  if (failedAt !== undefined && (told || !signals.some((s) => s.kind === 'stage'))) {
    // "Your Team Manager and ours have discussed it and are not in agreement", "not resolved at senior manager
    // level": the stage those roles hold has failed, so a disagreement raised now starts at the one after it.
    const failed = highestOf(
      stageAnchors(sentence.norm, policy)
        // "which makes me the second-tier manager": the writer's own role, not a stage that failed.
        .filter(
          (a) => (a.how === 'role' || a.how === 'number') && !WRITERS_ROLE.test(sentence.norm.slice(Math.max(0, a.index - 16), a.index)),
        )
        .map((a) => a.stage),
      policy,
    );
    const after = failed === null ? null : nextStage(policy, failed);
    if (after) signals.push({ kind: 'stage', stage: after, escalation: false, how: 'after-failed', evidence, strength: 'strong' });
  }
  if (PROCESS_WORDS.test(sentence.norm) && frames.length === 0)
    signals.push({ kind: 'process', evidence, strength: sentence.question ? 'weak' : 'strong' });
  return signals;
}

/** A strong escalation in the text written by its writer ("I am raising this…"), not from the subject, a form or a status line. */
function writerEscalates(signals: readonly Signal[]): boolean {
  return signals.some(
    (s) =>
      s.kind === 'stage' &&
      s.escalation &&
      s.strength === 'strong' &&
      (s.how === 'phrase' || s.how === 'role' || s.how === 'next') &&
      /\b(?:i|we)\b/i.test(s.evidence),
  );
}

/**
 * The part of a clause that is its business: up to a phrase that gives background ("I disagree with the decision
 * to close the s47 following the school's complaint", "raising this as Stage 2 because the housing team's decision…").
 */
const BACKGROUND =
  /\b(?:following|regarding|concerning|in relation to|in respect of|because|since|after|due to|prompted by|arising from|about (?:the|your|their|our|his|her))\b/;

function coreOf(clause: string): string {
  const cut = BACKGROUND.exec(clause);
  return cut ? clause.slice(0, cut.index) : clause;
}

function subjectSignals(subject: string, norm: string, policy: Policy, context: CaseContext): Signal[] {
  const signals: Signal[] = [];
  const evidence = `Subject: ${subject}`;
  const frames = framesOf(norm);
  for (const frame of frames) signals.push({ kind: 'frame', frame, evidence, strength: 'strong', line: -1 });
  const conditional = /\b(?:if|whether|query|question|\?)/.test(norm);
  for (const anchor of stageAnchors(norm, policy)) {
    if (anchor.how !== 'number') continue;
    // With no case, a stage in the subject alone raises nothing: the body must (docs/design.md, 'Cases').
    const higher = context.currentStage !== undefined && stageRank(policy, anchor.stage) > stageRank(policy, context.currentStage);
    const escalation = higher && !conditional && frames.length === 0;
    signals.push({
      kind: 'stage',
      stage: anchor.stage,
      escalation,
      how: frames.length ? 'other-procedure' : escalation ? 'subject' : 'mention',
      evidence,
      strength: 'strong',
    });
  }
  if (PROCESS_WORDS.test(norm) && frames.length === 0) signals.push({ kind: 'process', evidence, strength: 'strong' });
  return signals;
}

/** Words that say a disagreement is not over, or is moving: no form says otherwise. */
const UNSETTLED =
  /\b(?:not (?:yet )?(?:agreed|resolved|settled)|no agreement|still (?:disagree|do not agree|not)|(?:i|we) (?:still )?disagree|escalating (?:this|it|the matter)|(?:i|we) (?:am|are|have) (?:now )?(?:escalat|referr)\w*)\b/;

const ATTACHING = /\b(?:attach(?:ed|ing)?|enclos(?:ed|ing)|complet(?:ed|ing)|find|sending|submit(?:ted|ting)?|here is|herewith)\b/;

function formSignals(message: ReadableMessage, written: readonly Sentence[], policy: Policy, onCase: boolean): Signal[] {
  const signals: Signal[] = [];
  for (const form of policy.forms) {
    const attachment = message.attachments.find((a) => a.filename && namesForm(a.filename, form));
    const sentence = namesForm(message.newText, form) ? written.find((s) => namesForm(s.text, form)) : undefined;
    if (!attachment && !sentence) continue;
    // Only the clause that names the form says whether it is sent: "Attached is the Appendix 1 form, completed
    // jointly so that both positions are set out" is attached, whatever "so that" governs.
    const all = sentence ? clauseScopes(sentence.clauses) : [];
    const naming = sentence ? sentence.clauses.findIndex((clause) => namesForm(clause, form)) : -1;
    const scopes = naming === -1 ? all : all.slice(naming, naming + 1);
    const attachedInText =
      sentence !== undefined &&
      !sentence.question &&
      ATTACHING.test(sentence.norm) &&
      !scopes.some((s) => s.conditional || s.negated || s.modal || s.past) &&
      // "I'll be sending the Appendix 1 proforma to the SSCP next Friday": not sent yet.
      !(scopeWords.FUTURE.test(sentence.norm) && scopeWords.FUTURE_DAY.test(sentence.norm)) &&
      framesOf(sentence.norm).length === 0;
    const signal: FormSignal = {
      kind: 'form',
      form: form.id,
      via: attachment ? 'attachment' : 'text',
      attached: attachment !== undefined || attachedInText,
      evidence: attachment ? `Attachment: ${attachment.filename ?? ''}` : (sentence?.text ?? ''),
      strength: attachment !== undefined || attachedInText ? 'strong' : 'weak',
    };
    signals.push(signal);
    if (signal.attached && form.stage !== undefined && form.when !== 'at-resolution') {
      signals.push({ kind: 'stage', stage: form.stage, escalation: true, how: 'form', evidence: signal.evidence, strength: 'strong' });
    }
    if (signal.attached) signals.push({ kind: 'process', evidence: signal.evidence, strength: 'strong' });
    // "Please find attached the WSCB Notification of an Escalation form": the form the policy has completed when it is
    // resolved, unless the text says it is not, or raises or moves the disagreement (the form's name invites it).
    if (signal.attached && form.when === 'at-resolution' && onCase && !written.some((s) => UNSETTLED.test(s.norm)))
      signals.push({ kind: 'resolution', resolved: true, how: 'statement', evidence: signal.evidence, strength: 'strong' });
  }
  return signals;
}

const formPatterns = new WeakMap<Form, RegExp>();

/** A form is named by one of its aliases, as whole words ("Appendix 1" is not "Appendix 10"). */
function namesForm(text: string, form: Form): boolean {
  let pattern = formPatterns.get(form);
  if (!pattern) {
    const aliases = form.aliases.map((alias) => alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[\\s_-]+'));
    pattern = new RegExp(`\\b(?:${aliases.join('|')})(?![\\w])`, 'i');
    formPatterns.set(form, pattern);
  }
  return pattern.test(text.replace(/[_.]+/g, ' '));
}

/**
 * The quoted history gives mentions only: what was said before is not said again. Long threads
 * quote a lot, so only lines that could name a stage or a resolution are read at all.
 */
function historySignals(history: string, policy: Policy): Signal[] {
  const signals: Signal[] = [];
  for (const sentence of sentences(history)) {
    for (const anchor of sentence.clauses.flatMap((clause) => stageAnchors(clause, policy))) {
      if (anchor.how !== 'number') continue;
      signals.push({ kind: 'stage', stage: anchor.stage, escalation: false, how: 'history', evidence: sentence.text, strength: 'weak' });
    }
    if (/resol|settled|sorted|agreement/.test(sentence.norm))
      signals.push({ kind: 'resolution', resolved: false, how: 'history', evidence: sentence.text, strength: 'weak' });
  }
  return signals;
}

/** The same sentence quoted again and again in a long thread is one signal, not many. */
function distinct(signals: Signal[]): Signal[] {
  const seen = new Set<string>();
  return signals.filter((signal) => {
    const key = Object.values(signal).join('\u0000');
    return !seen.has(key) && seen.add(key);
  });
}

const highestOf = (stages: Iterable<string>, policy: Policy): string | null =>
  [...new Set(stages)].sort((a, b) => stageRank(policy, b) - stageRank(policy, a))[0] ?? null;

/** What the message's sentences say as a whole, beside their signals. */
interface MessageTraits {
  /** A sentence asks something: a question, or a request about the process. */
  sentencesAsk: boolean;
  /** Part agreed and part still in dispute, or agreement given only for now. */
  mixed: boolean;
  /** It asks the partnership to log or record a step. */
  logRequest: boolean;
  /** It asks whether a step counts as a stage. */
  countsAs: boolean;
  /** It reports a step "for your records". */
  recordsOnly: boolean;
  /** Nothing in it is written by a person to a person: a gateway's banner, a disclaimer, "Sent from my iPhone". */
  wordless: boolean;
}

/** A form filled in and finished, or the one sent at the end: "the completed form", "the signed Appendix 3", "the notification form". */
const COMPLETED_FORM = /\b(?:completed|signed|finished|final|notification) (?:[a-z0-9-]+ ){0,4}?(?:forms?|proformas?)\b/;

/** Where the policy keeps its records: "the TWSP Partnership Manager", "Business Support", "the Board Manager". */
const RECORD_KEEPER =
  /\b(?:partnership (?:manager|team|business|office|inbox|mailbox)|business (?:unit|support|manager|office)|board manager)\b/;

/** The form finished and sent on: "I'll complete the form and send it to…", "we will fill in the Appendix and return it". */
const FORM_FINISHED =
  /\b(?:complet(?:e|es|ing)|fill(?:ing)? (?:in|out)|sign(?:ing)?)\b[^.;]{0,80}\b(?:send|sent|sending|return|returning|forward|forwarding|pass|passing)\b/;

/** An end offered on terms: "provided", "so long as", "on condition that". */
const ON_TERMS_WORDS = /\b(?:provided|providing|so long as|as long as|on (?:the )?condition)\b/;

/** A form named: "the form", "Appendix 3", "the proforma". */
const FORM_WORD = /\b(?:forms?|proformas?|appendix \w+)\b/;

function summarise(
  signals: Signal[],
  policy: Policy,
  context: CaseContext,
  subject: string,
  { sentencesAsk, mixed, logRequest, countsAs, recordsOnly, wordless }: MessageTraits,
): Reading {
  const resolutions = signals.filter((s) => s.kind === 'resolution' && s.how !== 'history');
  const resolved = resolutions.some((s) => s.kind === 'resolution' && s.resolved);
  // "Both agencies are content that the disagreement is resolved. The completed form will go to the TWSP Partnership
  // Manager": the form completed at the end goes where the policy keeps its records, and moves nothing.
  // "…that's it done and dusted - I'll fill in the Resolution of Issues bit on the form and send it on to the Partnership
  // Manager": the same, in the sentence that ends it.
  const ending = new Set(resolutions.filter((s) => s.kind === 'resolution' && s.resolved).map((s) => s.evidence));
  // "…the Delegated Safeguarding Partners, chaired by the Independent Scrutineer, … we accept the decision": a role
  // named in the sentence that ends it is the story of the end.
  const recordOfTheEnd = (s: StageSignal): boolean => {
    const evidence = s.evidence.toLowerCase();
    return (
      COMPLETED_FORM.test(evidence) ||
      (ending.has(s.evidence) && (FORM_WORD.test(evidence) || s.how === 'role')) ||
      // "…the escalation is resolved. | I'll complete the 'Resolution of Issues' section of the form and send it to the TWSP
      // Partnership Manager": the form of the end, sent where the policy keeps its records, in a sentence of its own.
      (s.how === 'role' && FORM_WORD.test(evidence) && FORM_FINISHED.test(evidence) && RECORD_KEEPER.test(evidence))
    );
  };
  const escalations = signals.filter((s): s is StageSignal => s.kind === 'stage' && s.escalation && !(resolved && recordOfTheEnd(s)));
  const strong = escalations.filter((s) => s.strength === 'strong');
  const weakTargets = [...new Set(escalations.filter((s) => s.strength === 'weak').map((s) => s.stage))];
  const phraseTargets = new Set(strong.filter((s) => s.how === 'phrase').map((s) => s.stage));
  // "I'm reassured by the explanation … Provided the core group meets before the 28th, we'd be content to treat the
  // disagreement as resolved": an end said beside the same end offered on a condition is offered on terms.
  const partial = resolutions.some(
    (s) =>
      s.kind === 'resolution' &&
      (s.how === 'partial' || (s.how === 'conditional' && resolved && ON_TERMS_WORDS.test(s.evidence.toLowerCase()))),
  );
  const unstaged = signals.some((s) => s.kind === 'escalation');
  const raisesDisagreement = signals.some((s) => s.kind === 'disagreement');
  const forms = [...new Set(signals.filter((s): s is FormSignal => s.kind === 'form' && s.attached).map((s) => s.form))];
  const namedStage = highestOf(
    signals
      .filter(
        (s): s is StageSignal =>
          s.kind === 'stage' &&
          (s.how === 'mention' || s.how === 'after-failed' || s.how === 'writer-manages' || s.how === 'writer-role') &&
          s.strength === 'strong',
      )
      .map((s) => s.stage),
    policy,
  );
  const aboutProcess =
    escalations.length > 0 ||
    unstaged ||
    raisesDisagreement ||
    signals.some((s) => (s.kind === 'process' && s.strength === 'strong') || (s.kind === 'stage' && s.how === 'mention'));
  // Other business: a frame in the subject, in the first lines written, or a newsletter, a recall or an
  // invitation anywhere, with no disagreement of the writer's own; or a frame with nothing of the process outside it.
  const frames = signals.filter((s): s is FrameSignal => s.kind === 'frame');
  const leading = frames.find(
    (s) => s.evidence.startsWith('Subject: ') || s.line < 2 || ['newsletter', 'recall', 'invitation'].includes(s.frame),
  );
  // An escalation bound to a stage or a role in a sentence of its own, in a message that names the resolution
  // process outside any frame, is the process's: "Professional disagreement - school place" with "I am raising
  // this with you as a Stage 2 inter-agency discussion under the resolution policy" opens at stage 2.
  // Only a frame in the subject alone gives way: one in the text written still decides.
  const explicit =
    frames.every((s) => s.line === -1) && writerEscalates(signals) && signals.some((s) => s.kind === 'process' && s.strength === 'strong');
  // Another procedure in the subject or the opening lines, with nothing of this process named: a disagreement in a
  // sentence of its own is with that procedure's decision ("FOI/2026/0193 - request for internal review … I don't
  // accept this"). One said in the procedure's own sentence is the writer's ("I am J's SENCO and I want to formally
  // challenge the decision…").
  const leadingProcedure = frames.find((s) => (s.evidence.startsWith('Subject: ') || s.line < 2) && PROCEDURES.has(s.frame));
  const procedureLed =
    leadingProcedure !== undefined &&
    // A request for information about the process, or a training exercise, names it as its subject, not the writer's own.
    (ABOUT_THE_PROCESS.has(leadingProcedure.frame) || !namesTheProcess(signals));
  const framed: Frame | null =
    procedureLed && !explicit
      ? leadingProcedure.frame
      : leading && !raisesDisagreement && !explicit
        ? leading.frame
        : frames[0] && !aboutProcess && !resolved
          ? frames[0].frame
          : null;

  const above = (stage: string | null) =>
    stage !== null && (context.currentStage === undefined || stageRank(policy, stage) > stageRank(policy, context.currentStage));
  // "Dr Ahmed (Named GP) and I met on Monday and were not able to resolve our concerns … so I am referring the matter to
  // you": on a case, a step that names no stage, taken after a stage told as failed, goes to the stage after that one.
  const afterFailed =
    context.currentStage !== undefined && unstaged && strong.length === 0
      ? highestOf(
          signals
            .filter(
              (s): s is StageSignal => s.kind === 'stage' && s.how === 'after-failed' && !FAILED_ELSEWHERE.test(s.evidence.toLowerCase()),
            )
            .map((s) => s.stage),
          policy,
        )
      : null;
  const highest = above(afterFailed)
    ? afterFailed
    : highestOf(
        strong.map((s) => s.stage),
        policy,
      );
  let review: string | null = null;
  if ((resolved || partial) && above(highest)) review = 'contradictory: the message both escalates and says the disagreement is resolved';
  else if (phraseTargets.size > 1 && [...phraseTargets].filter(above).length > 1)
    review = `ambiguous: the message escalates to several stages (${[...phraseTargets].join(', ')})`;
  else if ((partial || (mixed && context.currentStage !== undefined)) && !above(highest))
    review = 'a partial or qualified resolution: resolved in part, or with a reservation';
  else if (
    highest === null &&
    !resolved &&
    signals.some((s) => s.kind === 'resolution' && s.how === 'question' && ASKS_RESOLVED.test(s.evidence.toLowerCase()))
  )
    review = 'ambiguous: the message asks whether the disagreement is resolved';
  // With no case, a disagreement raised "practitioner to practitioner" names by its title the first stage, where it opens anyway.
  else if (
    highest === null &&
    // "I'll ask Paul to arrange a short debrief for the practitioners involved", on a case at stage 4: a stage below
    // the case's, named by its title, moves nothing and asks nothing.
    weakTargets.some(above) &&
    !(context.currentStage === undefined && raisesDisagreement && weakTargets.every((stage) => stage === policy.stages[0]?.id))
  )
    review = `ambiguous: an escalation to a stage named only by its title (${weakTargets.join(', ')})`;
  // With no case, escalating one's concerns about a decision raises the disagreement at the first stage.
  // …and so is one beside a stage the case has already reached ("on the phone with your duty manager … I'm taking this higher").
  else if (
    (highest === null || (context.currentStage !== undefined && !above(highest))) &&
    !resolved &&
    unstaged &&
    !(raisesDisagreement && context.currentStage === undefined)
  )
    review = 'ambiguous: an escalation that names no stage';
  else if (context.currentStage === undefined && strong.length > 0 && strong.every((s) => s.standing) && !raisesDisagreement && !unstaged)
    review = 'reports where a disagreement stands but raises none: no case to open without one';
  // With no case, the policy's form sent with nothing written of the writer's own (a banner, "Sent from my iPhone"):
  // what the form says is for the partnership to read before anything is opened.
  else if (
    context.currentStage === undefined &&
    strong.length > 0 &&
    strong.every((s) => s.how === 'form') &&
    !raisesDisagreement &&
    !unstaged &&
    !signals.some((s) => s.kind === 'process' && s.strength === 'strong' && !s.evidence.startsWith('Attachment: ')) &&
    wordless
  )
    review = FORM_ONLY_REVIEW;
  // With no case, a request to log a step of a disagreement ("a stage 1 conversation", a completed form) is the
  // partnership's to look at: it may want a case for it, and the log is not a figure to file away.
  // …and so is a record of a step already taken, "for your records", with no disagreement raised now.
  else if (
    context.currentStage === undefined &&
    logRequest &&
    // "Please note that the complaint has progressed to Stage 2": another procedure's step is no step of this one.
    !(framed !== null && PROCEDURES.has(framed)) &&
    (strong.length === 0 || (recordsOnly && !raisesDisagreement)) &&
    // "I'm not in agreement with the plan to close J's CIN plan, and I want to log that properly under Step One": a
    // disagreement the writer raises, and logs at the first stage, is opened there.
    !(raisesDisagreement && namedStage !== null && namedStage === policy.stages[0]?.id && !recordsOnly) &&
    (namedStage !== null || forms.length > 0 || strong.length > 0 || signals.some((s) => s.kind === 'process' && s.strength === 'strong'))
  )
    review = LOG_REVIEW;
  // "Does a phone call count as stage 2?": a step of a real disagreement, asked about.
  else if (context.currentStage === undefined && countsAs && !raisesDisagreement) review = COUNTS_REVIEW;
  const asks =
    /\?|\b(?:query|question|queries|clarification)\b/.test(subject) ||
    signals.some((s) => s.kind === 'process' && s.strength === 'weak') ||
    sentencesAsk;
  // With no case, a stage named as the process's own ("Stage: 3 of the SSCP protocol", a subject that says
  // "STAGE 3") above one reached only through a role the writer holds is where the writer says it stands.
  // A stage worked out from a failed one ("our teams have not been able to agree") is no name of the writer's own.
  const namedAsStage = highestOf(
    signals.filter((s): s is StageSignal => s.kind === 'stage' && s.how === 'mention' && s.strength === 'strong').map((s) => s.stage),
    policy,
  );
  const opening =
    context.currentStage === undefined &&
    highest !== null &&
    namedAsStage !== null &&
    strong.every((s) => s.how === 'role') &&
    stageRank(policy, namedAsStage) > stageRank(policy, highest)
      ? namedAsStage
      : highest;
  return {
    signals,
    asks,
    escalateTo: review ? null : opening,
    resolved: review ? false : resolved && !above(highest),
    forms,
    aboutProcess: aboutProcess || review !== null,
    raisesDisagreement,
    namedStage,
    // A log request about a disagreement's step is the process's, whatever figures or systems it names.
    frame: review === LOG_REVIEW || review === COUNTS_REVIEW ? null : framed,
    review,
  };
}
