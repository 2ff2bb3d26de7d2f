/**
 * What a resolution statement is about. "Resolved", "sorted", "agreed" and "content with" end the
 * disagreement only when what they are said of is the disagreement, its decision or nothing named
 * at all ("this is sorted", "we have reached agreement"): "the IT issue is resolved", "we reached
 * agreement on the interpreter booking", "I'm content with the chronology" and "all agreed for the
 * meeting at 10" are other business. A false resolution silences a case's reminders, the worst
 * error the reader can make, so a thing it does not know as the disagreement's makes the
 * statement no resolution (the partnership still sees the message on the case).
 */

/** Nouns that name the disagreement or what it is about. */
const DISPUTE_NOUNS = new Set([
  'disagreement',
  'disagreements',
  'dispute',
  'disputes',
  'escalation',
  'escalations',
  'challenge',
  'challenges',
  'concern',
  'concerns',
  'difference',
  'differences',
  'matter',
  'matters',
  'issue',
  'issues',
  'decision',
  'decisions',
  'outcome',
  'outcomes',
  'plan',
  'position',
  'positions',
  'threshold',
  'assessment',
  'rationale',
  'reasoning',
  'explanation',
  'response',
  'recommendation',
  'recommendations',
  'proposal',
  'closure',
  'case',
  'referral',
  'process',
  'resolution',
  'conclusion',
  'view',
  'views',
  'approach',
  'forward', // "way forward"
  'way',
  'answer',
  'assurance',
  'assurances',
  'reassurance',
  'clarification',
  'points',
  'point',
  'everything',
  'things',
  'all',
  'stage',
  'step',
  'basis', // "resolved on the following basis"
  'terms',
]);

/** Words that may stand before such a noun without naming something else. */
const MODIFIERS = new Set([
  // the agencies whose decisions are disputed: "the MASH decision", "the police position"
  'mash',
  'csc',
  'police',
  'council',
  'trust',
  'panel',
  'icb',
  'differing',
  'opposing',
  'the',
  'this',
  'that',
  'these',
  'those',
  'our',
  'my',
  'your',
  'their',
  'its',
  'a',
  'an',
  'any',
  'whole',
  'professional',
  'formal',
  'original',
  'remaining',
  'outstanding',
  'current',
  'revised',
  'updated',
  'new',
  'proposed',
  'amended',
  'agreed',
  'joint',
  'shared',
  'inter-agency',
  'interagency',
  'multi-agency',
  'multiagency',
  'final',
  'panel',
  "panel's",
  "chair's",
  "executive's",
  'now',
  'all',
  'both',
  'also',
  'finally',
  'therefore',
  'then',
  'so',
  'and',
  'just',
  'way',
  'one',
  'main',
  'key',
  'underlying',
  'presenting',
  'safeguarding',
  'threshold',
  'strategy',
  'stage',
  'step',
  'level',
  'tier',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'following',
  'same',
]);

/** Words that stand for the disagreement on their own. */
const PRONOUNS = new Set(['this', 'it', 'that', 'things', 'everything', 'all', 'matters', 'we', 'us']);

/** Where a noun phrase's head ends and its qualifiers begin: "the issue with the threshold", "the matter between CSC and health". */
const QUALIFIER =
  /\s(?:with|between|about|over|regarding|concerning|in relation to|re|around|on|of|for|from|at|raised|you|we|i|they|and|or|but|so|which|that|who|as)\b.*$/;

/**
 * Whether a noun phrase names the disagreement, its decision, or nothing else: each word a
 * modifier, a number, a possessive or a dispute noun, and the last one a dispute noun or pronoun.
 */
export function namesTheDisagreement(phrase: string): boolean {
  // Six words at most, up to a dash: "this one - thank you" is "this one".
  const words6 = phrase.split(' - ')[0]?.trim().split(/\s+/).slice(0, 6).join(' ') ?? '';
  const head = words6.replace(QUALIFIER, '').trim();
  if (head === '') return true;
  const words = head.split(/\s+/);
  // Only determiners and pronouns: nothing else is named.
  if (words.every((word) => PRONOUNS.has(word) || MODIFIERS.has(word))) return true;
  const last = words[words.length - 1] ?? '';
  if (!DISPUTE_NOUNS.has(last)) return false;
  return words.slice(0, -1).every((word) => MODIFIERS.has(word) || DISPUTE_NOUNS.has(word) || /^\d+$|'s$/.test(word));
}

/** Reporting and linking words that open a clause before what is reported: "I can confirm that", "good news:". */
const OPENER =
  /^(?:(?:and|so|but|also|just|good news|great news|update|i can confirm|can i confirm|i am pleased to say|pleased to say|glad to say|to confirm|confirming|just to say|just to confirm|just to let you know|that)\s+)+/;

/** A statement that starts at its verb ("is now resolved"), or after a verb that stands before it ("has now been resolved"). */
const AUXILIARY = /^(?:is|are|has|have|had|was|were|been|got|get|getting)\b/;
const ENDS_WITH_AUXILIARY = /(?:^|\s)(?:is|are|has|have|had|was|were|been)$/;
/** A statement said of its subject ("… is now resolved", "… sorted now"), not one whose subject acts ("the Trust is happy to close"). */
const SAID_OF =
  /^(?:(?:is|are|has|have|had|was|were|been|got|get|getting|now|all|fully|finally|successfully|amicably|therefore|then)\s+)*(?:resolved|settled|sorted|closed|complete|completed|concluded|agreed|accepted|put to bed|withdrawn|ended|over)\b(?!\s+(?:my|our|the|this|their|its|his|her|your)\b)/;
const DETERMINER = /^(?:the|this|that|these|those|our|my|your|their|its|his|her|a|an|any)$/;

const LINK =
  /^(?:with|without|between|about|over|regarding|concerning|re|around|on|of|for|from|at|in|into|under|within|including|and|or|to|by)$/;

/** Words before "and" that make a clause of their own, not a phrase "between health and the council". */
const CLAUSE_BEFORE = /^(?!.*\bbetween\b).*\b(?:has|have|had|is|are|was|were|will|would|agreed|did)\b/;

/**
 * The noun phrase before a verb, read backwards to its determiner: "following our meeting the
 * dispute" → "the dispute"; "the matter between health and the council" → all of it, since "the
 * council" hangs on "between … and".
 */
function subjectPhrase(own: string): string {
  const words = own.split(/\s+/).filter(Boolean);
  let last = words.length - 1;
  if (/^(?:a|an|the)$/.test(words[last] ?? '')) last--; // "child a"
  for (let i = last; i >= 0; i--) {
    // "the disagreement that brought us to Stage 3": "that" after the noun it qualifies is a relative, not a determiner.
    if (words[i] === 'that' && DISPUTE_NOUNS.has(words[i - 1] ?? '')) continue;
    if (DETERMINER.test(words[i] ?? '') && !LINK.test(words[i - 1] ?? '')) return words.slice(i).join(' ');
    // "mum has agreed to this under s20 and the contact plan": "and" after a clause of its own starts a new subject.
    if (DETERMINER.test(words[i] ?? '') && words[i - 1] === 'and' && CLAUSE_BEFORE.test(words.slice(0, i - 1).join(' ')))
      return words.slice(i).join(' ');
  }
  return words.slice(-1).join(' ');
}

/** The thing named, without the person and verb that follow it: "the chronology you sent" → "the chronology". */
const withoutItsPerson = (phrase: string): string => phrase.replace(/\s+(?:you|we|i|they|he|she)\b.*$/, '').trim();

/**
 * Whether the statement `match` (found in `clause` at `index`) is said of something other than
 * the disagreement: its subject before it, or the thing after "on/about/for/with" after it.
 */
export function aboutSomethingElse(clause: string, index: number, match: string): boolean {
  // The subject, when the statement starts at its verb: "the IT issue" in "the IT issue is now resolved".
  const before = clause.slice(0, index);
  const after = (separator: string) => {
    const at = before.lastIndexOf(separator);
    return at < 0 ? 0 : at + separator.length;
  };
  const cut = Math.max(after(','), after(';'), after(':'), after(' - '));
  const own = before.slice(cut).trim().replace(OPENER, '');
  if (SAID_OF.test(match) && (AUXILIARY.test(match) || ENDS_WITH_AUXILIARY.test(own))) {
    const subject = subjectPhrase(own.replace(/(?:\s*\b(?:is|are|has|have|had|was|were|been|now|all|also|finally))+$/, ''));
    if (subject !== '' && !namesTheDisagreement(subject)) return true;
  }
  // What it was agreed on, or is content with: "agreement on the interpreter booking", "content with the chronology".
  const following = clause.slice(index + match.length);
  const object = /^\s*(?:now\s+)?(?:on|about|over|regarding|for|with|in relation to)\s+([a-z0-9' -]{1,80})/.exec(following);
  // "Agreement reached on part of the plan": a part is for the partial reading, not other business.
  // Only after words of agreeing or contentment: "settled on this afternoon's call" says when, not what.
  const agreeing =
    /\b(?:agreement|agreed|agree|consensus|understanding|accepted|content|satisfied|happy|reassured|sorted|resolution|compromise|position)$/.test(
      match,
    );
  if (
    agreeing &&
    object?.[1] &&
    !/^(?:part|parts|some|most|much|one|aspects|elements)\b/.test(object[1]) &&
    !namesTheDisagreement(withoutItsPerson(object[1]))
  )
    return true;
  // "that's all settled for the call: the Independent Chair, yourself…": the arrangements settled, not the disagreement.
  if (/\b(?:settled|sorted|fixed|arranged|agreed)$/.test(match) && ARRANGEMENTS.test(following)) return true;
  // "our IT have now resolved the Egress issue", "we have now agreed a joint chronology": what was resolved or agreed, named after the verb.
  const done = /\b(?:resolved|settled|sorted(?: out)?|fixed|agreed)$/.test(match)
    ? /^\s+((?:the|our|their|your|an?) [a-z0-9' -]{1,60})/.exec(following)
    : null;
  if (done?.[1] && !namesTheDisagreement(withoutItsPerson(done[1].replace(/\s[-,;:].*$/, '')).replace(/^an? /, 'the '))) return true;
  const trailing = /\b(?:with|by|on|about|for)\s+(?:the|your|their|this|that)$/.exec(match);
  if (trailing) {
    const rest = /^\s*([a-z0-9' -]{1,80})/.exec(following);
    if (rest?.[1] && !namesTheDisagreement(`the ${withoutItsPerson(rest[1])}`)) return true;
  }
  return false;
}

/** Arrangements made for a meeting: "for the call", "for Monday's meeting", "with the interpreter". */
const ARRANGEMENTS =
  /^\s*(?:now\s+)?(?:for|with|on) (?:the |our |your |this |that |tomorrow's |today's |monday's |tuesday's |wednesday's |thursday's |friday's )?(?:call|meeting|visit|conference|panel|interview|appointment|room|venue|date|time|teams call|invite|agenda|transport|interpreter)\b/;

/** Things that break and get fixed, which a pronoun after them stands for: "a fault with the encryption links … and it's been resolved now". */
export const OTHER_TROUBLE =
  /\b(?:fault|glitch|bug|error|outage|technical|it (?:issue|problem|team)|encryption|egress|links?|log-?in|password|laptop|system|server|portal|printer|typo|room|venue|diary|calendar|invite|interpreter|booking|transport|taxi|loop)\b/;

/** Whether "it", "this" or "that", the subject of a resolution statement, stands for other trouble named just before it in the sentence. */
export function pronounForOtherBusiness(clause: string, index: number, earlier: string): boolean {
  // "Happy to close the loop on the interpreter - that's sorted": what came before the dash is what "that" stands for.
  const lead = clause.slice(0, index);
  const cut = Math.max(lead.lastIndexOf(' - '), lead.lastIndexOf(', '), lead.lastIndexOf(': '));
  if (cut >= 0) earlier = `${earlier} ${lead.slice(0, cut)}`;
  const subject = lead
    .slice(cut >= 0 ? cut + 2 : 0)
    .replace(/^(?:and|so|but)\s+/, '')
    .replace(/\s+(?:is|are|has|have|had|was|were|been|now|all)(?=\s|$)/g, '')
    .trim();
  // The statement may start at its pronoun: "that is sorted".
  const pronoun = subject === '' ? /^(?:it|this|that)\b/.test(clause.slice(index)) : /^(?:it|this|that)$/.test(subject);
  return pronoun && OTHER_TROUBLE.test(earlier) && !/\b(?:disagreement|dispute|escalation|challenge|decision)\b/.test(earlier);
}
