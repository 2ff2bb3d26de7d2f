/**
 * Mail text → sentences → clauses, normalised for reading: curly apostrophes straightened,
 * contractions expanded ("hasn't" → "has not", "we're" → "we are"), the commonest typos of the
 * process's verbs mended. Written by hand: `compromise` expands contractions but adds 365 KB to
 * the ingest bundle, ~120 ms to its cold start and 1.5 ms per message (mailparser takes ~0.2 ms);
 * `wink-nlp` with its light English model reads a message in 0.08 ms but adds 3.6 MB and ~100 ms
 * (measured on this machine, see docs/performance.md). Every step here is one linear pass.
 */

/** A clause is never longer than this: a longer run of text without punctuation is cut, keeping every rule linear. */
export const MAX_CLAUSE_CHARS = 600;

/** Contractions, in one pass: "won't", "hasn't", "we're", "I've", "it's". */
const CONTRACTION =
  /\b(won't|can't|shan't|ain't|i'm)\b|n't\b|'(re|ve|ll)\b|(?<=\b(?:i|we|you|they|he|she|it|that|there|who))'(d)\b|\b(it|that|this|there|here|what|who|he|she|everything|all|which)'s\b/g;
const WHOLE: Record<string, string> = { "won't": 'will not', "can't": 'can not', "shan't": 'shall not', "ain't": 'is not', "i'm": 'i am' };
const ENDING: Record<string, string> = { re: ' are', ve: ' have', ll: ' will', d: ' would' };

// "'d" is "would" only after a pronoun: "cc'd", "ok'd" are past participles.
function expand(match: string, whole?: string, ending?: string, would?: string, is?: string): string {
  if (whole) return WHOLE[whole] ?? match;
  if (ending) return ENDING[ending] ?? match;
  if (would) return ' would';
  if (is) return `${is} is`;
  return ' not'; // n't
}

/** The same, typed without the apostrophe, as on a phone: "dont", "hasnt", "ive". One pass. */
const BARE_CONTRACTION =
  /\b(?:(wo|ca)nt|(ca)nnot|(do|does|did|is|are|was|were|has|have|had|could|would|should|must|need)nt|(i|we|they|you)ve|(im)|(that|there|what|she)s)\b/g;

// Not "well", "ill", "were", "its": they are words of their own.
function expandBare(match: string, wont?: string, cannot?: string, not?: string, have?: string, im?: string, is?: string): string {
  if (wont) return wont === 'wo' ? 'will not' : 'can not';
  if (cannot) return 'can not';
  if (not) return `${not} not`;
  if (have) return `${have} have`;
  if (im) return 'i am';
  if (is) return `${is} is`;
  return match;
}

/** Misspellings practitioners make of the words the rules read, seen in real mail. */
const TYPOS: [RegExp, string][] = [
  [/\besc(?:a|e)?l+[ae]?t/g, 'escalat'], // escalting, esclate, escelate, escallate
  [/\besc'?(?:e?d)\b/g, 'escalated'], // "have esc'd to my LM"
  [/\besc(?= to\b)/g, 'escalating'], // "esc to stage 3 now"
  [/\bstg\b/g, 'stage'], // "take this as stg 2"
  [/\bstp\b/g, 'step'], // "thats us at stp 2"
  [/\bescalat+(?:i?ng|ign|aing|eing)\b/g, 'escalating'], // escalatng, escalatting, escalataing
  [/\b(stage|step|level|tier)(\d)\b/g, '$1 $2'], // stage3
  [/\bref+er+(?=ing|ed|al)/g, 'referr'], // refering, reffered, referal
  [/\bres(?:ol|lo)v/g, 'resolv'], // resloved
  [/\bagre+m[ne]+t/g, 'agreement'], // agreemnet, agrement
  [/\b(?:mgr|manger)(s?)\b/g, 'manager$1'], // "our tier 3 mgr", "my manger"
  [/\bch\.? supt\b/g, 'chief superintendent'], // police ranks as written
  [/\b(?:det\.? )?supt\b/g, 'superintendent'],
  [/\bch\.? insp\b/g, 'chief inspector'],
  [/\b(?:sevice|servcie|serivce|sercive)(s?)\b/g, 'service$1'], // "Head of Sevice"
  [/\bdetective superintendent\b/g, 'superintendent'], // "supt" is already "superintendent" here
];

/** A step whose object a title is: "Escalated to AD - Jo Hartley", "passed it up to HoS", "Raised with GM today". */
const STEP_TO = String.raw`((?:escalated|referred|passed|sent|forwarded|gone|going) (?:it |this )?(?:up )?(?:to|with)|raised (?:it |this )?with)`;

/**
 * Managers' titles as busy people type them, after a word that makes them a title: "to our HoS", "ur TM", "at GM
 * level", "my LM", "the AD". Read before initials are joined, so a child's "T.M." is never a team manager. Only after a
 * possessive (a child's initials follow "with" and "to": "raised this with TM and her mum"), as a step's object or as a
 * level; never "ad hoc", "GM police" or "to hos" (hospital).
 */
const TITLES: [RegExp, string][] = [
  [/\b(our|my|your|ur|their) hos\b/g, '$1 head of service'],
  [/\bas hos\b(?! (?:is|was|are|were|has|had|said|told|will|would)\b)/g, 'as head of service'],
  [/\b(the|our|my|your|ur|their|both) tm(s?)\b(?! and (?:her|his) )/g, '$1 team manager$2'],
  [/\b(the|our|my|your|ur|their|both) gm(s?)\b(?! police| and (?:her|his) )/g, '$1 group manager$2'],
  [/\b(our|my|your|ur|their) lm\b/g, '$1 line manager'],
  [/\b(the|our|my|your|ur|their) ad\b(?! hoc)/g, '$1 assistant director'],
  [new RegExp(String.raw`\b${STEP_TO} ad\b(?! hoc|,)`, 'g'), '$1 assistant director'],
  [new RegExp(String.raw`\b${STEP_TO} hos\b`, 'g'), '$1 head of service'],
  [new RegExp(String.raw`\b${STEP_TO} tm\b(?! and (?:her|his|their) )`, 'g'), '$1 team manager'],
  [new RegExp(String.raw`\b${STEP_TO} gm\b(?! police| and (?:her|his|their) )`, 'g'), '$1 group manager'],
  [/\bat tm level\b/g, 'at team manager level'],
  [/\bat gm level\b/g, 'at group manager level'],
  [/\bat hos level\b/g, 'at head of service level'],
  [/\bat ad level\b/g, 'at assistant director level'],
];
const TITLE_HINT = /\b(?:hos|tms?|gms?|lm|ad)\b/;
/** A cheap first test: none of the typos above can be in a text without one of these. */
const TYPO_HINT =
  /\besc|\bst[gp]\b|\bref|\bres|\bagre|\b(?:stage|step|level|tier)\d|\bmgr|\bmanger|supt\b|\bch\.? insp\b|\bse(?:vice|rvcie|rivce|rcive)|\bdetective superintendent\b/;

const INITIAL = /\b[a-z]\.[a-z ]/;
const INITIALS = /\b([a-z])\.(?:([a-z])\.(?=[\s,;:)]|$)|(?= [a-z]))/g;

/** Lower case, straight apostrophes, contractions expanded, typos mended, spaces collapsed. */
export function normalise(text: string): string {
  let out = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u2013\u2014]/g, ' - ')
    .replace(/\s+/g, ' ');
  if (TITLE_HINT.test(out)) for (const [pattern, replacement] of TITLES) out = out.replace(pattern, replacement);
  // "the disagreement about t.m. is now put before…", "the referral for t. with your clinician": initials are one word,
  // so a rule reading up to a full stop reads past them.
  if (INITIAL.test(out)) out = out.replace(INITIALS, (_, first: string, second?: string) => first + (second ?? ''));
  if (out.includes("'")) out = out.replace(CONTRACTION, expand);
  out = out.replace(BARE_CONTRACTION, expandBare);
  if (TYPO_HINT.test(out)) for (const [pattern, replacement] of TYPOS) out = out.replace(pattern, replacement);
  return out.trim();
}

export interface Sentence {
  /** As written, spaces collapsed: the evidence shown to people. */
  text: string;
  /** Normalised. */
  norm: string;
  clauses: string[];
  question: boolean;
  /** Line position in the new text: 0 for the first line written. */
  line: number;
}

/**
 * Sentences of mail text. Lines first (mail often has no full stop at the end of a line: a
 * heading, a signature), then full stops, question and exclamation marks followed by a space.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const lines = unwrapped(text.split(/\n+/));
  lines.forEach((line, index) => {
    for (const piece of splitSentences(line).flatMap(trailingQuestion)) {
      const written = piece.replace(/\s+/g, ' ').trim();
      if (!/[a-z]/i.test(written)) continue;
      const norm = normalise(written);
      out.push({ text: written, norm, clauses: clauses(norm), question: /\?\s*["')]*\s*$/.test(written), line: index });
    }
  });
  return out;
}

/** A line this long that ends without a stop, before a line in lower case, was wrapped by the sender's client. */
const WRAPPED_LINE = 50;

/**
 * Hard-wrapped text ("…this morning and we've" | "agreed this now needs to go to step 2."): a long line that ends
 * mid-sentence is joined to the line after it when that line carries on in lower case. Headings, greetings and
 * signatures are short or end where a capital starts the next line.
 */
function unwrapped(lines: readonly string[]): string[] {
  const out: string[] = [];
  let group: string[] = [];
  for (const line of lines) {
    const previous = group[group.length - 1];
    // The previous physical line, not the text joined so far: each test reads a few characters, so the pass stays linear.
    if (
      previous !== undefined &&
      previous.length >= WRAPPED_LINE &&
      /[a-z0-9,'\u2019]\s*$/i.test(previous.slice(-3)) &&
      /^\s*[a-z]/.test(line.slice(0, 3))
    )
      group.push(line.trim());
    else {
      if (group.length) out.push(group.join(' '));
      group = [line];
    }
  }
  if (group.length) out.push(group.join(' '));
  return out;
}

/**
 * "I'm raising this as Stage 1 - could the worker ring me back today please?": a statement, then a question
 * after a dash. The question mark governs the question only.
 */
function trailingQuestion(piece: string): string[] {
  if (!/\?\s*["')]*\s*$/.test(piece)) return [piece];
  const dash =
    /\s[-\u2013\u2014]\s+(?=(?:could|can|would|will|please|is|are|do|does|should|shall|what|when|where|who|how|why|any chance|i assume|i take it|i presume|am i right)\b)/i.exec(
      piece,
    );
  return dash ? [piece.slice(0, dash.index), piece.slice(dash.index + dash[0].length)] : [piece];
}

/** Abbreviations whose full stop ends no sentence. */
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|dr|mr|mrs|ms|st|no|approx|ref|cf|vs|incl)\.$/i;

function splitSentences(line: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  const boundary = /[.!?]+["')\]]*\s+(?=\S)/g;
  for (const match of line.matchAll(boundary)) {
    const end = match.index + match[0].length;
    const candidate = line.slice(start, match.index + 1);
    if (ABBREVIATION.test(candidate.slice(-8))) continue;
    // "(dawn i think?) and she's doing a visit": a question in brackets ends no sentence.
    if (/^[?!]+\)/.test(match[0]) && /^[a-z]/.test(line.slice(end))) continue;
    // An initial before a word in lower case ends no sentence: "the H. household was settled".
    if (/\b[A-Z]\.$/.test(candidate.slice(-3)) && /^[a-z]/.test(line.slice(match.index + match[0].length))) continue;
    pieces.push(line.slice(start, end));
    start = end;
  }
  pieces.push(line.slice(start));
  return pieces;
}

/**
 * Clause boundaries: semicolons, and the conjunctions that start a new clause. Brackets, dashes
 * and colons are not boundaries: "escalating to Head of Service (stage 4)", "passed to my line
 * manager - stage 2" bind the stage to the verb. A comma is a boundary only before a new
 * subject or a conjunction, so "If we can't agree by Friday, I will…" is two clauses.
 */
const CLAUSE_BOUNDARY =
  /\s*,\s+(?=and\b)|\s*:\s+(?=(?:if|unless|once|provided|providing|should)\b)|\s+(?=(?:i|we) (?:am(?! afraid\b)|are|have|had|will|shall|was|were|did|now|also|then|have now|am now)\b)|\s*;\s*|\s*,\s+(?=as (?:the|our|my|your|their|this|that|a|an)\b)|\s*,?\s+(?=(?:but(?! to\b)|however|although|though|whereas|because|so that|so(?<!\b(?:doing|do|does|did|done) so)|since|while|whilst|and then|then|unless|otherwise|as (?:i|we|they|he|she|it)|and (?:i|we|they|he|she|you|it|this|that|there|the (?:case|matter|issue|disagreement|escalation|dispute|plan|decision))|or (?:i|we|they)|if|whether|which|who|before (?:i|we|they|you|it|this|anything))\b)|\s*,\s+(?=(?:i|we|they|he|she|you|it|this|that|there|please|failing|in the event|once|until|when|where|given|having)\b(?!\.))/g;

/** A conjunction left alone by a split ("if" | "we have not agreed…"): it belongs to the clause after it. */
const LONE_CONJUNCTION = /^(?:if|unless|when|once|whether|because|although|though|since|while|whilst|until|before|which|then)$/;

/** "As you | and | i have not been able to agree": a subject of two people is one, so its pieces are joined again. */
function pairedSubjects(pieces: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] ?? '';
    const previous = out[out.length - 1];
    // Only a subject, bare or after its conjunction: "as you | and i…", "prefer that you | and i…", not "… back from you | and i am…".
    if (previous !== undefined && /(?:^|\b(?:that|as|since|because|if|when|although|while|whilst) )(?:you|he|she|they)$/.test(previous)) {
      // "and i have…" in one piece, or "and" alone with "i have…" after it.
      if (/^and (?:i|we)\b/.test(piece)) {
        out[out.length - 1] = `${previous} ${piece}`;
        continue;
      }
      const next = pieces[i + 1] ?? '';
      if (piece === 'and' && /^(?:i|we)\b/.test(next)) {
        out[out.length - 1] = `${previous} and ${next}`;
        i++;
        continue;
      }
    }
    out.push(piece);
  }
  return out;
}

/** A risk said with "would", which a bare condition after it completes: "S would be at imminent risk of harm". */
const AT_RISK_IF =
  /\bwould (?:not )?be (?:placed )?(?:(?:at|in) (?:[a-z]+ ){0,2}(?:risk|danger)(?: of [a-z ]{1,30})?|unsafe|safe|vulnerable)$/;
/** "if discharged tonight, …", "if left at home, …": a condition of a participle, then its comma. */
const ELLIPTICAL_IF = /^(if (?:[a-z]+ ){0,2}?[a-z]+(?:ed|en)\b(?: [a-z]+){0,3}?)(?:, |$)/;

export function clauses(norm: string): string[] {
  const out: string[] = [];
  let carried = '';
  for (const piece of pairedSubjects(norm.split(CLAUSE_BOUNDARY))) {
    if (!piece) continue;
    if (LONE_CONJUNCTION.test(piece.trim())) {
      carried = `${carried}${piece.trim()} `;
      continue;
    }
    const whole = carried + piece;
    carried = '';
    // "the disagreement about | who should act as lead professional ended…": what it is about, not a new clause.
    const previous = out.length - 1;
    if (
      previous >= 0 &&
      /^(?:who|whether|which|what|how)\b/.test(whole) &&
      /\b(?:about|over|as to|regarding|concerning)$/.test(out[previous] ?? '')
    ) {
      out[previous] = `${out[previous]} ${whole}`.slice(0, MAX_CLAUSE_CHARS * 2);
      continue;
    }
    // "Because we believe S would be at imminent risk of harm | if discharged tonight, I am referring this…": a condition
    // with no verb of its own ends what "would" said before it; the clause after its comma is a statement.
    const elliptical = previous >= 0 && AT_RISK_IF.test(out[previous] ?? '') ? ELLIPTICAL_IF.exec(whole) : null;
    if (elliptical) {
      out[previous] = `${out[previous]} ${elliptical[1]}`.slice(0, MAX_CLAUSE_CHARS * 2);
      const rest = whole.slice(elliptical[0].length);
      if (rest) out.push(rest.slice(0, MAX_CLAUSE_CHARS));
      continue;
    }
    // "While it isn't the outcome we argued for, Stratton Housing accepts the panel's decision", "Since the managers'
    // conversation didn't move things on, our Headteacher is now writing…": the clause that opens the sentence ends
    // at its comma, and its negation is not the main clause's.
    const concession =
      /^(?:while|whilst|although|though|even though|despite|notwithstanding|since|because|as|given that|now that|seeing as)\b[^,]{0,200}, /.exec(
        whole,
      );
    for (const clause of concession ? [concession[0].slice(0, -2), whole.slice(concession[0].length)] : [whole]) {
      // A run of text with no punctuation at all is cut into bounded pieces: real clauses are short.
      for (let i = 0; i < clause.length; i += MAX_CLAUSE_CHARS) out.push(clause.slice(i, i + MAX_CLAUSE_CHARS));
    }
  }
  if (carried) out.push(carried.trim());
  return out.filter((clause) => /[a-z0-9]/.test(clause));
}

/** How many double quotation marks `text` has from `from` up to `to`: counted along a text once, not again for each place. */
export function quotationMarks(text: string, from: number, to: number): number {
  let marks = 0;
  for (let i = from; i < to; i++) if (text[i] === '"' || text[i] === '\u201c' || text[i] === '\u201d') marks++;
  return marks;
}

/** Whether the text at `index` is inside double quotation marks opened earlier in the clause. */
export function quoted(clause: string, index: number): boolean {
  return quotationMarks(clause, 0, index) % 2 === 1;
}

/** The text after the last dash, which starts a statement of its own: "no nominated rep - the policy says it comes to you". */
export function afterLastDash(text: string): string {
  return text.slice(text.lastIndexOf(' - ') + 1);
}
