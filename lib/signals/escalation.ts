import type { Policy } from '../policy/schema.js';
import { stageRank } from '../policy/stages.js';
import { CONCERNS_REFERRED } from './disagreement.js';
import { scopeWords, type ClauseScope } from './scope.js';
import { stageAnchors, type StageAnchor } from './stages.js';
import { afterLastDash, quoted } from './text.js';

/**
 * Verbs that move a disagreement up, as practitioners write them ("escalating", "referring",
 * "passed it to", "taking this to", "moving to", "stepping up"): they bind a stage, a role or
 * "the next stage" in their clause.
 */
const MOVING =
  /\b(?<!pre[- ])(?:escalat(?:e|es|ed|ing)\b|ask(?:ed|ing)? (?=[^.;]{0,60}\bto (?:contact|write|speak|meet|raise|take|pick|call|email|liaise|escalate|convene|arrange|organi[sz]e|chair|hear|facilitate|consider|review|look at|give (?!you\b|me\b|us\b)(?:[a-z']+ ){1,3}?a (?:ring|call|bell))\b)|ask(?:ed|ing)? (?:my |our |the (?=(?:[a-z-]+ ){0,2}(?:manager|head|director|lead|leader|supervisor)\b)|[a-z]+, (?:the|our|my) )(?=[^.;]{0,60}\bto (?:get|be) in touch\b)|(?<!will |to |going to |shall )brief(?:ed|ing)\b(?! (?:note|paper|summary|me|us)\b)|(?<!of an |notification of |pre-|pre )escalation(?!'? (?:form|notification)| (?:policy|process|procedure|protocol|form|flowchart|guidance|pathway|stages?|route|and|log|logs|tracker|register|list|spreadsheet|returns?|figures|data))|refer(?:s|red|ring)?\b|treat(?:s|ing|ed)? (?:this|it) as\b(?= (?:a |an )?(?:stage|step|level|tier|formal|professional)\b)|referral (?:to|for the attention of)\b|for the attention of\b|ask(?:ed|ing)? (?:that|for)\b(?=[^.;]{0,80}\b(?:considers?|reviews?|decides?|makes?|looks? at|goes|go|facilitates?|mediates?|chairs?|hears?|convenes?|arranges?|holds?|organi[sz]es?|sets? up|(?:be|is) (?:now )?(?:referred|escalated|considered|reviewed|heard|placed|put|brought|taken|convened))\b)|request(?:ed|ing)? (?:that|for)\b(?=[^.;]{0,80}\b(?:considers?|reviews?|decides?|makes?|looks? at|goes|go|facilitates?|mediates?|chairs?|hears?|convenes?|arranges?|holds?|organi[sz]es?|sets? up|(?:be|is) (?:now )?(?:referred|escalated|considered|reviewed|heard|placed|put|brought|taken|convened))\b)|pick(?:s|ing|ed)? (?:this|it) up|rais(?:e|es|ed|ing)|pass(?:es|ed|ing)?|tak(?:e|es|ing|en)(?! over (?:as|from)\b| that\b| place\b)|took(?! over (?:as|from)\b| place\b)|mov(?:e|es|ed|ing)|progress(?:es|ed|ing)?|proceed(?:s|ed|ing)?|bring(?:ing|s)?|brought|(?<!\bway )forward(?:ed|ing|s)?|step(?:s|ping|ped)? (?:this |it )?up|submit(?:s|ted|ting)?|invok\w*|initiat\w*|trigger\w*|go(?:es|ing)?(?! (?:with|through)\b| over (?!to\b))|gone|(?:has|have) (?:now )?come up to|went(?! through\b| over (?!to\b))|push(?:es|ed|ing)|elevat\w*|hand(?:s|ed|ing)? (?:this |it )?(?:over|up|on)|enter(?:s|ed|ing)?|put(?:s|ting)? (?:this|it|the (?:matter|dispute|disagreement|case|thread|chain|issue|escalation))(?: below| above)? (?:up )?(?:to|forward|before)|(?:put(?:s|ting)?|plac(?:e|es|ed|ing)|lay(?:s|ing)?) (?:[a-z']+ ){1,12}?(?:before|in front of)\b|hand(?:s|ed|ing)? (?:this|it|the matter|the case|the disagreement) (?:over )?to\b|sen(?:d|ds|ding|t) (?:this|it|the (?:case|matter|referral|disagreement)) (?:up|on|to)|(?:^|\bnow )sending (?:up |on |over )?to\b(?![^.;]{0,60}\bfor (?:info|information|awareness|(?:her|his|their|your|our) records)\b)(?![^.;]{0,40}\bthe (?:minutes|notes|outcome|letter|chronology|report|agenda|invite|paperwork)\b)|instigat\w*|open(?:s|ed|ing)? (?:a |an )?(?:formal )?(?:stage|step|level)|(?:be|is|marks?) the start of|get(?:ting)? (?:a |an )?meeting (?:[a-z]+ ){0,3}?between\b|(?:request|arrang|conven|call|propos|set(?:ting)? up|ask(?:ing|ed)? for)\w* (?:a |an )?(?:(?:urgent|early|joint|formal|resolution|escalation|senior|senior managers'?|managers'?|multi-agency) ){0,2}meeting(?: under the [a-z ]{1,30}?(?:protocol|policy|process|procedure|guidance))?,? (?:[a-z]+ ){0,3}?(?:between|of|with)\b|(?:arrang|conven|book|set(?:ting)? up)\w* (?:the|an?) (?:(?:urgent|early) )?(?:(?:multi-?agency|multi agency|resolution|escalation|partnership|independent|stage \w+) )?panel\b|suggest\w* (?:is |would be )?(?:a |an )?(?:resolution|escalation|senior managers'?|managers'?|multi-agency) meeting,? (?:[a-z]+ ){0,3}?(?:between|of|with)\b|(?:added|adding|looped in|looping in|brought in|bringing in)\b(?=[^.;]{0,160}?\b(?:to|into|onto|on to|in on) (?:this|the) (?:thread|email|e-mail|chain|conversation)\b| (?:[a-z.'-]+ ){1,4}?[a-z.'-]+, (?:our|my|the|their) [a-z])(?![^.;]{0,200}\b(?:for (?:info|information|awareness|visibility)|fyi)\b))\b/;

/** Verbs that bind a stage only with "as", "at" or "under": "contacting you as stage two", "writing to the TWSP Executive as stage 5". */
const CONTACTING =
  /\b(?:get(?:ting)? in touch|in touch with|contact(?:s|ing)?|writ(?:e|es|ing)|email(?:s|ing)?|approach(?:es|ing)?|(?<!(?:strictly|frankly|honestly|generally|broadly|technically|roughly|legally|practically) )speak(?:s|ing)?|call(?:s|ing)?|liais(?:e|es|ing)|discuss(?:es|ing)?|ring(?:s|ing)?(?! back)|phon(?:e|es|ing)|com(?:e|es|ing) (?:back )?to you|turn(?:s|ing)? to you|address(?:es|ing|ed)? (?:this|it|my concerns?|our concerns?) to)\b/;

/** The person written to, in the role the policy gives a stage: "contacting you directly, as Director of…", "in touch with Martin Ojo as your Head of Service". */
const ADDRESSEE_AS =
  /\b(?:you|with|to|call|calling|ring|ringing|phone|phoning|email|emailing|contact|contacting|meet|meeting)\b[a-z ,']{0,40}?\bas (?:the |my |our |your |their |a |one )?(?:[a-z]+ ){0,2}?(?:[a-z]+'s )?$/;

/** "…, i.e. stage two of the resolution process": what was just said, named as a stage. */
const THAT_IS = /\b(?:i\.?e\.?|ie|that is|namely|which is|so|as)\s*,?\s*(?:the |a |at )?$/;

/** Where a case is now: "now with the TWSP Executive", "is at Stage 3", "sits with the Head of Service". */
const STANDING =
  /\b(?:now (?:at|with|sits with|sitting with|lies with|rests with|sits at)|is (?:now )?(?:at|with)|are (?:now )?at|sits? (?:with|at)|sitting (?:with|at)|has reached|have reached|reached|over to)\b/;

/** The stage named as a label of the message: "Stage 3 escalation", "a Stage 2 referral", "Escalation: Stage 3". */
const LABEL_AFTER =
  /^\s*[-:(]?\s*(?:formal\s+)?(?:escalation|referral|meeting|challenge|disagreement|dispute|resolution meeting|discussion)\b/;
const LABEL_BEFORE =
  /\b(?:escalation|referral|escalation (?:to|at)|re|subject|treat (?:this|it) as|log (?:this|it) as|record (?:this|it) as|current|now at|(?:resolution |escalation )?(?:policy|protocol|process)|status|(?:current |escalation )(?:stage|step|level))\s*[-:(]?\s*$/;

/** "further", "higher", "up the line": an escalation that names no stage. */
const UNSTAGED =
  /\bescalat(?:e|es|ed|ing)\b(?! (?:policy|process|procedure|protocol|form|pathway|route|guidance|flowchart|route))|\b(?:tak|mov|push|pass|escalat)\w* (?:this|it|things|the matter|(?:that|this|the other) (?:part|point|issue|element)) (?:any )?(?:higher|further|up the line|up the chain)\b|(?:^|\b(?:so|therefore|now|and|thus) )(?:i am|we are|i have|we have) (?:now |therefore |now therefore |therefore now )?(?:referring|escalating|passing|referred|escalated|passed) (?:this|it|the (?:matter|case|disagreement|dispute)) (?:on |up )?to you\b(?! for (?:info|information|awareness|your (?:information|awareness|records))\b(?! and action))/;

/**
 * "We will have to take this further", "we will need to take this to the next stage": a step the writer announces.
 * "It now needs to go up to senior managers", "this now needs to be taken up at Director level": the writer's
 * judgement that it goes now (with the person added to the thread), not a wish.
 */
const ANNOUNCED =
  /\b(?:(?:i|we|and) (?:will|are going to|am going to) (?:have|need) to|(?:it|this|the matter|this one) now needs to(?: be)?)\s+$/;

/** Whether a clause has a verb that moves the disagreement. */
export function hasMovingVerb(clause: string): boolean {
  return MOVING.test(clause);
}

/** Whether a clause has a verb that can bind a stage. */
export function hasBindingVerb(clause: string): boolean {
  return MOVING.test(clause) || CONTACTING.test(clause) || STANDING.test(clause);
}

/**
 * Clauses to read together: a stage phrase cut from its verb by a clause boundary ("under Step 3
 * of the SSCP protocol I am now raising it with you", "escalating this to you, as the equivalent
 * manager (step 2)") is joined back to it. Returns, for each clause, the text its escalation is read on,
 * or null when it was joined to the one before.
 */
export function escalationUnits(clauses: readonly string[], policy: Policy, cache?: Map<string, StageAnchor[]>): (string | null)[] {
  const units: (string | null)[] = [...clauses];
  for (let i = 0; i + 1 < clauses.length; i++) {
    const here = clauses[i] ?? '';
    const next = clauses[i + 1] ?? '';
    const hereAnchors = stageAnchors(here, policy, cache).length > 0;
    const nextAnchors = stageAnchors(next, policy, cache).length > 0;
    const joins =
      // …its verb at the head of the next clause, not one far on in it ("…and it did the trick, things are moving").
      (hereAnchors && !hasBindingVerb(here) && hasBindingVerb(next.slice(0, 60)) && !nextAnchors) ||
      (!hereAnchors &&
        MOVING.test(here) &&
        nextAnchors &&
        !hasBindingVerb(next) &&
        // "passed this on to our Deputy Head, who line manages me (step 2)": the stage of the person it went to.
        (/^(?:as|at|under|for|to)\b/.test(next) ||
          /^(?:who|which)\b.*(?:\(|\s-\s)\s*(?:stage|step|level|tier)\b/.test(next) ||
          // "referred the matter to Kate Mayhew, who is the local authority's nominated WSCB representative"
          /^who (?:is|are) (?:the |our |their |your |my |[a-z]+'s )/.test(next)));
    if (joins && units[i] !== null) {
      units[i] = `${here} ${next}`;
      units[i + 1] = null;
      i++;
    }
  }
  return units;
}

export interface EscalationReading {
  kind: 'staged' | 'unstaged' | 'mention';
  /** The stage id, or '+1' for "the next stage". */
  stage?: string;
  anchor?: StageAnchor['how'];
  /** Bound by where the case stands ("is now at stage 1"), not by a verb that moves it. */
  standing?: boolean;
  /** Why it is not an escalation, when it is not. */
  blocked?: 'negated' | 'conditional' | 'question' | 'modal' | 'past' | 'counterfactual';
}

/** What one normalised clause says about moving the disagreement, given its scope. */
export function readEscalation(
  clause: string,
  scope: ClauseScope,
  question: boolean,
  policy: Policy,
  cache?: Map<string, StageAnchor[]>,
): EscalationReading[] {
  const anchors = stageAnchors(clause, policy, cache);
  const moving = MOVING.exec(clause);
  if (anchors.length === 0) {
    if (!UNSTAGED.test(clause) || !moving) return [];
    // "We will have to take this further": a step announced, for the partnership to look at (it names no stage).
    const announced = ANNOUNCED.test(clause.slice(0, moving.index));
    // A step "higher" put off to Monday is still one for the partnership to look at: its day is not read.
    const blocked = blockedBy(clause, moving.index, scope, question, announced, false);
    return [{ kind: 'unstaged', ...(blocked ? { blocked } : {}) }];
  }
  // With no verb that moves, a verb of contact says which role is the one reached: "Ch Supt Lowther has been briefed and
  // will speak to your Director".
  const target = pickTarget(anchors, clause, moving?.index ?? CONTACTING.exec(clause)?.index ?? -1, policy);
  if (!target) return [];
  // The words just before the stage: "copied in the", "added the", "with Joanne (my".
  const lead = clause.slice(Math.max(0, target.index - 30), target.index);
  // "I've copied in the Partnership as I understand this is the right way to raise it": the partnership copied,
  // as every policy asks, is a recipient, not the stage that bears its name.
  if (
    (target.how === 'name' || /\bpartnership\b/.test(target.text)) &&
    (/\b(?:cop(?:y|ied|ying)|cc'?(?:d|ing)?)\b(?: in)?(?: to)? (?:the |our |your )?$/.test(lead) ||
      // "I've added the Partnership back onto the thread": the mailbox added, not its manager.
      (/^partnership$/.test(target.text) && /\b(?:add(?:ed|ing)|loop(?:ed|ing))\b(?: in)?(?: to)? (?:the |our |your )?$/.test(lead)))
  )
    return target.how === 'name' ? [{ kind: 'mention', stage: target.stage, anchor: target.how }] : [];
  // "I've copied in my team manager, Daniel Okafor, for information so he's aware": copied for information, not raised with.
  if (
    target.how === 'role' &&
    /\b(?:cop(?:y|ied|ying)|cc'?(?:d|ing)?)\b(?: in)?(?: to)? (?:the |our |your |my )?$/.test(lead) &&
    FOR_INFORMATION.test(clause.slice(target.index, target.index + 120))
  )
    return [];
  // "I'm raising it with you formally, with Joanne (my team leader) and the partnership copied in": copied, not raised with.
  if (
    target.how === 'role' &&
    /\bwith (?:[a-z]+ ){0,2}\(?(?:my|our) $/.test(lead) &&
    COPIED_AFTER.test(clause.slice(target.index + target.text.length, target.index + target.text.length + 80))
  )
    return [];
  const verbIndex = bindingVerb(clause, anchors, target, moving);
  if (verbIndex === null) return anchors.filter((a) => a.how === 'number').map((a) => ({ kind: 'mention', stage: a.stage, anchor: a.how }));
  // "We will need to take this to the next stage": announced by the writer, as good as done.
  const announced = ANNOUNCED.test(clause.slice(0, verbIndex));
  const blocked = blockedBy(clause, verbIndex, scope, question, announced);
  const standing = !moving && STANDING.exec(clause)?.index === verbIndex;
  return [{ kind: 'staged', stage: target.stage, anchor: target.how, ...(blocked ? { blocked } : {}), ...(standing ? { standing } : {}) }];
}

/** Copied so that someone knows, not to act: "for information", "so he's aware", "FYI". */
const FOR_INFORMATION =
  /\b(?:for (?:info|information|awareness|visibility|oversight)|fyi|so (?:that )?(?:s?he|they) (?:is|are) (?:aware|sighted|in the loop))\b/;

/** Copied in after the role: "(my team leader) and the partnership copied in". */
const COPIED_AFTER = /^[^.;]{0,60}?\b(?:copied in|cc'?d in|in copy|copied into this)\b/;

/** A stage's meeting that failed. */
const ENDED_WITHOUT = /\b(?:ended|finished|concluded|closed|broke up) (?:without|with no) (?:agreement|resolution|a resolution)\b/;
/** The same, as a clause of its own before a comma. */
const ENDED_WITHOUT_AND_COMMA = new RegExp(`${ENDED_WITHOUT.source}[^,;]{0,60}[,;]`, 'g');

/** A document, or a part of one, just before the verb: "Appendix 1 still", "the flowchart also", "section 4". */
const DOCUMENT_BEFORE =
  /\b(?:appendix \w+|form|policy|protocol|procedure|guidance|section \w+|paragraph \w+|box|page \w+|document|leaflet|flowchart|template|draft|it|which)(?: (?:still|also|only|now|just|then))?\s*$/;

/** The one way left, said with a denial: "I can't see any option other than to", "I do not see an alternative but to". */
const NO_OTHER_WAY =
  /\b(?:can not|could not|do not) see (?:any |an |another )?(?:other )?(?:option|alternative|choice|way)s? (?:but|other than|except|than)(?: to)?\s/g;

/** A field of figures: "Referred at Step 4 to SSCP: 0", "…: 3 (2 resolved)". */
const FIGURE_FIELD =
  /^[^:;]{0,80}(?<!stage|step|level|tier|stages|steps|levels|tiers|no|no\.|\d):\s*\d{1,4}(?![\d/.:-])[^a-z]{0,20}(?:$|\(|,)/;
/** Steps counted before the verb: "the two disputes that", "12 escalations were". */
const STEPS_COUNTED =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|several|\d{1,3}|the number of|how many) (?:formal |professional |separate |other )?(?:disputes|disagreements|challenges|escalations)\b/;
/** A line of a report that starts with what it counts: "Escalations raised with WHT by other agencies…", "Disputes logged…". */
const COUNTED_LEAD = /^(?:[-*\u2022\u00b7]\s*)?(?:disputes|disagreements|challenges|escalations|referrals|matters)\b/;

/** A form's field answered in the negative: "…: N/A", "…: none", "…: not applicable". */
const NOT_APPLICABLE = /^[^:;]{0,80}:\s*(?:n\/?a|none|nil|no|not applicable|not yet|not required)\s*[.!]*$/;

/** A policy named after its owner: "('s) resolution policy", "dispute resolution protocol". */
const POLICY_AFTER =
  /^(?:'s)?\s*(?:(?:professional|dispute|inter-?agency|multi-?agency)\s+)?(?:resolution|escalation|disagreement)\s+(?:policy|protocol|procedure|guidance|process)\b/;

const CONVENES = /\b(?:convenes?|convened|convening|chairs?|hears?|arranges?|sets? up)\b/;

/**
 * The stage moved to: a number wins over a role ("to my manager (stage 3)"), a role over "next"; never the one moved
 * from; and a body a role is asked to convene, when it is higher than that role.
 */
function pickTarget(all: StageAnchor[], clause: string, verbIndex: number, policy: Policy): StageAnchor | undefined {
  // "…only goes to a pdf and my manager wants a copy": a role that is the subject of a verb of its own is nobody it went to.
  const anchors = all.filter(
    (a) =>
      !(
        /\band (?:(?:my|our|the|your|their) )?$/.test(clause.slice(Math.max(0, a.index - 12), a.index)) &&
        /^\s*(?:wants|wanted|needs|said|says|thinks|feels|asked|likes|would like)\b/.test(clause.slice(a.index + a.text.length))
      ),
  );
  if (anchors.length === 0) return undefined;
  // "moving from stage 2 to stage 3": never the stage it comes from; the first named after the verb.
  // "…under the Swindon Safeguarding Partnership resolution policy": the partnership named as the policy's owner.
  const notFrom = anchors.filter(
    (a) =>
      !/\bfrom (?:the |my |our |a )?$/.test(clause.slice(Math.max(0, a.index - 12), a.index)) &&
      !(a.how !== 'number' && POLICY_AFTER.test(clause.slice(a.index + a.text.length, a.index + a.text.length + 60))),
  );
  // "This is a Stage 2 escalation …, following a Stage 1 conversation": the stage that names the escalation itself.
  const naming = notFrom.find(
    (a) =>
      a.how === 'number' &&
      verbIndex > a.index &&
      /^\s*(?:escalation|referral|challenge)\b/.test(clause.slice(a.index + a.text.length, verbIndex + 12)),
  );
  if (naming) return naming;
  const afterVerb = notFrom.filter((a) => a.index > verbIndex);
  // "moving this up to the next level …, and have asked Richard, our … manager, to make contact": the step's own object.
  const first = afterVerb[0];
  if (
    first?.how === 'next' &&
    !afterVerb.some((a) => a.how === 'number') &&
    /^\S+(?: (?:this|it|the matter|the case))?(?: (?:up|on|forward))? (?:to|on to|onto|into) $/.test(clause.slice(verbIndex, first.index))
  )
    return first;
  const target = firstBest(afterVerb.length ? afterVerb : notFrom.length ? notFrom : anchors);
  if (!target) return undefined;
  // "I would ask that the Partnership now convenes the multi-agency panel": the body convened, when it is higher than the one asked.
  const convening = verbIndex >= 0 ? CONVENES.exec(clause.slice(verbIndex)) : null;
  const convened = convening ? firstBest(notFrom.filter((a) => a.index > verbIndex + convening.index)) : undefined;
  if (convened && convened.how !== 'next' && target.how !== 'next' && stageRank(policy, convened.stage) > stageRank(policy, target.stage))
    return convened;
  return target;
}

/** A number wins over a role, a role over "next", "next" over a name; the first of the best. */
function firstBest(pool: readonly StageAnchor[]): StageAnchor | undefined {
  const rank = { number: 0, role: 1, next: 2, name: 3 } as const;
  const best = Math.min(...pool.map((a) => rank[a.how]));
  return pool.find((a) => rank[a.how] === best);
}

/** The index of what binds the stage to a movement, or null when the stage is only mentioned. */
function bindingVerb(clause: string, anchors: StageAnchor[], target: StageAnchor, moving: RegExpExecArray | null): number | null {
  if (moving) return moving.index;
  const standing = STANDING.exec(clause);
  if (standing && (target.how === 'role' || target.how === 'number' || target.how === 'next')) return standing.index;
  const after = clause.slice(target.index + target.text.length);
  const before = clause.slice(Math.max(0, target.index - 30), target.index);
  // "The stage 3 discussion … on 10 March ended without agreement": a stage that failed, not one the message moves to.
  // "DS Shaw's note of the Stage 2 discussion is attached": a record of that stage, not a move to it.
  if (
    target.how === 'number' &&
    (LABEL_AFTER.test(after) || LABEL_BEFORE.test(before)) &&
    !ENDED_WITHOUT.test(after) &&
    !/\b(?:notes?|record|minutes|summary|write-?up) (?:of|from) (?:the|our|my|your|their)\s*$/.test(before)
  )
    return target.index;
  // "Sandra and I got nowhere. Step 3 please, thread below.": the stage asked for, as the whole of a clause.
  if (
    target.how === 'number' &&
    /^(?:(?:so|now|ok|okay|right)[, ]+)?$/.test(clause.slice(0, target.index)) &&
    (/^\s*(?:now\s+)?(?:please|pls|plz)\b(?! (?:find|see|disregard|ignore|can|could|would|note|confirm|advise|let|send|call|ring|read|check|look|tell|forward|unless|if)\b)/.test(
      after,
    ) ||
      // "Stage 3 now I'm afraid, the head and I got nowhere".
      /^\s*now (?:i am afraid|please|pls)\b/.test(after))
  )
    return target.index;
  // "Under Step 1 of the SSCP protocol I would like to discuss…": a stage of this process, and a verb of contact.
  const prefix = clause.slice(Math.max(0, target.index - 10), target.index);
  const ofProcess = /^\s*(?:of (?:the|our|this) [a-z ]{0,40}(?:protocol|policy|process|procedure|guidance)|\))/.test(after);
  if (target.how === 'number' && (/\bunder\s+$/.test(prefix) || (/\b(?:at|as)\s+(?:the\s+)?$/.test(prefix) && ofProcess))) {
    const contact =
      CONTACTING.exec(clause) ??
      /\b(?:discuss|raise|raising|writing|contacting|inform(?:s|ing)?|notify(?:ing)?|alert(?:s|ing)?|doing (?:so|this))\b/.exec(clause);
    if (contact) return contact.index;
  }
  if (target.how === 'role' || target.how === 'number') {
    const contact = CONTACTING.exec(clause);
    const gap = contact ? clause.slice(contact.index, target.index) : '';
    if (contact && contact.index < target.index && gap.length < 80 && ADDRESSEE_AS.test(gap)) return contact.index;
    // "I am now writing to the TWSP Executive": a contact verb whose object is the role.
    // "I am writing as Director of Nursing", "writing in my capacity as Senior Manager": the writer acting in the role.
    // Not "a phone call between managers": those between whom it passed, not the role written to.
    if (
      contact &&
      target.how === 'role' &&
      /^\S+(?: (?:directly|now|formally|again))?(?: to| with| as| in my capacity as)? (?:the |my |our |your |one )?(?:[a-z]+ ){0,2}(?:[a-z]+'s )?$/.test(
        gap,
      ) &&
      !/\bbetween (?:the |our |their )?$/.test(gap)
    )
      return contact.index;
    if (contact && contact.index < target.index && target.how === 'number' && gap.length < 120 && THAT_IS.test(gap)) return contact.index;
    // "I am writing to you directly, at Director and Chief Superintendent level": the level written at.
    if (
      contact &&
      contact.index < target.index &&
      target.how === 'role' &&
      gap.length < 60 &&
      /\bat (?:the )?$/.test(gap) &&
      /^[a-z' ]{0,40}?\blevel\b/.test(clause.slice(target.index + target.text.length))
    )
      return contact.index;
  }
  if (target.how === 'number' || target.how === 'next') {
    const contact = CONTACTING.exec(clause);
    // "contacting you as my equivalent - Step 2", "writing to you … at Stage 3".
    // "… getting in touch with you directly (stage 2)", "… who will speak to your Director - stage 5": bracketed or after a dash.
    if (
      contact &&
      contact.index < target.index &&
      /\b(?:as|at|under|for|in line with)\b|(?:\(|\s-)\s*$/.test(clause.slice(contact.index, target.index)) &&
      // "we had a phone call between managers and both were sorted at Step 2": the stage is another clause's.
      !/\b(?:and|but|so) (?:both|it|this|that|they|we|he|she|the)\b/.test(clause.slice(contact.index, target.index))
    )
      return contact.index;
  }
  return null;
}

/** The verbs of a step asked for politely: "could you please escalate…", "can we please get a meeting…". */
export const STEP_ASKED = String.raw`(?:escalate|refer|pass|take|put|move|arrange|set up|book|convene|get|ask|request|organi[sz]e|(?:raise|forward|send|bring|pick) (?:this|it|the (?:matter|case|disagreement|dispute|concern))\b(?! (?:newsletter|leaflet|invite|invitation|form|flyer|poster|email|e-mail|message|information|info|link)\b))`;

/** A step asked for with "please": "so can we take it to the next stage please?", "could you please pass this to your Head of Service?" */
const REQUESTED = new RegExp(
  String.raw`^(?:so |and )?(?:can|could|would) (?:we|you) (?:please )?[a-z]+\b.*\b(?:please|pls|plz)\b|^(?:so |and )?(?:can|could|would) (?:we|you) please ${STEP_ASKED}\b|, (?:so |and )?(?:can|could|would) (?:we|you) please ${STEP_ASKED}\b|^(?:so |and )?(?:can|could|may) i (?:please )?(?:ask|request)\b|^(?:so |and )?(?:please )?(?:can|could) (?:this|it|the matter|the case|the disagreement) (?:now |please )*be (?:referred|escalated|passed|taken|put|sent|brought)\b(?![^?]*\b(?:rather than|or do you|or would|or should|do you know)\b)|^(?:so |and )?please (?:can|could|would) (?:we|you) (?!move (?:the|our|your|my) (?:[a-z0-9-]+ ){0,3}?(?:meeting|panel|call|date|discussion|visit)\b)${STEP_ASKED}\b|^(?:so |and )?(?:can|could|would) (?:the|your|our) (?:[a-z-]+ ){1,3}please (?!move (?:the|our|your|my) (?:[a-z0-9-]+ ){0,3}?(?:meeting|panel|call|date|discussion|visit)\b)${STEP_ASKED}\b`,
);

/** What someone else says or was heard to say: "telling colleagues that", "you'd heard", "the note says". */
const HEARSAY =
  /\b(?<!\b(?:i|we) )(?:telling|told|tells|saying|says|said|claims?|claiming|heard|hearing|suggest(?:s|ed|ing)?|reads?|states?|stated|records?|recorded|mention(?:s|ed)?) (?:[a-z']+ ){0,3}?(?:that )?(?:[a-z']+ ){0,4}?$/;

/** Someone on the writer's own side telling what they did. */
const OWN_SIDE_TOLD =
  /\b(?:my|our) (?:[a-z-]+ ){0,2}(?:manager|lead|head|director|supervisor|dsl|sergeant|sgt|di|inspector|team leader)(?: [a-z]+)? (?:has )?(?:told|tells|said|says|confirmed|confirms)\b[^.;]{0,40}\b(?:she|he|they) (?:has|have) (?:now |just )?$/;

/** "We understand from the family's social worker that a Step 4 referral has been made": heard from someone else. */
const HEARD_FROM =
  /\b(?:understand|gather|hear|heard|learnt|learned|been told|been informed) (?:from|by) (?!(?:the |our |your )?(?:[a-z0-9']+ ){0,3}(?:policy|appendix|guidance|protocol|procedure|flowchart|website|form)\b)[^.;,]{0,80}$/;

/** The judgement that the step is due: "I think we need to", "she agrees it should", "we both feel this has to". */
const DECIDED =
  /\b(?:i|we|she|he|[a-z]+ and i)\s+(?:both\s+|all\s+|now\s+)?(?:think|believe|feel|agree|agrees|are agreed|am clear|are clear|have agreed|has agreed)(?: that)?\s+(?:this|it|we|the (?:matter|case|disagreement|dispute))\s+(?:now\s+)?(?:needs?|has|have|should|must)\s+(?:to\s+)?(?:now\s+)?$/;

/** The case as what needs to move: "this one needs to", "the matter now needs to be". */
const DUE_NOW =
  /\b(?:it|this|this one|the matter|the case)\s+(?:now\s+|really\s+)?needs\s+to\s+(?:be\s+)?(?:(?:come|go) (?:to you|up|across) )?$/;

/**
 * A judgement made that the step is due, with no hedge, no later day and no condition: "So I think this needs to go to
 * step three now", "Rebecca and I agree this needs to go straight to Stage Four", "This one needs to go up to Stage 5 today".
 */
function decidedNow(clause: string, before: string, verbIndex: number): boolean {
  return (
    (DECIDED.test(before) || (DUE_NOW.test(before) && /\b(?:now|today|immediately|urgently|straight away|without delay)\b/.test(clause))) &&
    // "They believe this needs to go to Stage 3 now": someone else's view.
    !/\b(?:they|you|he|she)\s+(?:[a-z]+\s+)?(?:believes?|thinks?|feels?|says?|said|suggests?|suggested)\b/.test(before) &&
    !scopeWords.MODAL.test(before.replace(DECIDED, ' ').replace(DUE_NOW, ' ')) &&
    !scopeWords.FUTURE_DAY.test(clause) &&
    // "I think this should go to Stage 3 if we have not agreed by Friday": a step due only on a condition.
    !/\b(?:if|unless|provided|once|until|failing)\b/.test(clause.slice(verbIndex))
  );
}

/** A request for the step withdrawn: "withdraws its request for the matter to go to…". */
const WITHDRAWN = /\bwithdr(?:aw|aws|ew|awn|awing) (?:its|our|my|the|their|his|her|this) (?:request|referral|escalation)\b/;

/** Why the movement at `verbIndex` is not happening now, if it is not. */
function blockedBy(
  clause: string,
  verbIndex: number,
  scope: ClauseScope,
  question: boolean,
  announced = false,
  dated = true,
): EscalationReading['blocked'] {
  // "I can't see any option other than to move this to step 3": decided, neither denied nor modal.
  const before = clause.slice(0, verbIndex).replace(NO_OTHER_WAY, ' ');
  const around = clause.slice(0, verbIndex + 40);
  const verb = clause.slice(verbIndex);
  // "can we take it to the next stage please?": a request, put as a question.
  const requested = scope.requested === true || REQUESTED.test(clause);
  if (question && !requested) return 'question';
  // "Of those, how many were escalated to stage 6": a figure asked for.
  if (/\bhow many\b/.test(before)) return 'question';
  // "not sure who to escalate to at stage 3", "learn when to escalate to stage 2": an indirect question or an instruction.
  if (
    /\b(?:who|what|where|when|how|whether|which (?:stage|step|level|manager|role|tier)) (?:to|do i|do we|should i|should we|would i|would we|i should|we should)\s+(?:[a-z]+\s+)?$/.test(
      before,
    )
  )
    return 'question';
  if (scope.conditional) return 'conditional';
  // "…see what comes out of Tuesday before either of us takes it any further": a step only after something else.
  if (/\bbefore (?:either of us|any of us|one of us|we|i|anyone|anybody|you)\b[^.;]{0,30}$/.test(before)) return 'conditional';
  // "we are not able to leave it here and will have to take this further": a negation of the verb before "and" is not this verb's.
  // "- not resolved between us, escalated to Step 3": a negated participle before the comma is its own.
  // "following yesterday's call, which ended without agreement, the matter has now been escalated": the failure is its own.
  // "…yesterday's call, which I know didn't resolve things, my manager has escalated this": the failure before the comma is its own.
  // (Only the last 200 characters: the failure is near, and a long clause is not scanned from every "not".)
  const tail = before.slice(-200);
  const afterFailure =
    /\b(?:not|never) (?:been )?(?:resolve[ds]?|agree[ds]?|settle[ds]?|sort(?:ed)?|reach(?:ed)?)\b[^,]*,(?=[^,]{0,60}$)/.exec(tail);
  // "…who agrees that the home conditions aren't reflected in the plan at all, Jo is now taking this up…": the verb's own
  // subject after the last comma starts its own statement.
  const lastComma = tail.lastIndexOf(', ');
  const ownSubject =
    lastComma >= 0 &&
    /\b(?:who|which|that)\b/.test(tail.slice(0, Math.max(0, tail.lastIndexOf(' not ', lastComma)))) &&
    /^(?!(?:which|who|that|whom|whose)\b)[a-z]+(?: [a-z]+)? (?:is|are|has|have|had|was|were|will|shall) (?:now |also |therefore |already )?(?:been )?$/.test(
      tail.slice(lastComma + 2),
    );
  const own = ownSubject
    ? tail.slice(lastComma + 2)
    : /\bnot (?:been )?(?:resolved|agreed|settled|sorted)\b[^,]*,\s*$/.test(before)
      ? ''
      : afterFailure
        ? tail.slice(afterFailure.index + afterFailure[0].length)
        : before
            .replace(ENDED_WITHOUT_AND_COMMA, ' ')
            .replace(/^.*\s(?:and|but)\s+(?=(?:will|shall|must|need|have|am|are|is|would|can)\b)/, '');
  if (
    // "I don't have a nominated WSCB representative – the policy says it comes to you as the Board Manager, so I'm referring…"
    scopeWords.NEGATION.test(afterLastDash(own)) ||
    /^\s*\w+\s+(?:is |was )?not\b/.test(verb) ||
    // "referral to the SSCP at Step 4 is not needed": the step named, then denied.
    /^(?:a |an )?(?:referral|escalation)\b[^,;]{0,60}?\b(?:is|was|will be) (?:not|no longer) (?:needed|required|necessary|warranted)\b/.test(
      verb,
    ) ||
    /\bno (?:escalation|referral)\b/.test(around) ||
    // "There is therefore no requirement to convene a Stage 7 panel".
    /\bno (?:need|requirement|necessity|reason|plan|intention) (?:for (?:us|me|this|it) )?to\s*$/.test(before) ||
    // "The Trust withdraws its request for the matter to go to director level": a step asked for, then withdrawn.
    WITHDRAWN.test(around) ||
    // "Date referred to WSCB: N/A": a form's field, answered that it did not happen.
    NOT_APPLICABLE.test(verb)
  )
    return 'negated';
  // "• Referred at Step 4 to SSCP: 0", "Escalations raised with WHT by other agencies: 1", "the two disputes that went
  // beyond Stage 3 in the period": steps counted, as figures and reports count them, not a step taken.
  if (FIGURE_FIELD.test(verb) || STEPS_COUNTED.test(before) || COUNTED_LEAD.test(before)) return 'past';
  // "I escalated my concerns about Y today as a new referral": a referral made, not a step of a disagreement.
  if (CONCERNS_REFERRED.test(verb)) return 'negated';
  // "Thank you for … speaking to your manager so quickly": what the other side did, thanked for.
  // (Not a step thanked for: "Thank you for escalating this to Stage 3" tells of a step the mailbox may not have seen.)
  if (
    /\bthank(?:s| you)(?: (?:so|very) much)? for\b[^.;]{0,100}$/.test(before) &&
    !/^(?:escalat|refer|pass|tak(?:e|es|ing|en)|took|mov|rais|forward|hand|put|send|sent|submit|elevat|push)/.test(verb)
  )
    return 'past';
  // "I know it went to Stage 5 and that it was uncomfortable": a step the reader knows already, told again.
  if (
    /\b(?:i|we|you) (?:know|knew|remember|recall)(?: that)? (?:it|this|that|the (?:case|matter|disagreement|dispute|escalation))\s*$/.test(
      before,
    ) &&
    /^(?:went|was|were|had|got|reached|escalated|moved|ended)\b/.test(verb)
  )
    return 'past';
  // 'Appendix 1 still refers to the "SSCB Strategic Business Manager"': a document that names a role, not a referral.
  if (/^refers? to\b/.test(verb) && (DOCUMENT_BEFORE.test(before) || /^refers? to (?:the |a |an )?["'\u201c\u2018]/.test(verb)))
    return 'past';
  if (scope.counterfactual) return 'counterfactual';
  // 'Item 3 reads "the disagreement was escalated to Heads of Service"', 'you\'d heard ASC had "taken this to managers"':
  // words quoted, or a claim heard, are someone else's, not the step the writer reports.
  // "my manager Donna told me first thing that she has now escalated this": our own side telling what it did.
  if (quoted(clause, verbIndex) || (HEARSAY.test(before) && !OWN_SIDE_TOLD.test(before)) || HEARD_FROM.test(before)) return 'past';
  // "the matter our Designated Nurse referred at Stage Three in February": a relative clause naming the matter by a past step.
  if (
    /\b(?:matter|case|disagreement|dispute|concern|issue|referral)(?: that| which)? (?:our|my|your|their|the) (?:[a-z-]+ ){0,3}$/.test(
      before,
    ) &&
    /^(?:referred|escalated|raised|took|passed)\b/.test(verb)
  )
    return 'past';
  // "- Outcome: no agreement; managers to take it to the next tier": an action point of notes, not a step taken.
  if (
    /^(?:[-*\u2022\u00b7]\s*)?(?:the |both |all )?(?!(?:i|we|you|they|he|she|it|want|wants|need|needs|going|have|has|like|wish|plan|agreed|decided|asked|able|unable|happy|prepared|willing)\b)[a-z]+(?: and [a-z]+)? to\s*$/.test(
      before,
    )
  )
    return 'modal';
  // "Queries about MASH outcomes are passed to the duty manager": how things are done, not a step taken.
  if (
    /\b(?:queries|enquiries|concerns|referrals|emails|messages|requests|cases|complaints|disagreements)\b[^.;]{0,60}\b(?:are|get) (?:usually |normally |then |always )?$/.test(
      before,
    )
  )
    return 'modal';
  // "what we escalated - that J. should be referred…", "the question we actually escalated was whether…": the matter, named by its step.
  if (
    /\b(?:what|the (?:question|issue|matter|point|concern|thing|decision)(?: that)?) (?:we|i|you|they) (?:actually |originally |first |initially )?(?:have |had )?$/.test(
      before,
    )
  )
    return 'past';
  // "It will go to the business unit on Tuesday 20th", "I'm planning to raise it with Mandy on Monday": a step with its day still to come.
  // …the day of this step, not of another joined on after it ("Graham will take this forward at Step 3 and would like
  // to speak with your Service Manager this week").
  // "The stage 3 meeting will take place on Friday": the stage's meeting, still to come.
  if (
    /^[a-z0-9 ]{0,30}(?:meeting|discussion|panel|conversation|call) (?:will|is (?:due|going|booked|planned|scheduled) to|is to) (?:take place|be held|happen|go ahead)\b/.test(
      verb,
    ) &&
    scopeWords.FUTURE_DAY.test(verb)
  )
    return 'modal';
  const future = dated ? scopeWords.FUTURE_HEAD.exec(before) : null;
  const verbOnly = verb.replace(/ and (?:would|will|is|are|has|have|can|could|we|i|he|she|they)\b.*$/, '');
  const ownPart = future && /\b(?:will|shall)\b/.test(future[0]) ? verbOnly : verb;
  if (future && scopeWords.FUTURE_DAY.test(clause.slice(future.index, verbIndex) + ownPart)) return 'modal';
  // "My manager is going to escalate to stage 3 next week": "going" read as the verb is the future's own word.
  if (/^going to [a-z]+/.test(verb) && scopeWords.FUTURE_DAY.test(verbOnly)) return 'modal';
  // "I would ask that this goes to…": a polite request is the request made, not a modal.
  const polite =
    /\b(?:i|we) would(?: therefore| now| also| formally| respectfully)?\s*$/.test(before) &&
    /^(?:ask|request|suggest|propos|recommend)/.test(verb);
  // "(I'd be grateful) if you would put this before the Executive": the clause was found polite, so its "if you would" asks.
  // "(I'd be grateful) if this could now be treated as moving to the next stage": the same, of the case.
  const asked = before.replace(
    /\bif (?:you (?:would|could|can|will|might)\s+(?:now\s+|please\s+)?|(?:this|it|the (?:matter|case|disagreement|dispute)) (?:could|would|can|might) (?:now |please )?be (?:treated|regarded|recorded|logged|taken) as\s+)$/,
    ' ',
  );
  if (
    !announced &&
    !requested &&
    scopeWords.MODAL.test(polite ? asked.replace(/would(?: [a-z]+)?\s*$/, '') : asked) &&
    !decidedNow(clause, before, verbIndex)
  )
    return 'modal';
  if (scope.past) return 'past';
  return undefined;
}
