import type { Policy } from '../policy/schema.js';
import { roleNamesOf } from '../policy/stages.js';

const NUMBER_WORDS: Record<string, number> = { zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7 };

/**
 * Words practitioners put before a stage's number whatever the policy calls it: a Swindon
 * practitioner who writes "level 3" or "step 3" means Stage 3. The policy's own words are added.
 */
const GENERIC_STAGE_WORDS = ['stage', 'step', 'level', 'tier'];

/** Where a clause names a stage, and how. */
export interface StageAnchor {
  /** A stage id; for `next`, the number of stages above the current one (always 1). */
  stage: string;
  how: 'number' | 'role' | 'next' | 'name';
  index: number;
  text: string;
}

export interface StageVocabulary {
  /** Cheap first test: could this normalised text name a stage at all? */
  any: RegExp;
  numbered: RegExp;
  ordinal: RegExp;
  roles: RegExp;
  roleStage: Map<string, string>;
  names: RegExp | null;
  nameStage: Map<string, string>;
  known: Set<string>;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;
const compiled = new WeakMap<Policy, StageVocabulary>();

/** A policy's stage words, numbers and roles as regular expressions, built once per policy. */
export function vocabularyOf(policy: Policy): StageVocabulary {
  const cached = compiled.get(policy);
  if (cached) return cached;
  const roleStage = new Map<string, string>();
  for (const stage of policy.stages)
    for (const name of roleNamesOf(stage)) if (!roleStage.has(name.replace(/-/g, ' '))) roleStage.set(name.replace(/-/g, ' '), stage.id);
  // "our two Heads of Service", "the Directors": a role in the plural is the same role.
  for (const [name, stage] of [...roleStage]) {
    const plural = pluralOf(name);
    if (plural && !roleStage.has(plural)) roleStage.set(plural, stage);
  }
  // A generic word the policy's roles number ("tier 3 manager" at Wiltshire's stage 2) is a grade there, not a
  // stage: "my service manager (tier 3)" is that role, written the other way round.
  const grades = new Set<string>();
  for (const [name, stage] of [...roleStage]) {
    const graded = /^([a-z]+) (\d) ([a-z]+)$/.exec(name);
    if (!graded || !GENERIC_STAGE_WORDS.includes(graded[1] ?? '')) continue;
    grades.add(graded[1] ?? '');
    const reversed = `${graded[3] ?? ''} (${graded[1] ?? ''} ${graded[2] ?? ''})`;
    if (!roleStage.has(reversed)) roleStage.set(reversed, stage);
  }
  // "stgae 2", "satge 3": the commonest slips of the keyboard, as people type in a hurry.
  const words = [...new Set([...policy.vocabulary.stageWords, ...GENERIC_STAGE_WORDS, 'stgae', 'satge'])]
    .filter((word) => !grades.has(word) || policy.vocabulary.stageWords.includes(word))
    .map(escape)
    .join('|');
  const nameStage = new Map<string, string>();
  for (const stage of policy.stages)
    for (const name of [stage.name, ...stage.aliases].map((n) => n.toLowerCase()))
      if (name.length >= 5 && !roleStage.has(name) && !nameStage.has(name)) nameStage.set(name, stage.id);
  const roleNames = [...roleStage.keys()].sort(byLength).map((n) => escape(n).replace(/ /g, '[ -]'));
  const names = [...nameStage.keys()].sort(byLength).map(escape);
  const vocabulary: StageVocabulary = {
    any: new RegExp(
      `\\b(?:${words}|next|${[...roleNames, ...names, ...(roleStage.has('head of service') ? ['heads? of'] : [])].join('|')})`,
    ),
    numbered: new RegExp(
      `\\b(?:${words})s?\\s*(?::\\s*)?(?:no\\.?\\s*)?(?:\\(\\s*)?(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})\\b(?![.:/]\\d)`,
      'g',
    ),
    ordinal: new RegExp(`\\b(${Object.keys(ORDINALS).join('|')})\\s+(?:${words})\\b`, 'g'),
    roles: roleNames.length ? new RegExp(`\\b(?:${roleNames.join('|')})(?![a-z0-9])`, 'g') : /(?!)/g,
    roleStage,
    names: names.length ? new RegExp(`\\b(?:${names.join('|')})\\b`, 'g') : null,
    nameStage,
    known: new Set(policy.stages.map((s) => s.id)),
  };
  compiled.set(policy, vocabulary);
  return vocabulary;
}

/** "head of service" → "heads of service", "director" → "directors"; null for a short form ("lm", "dsl") or a plural. */
function pluralOf(name: string): string | null {
  const headed = /^([a-z]+) ((?:of|for|to) .+)$/.exec(name);
  if (headed) return `${headed[1]}s ${headed[2]}`;
  if (name.length <= 4 || /s$/.test(name)) return null;
  return `${name}s`;
}

/** What follows a role when the role's business is meant, not the role: "the TWSP Executive meeting". */
const ROLE_BUSINESS =
  /^\s*(?:(?:has|have|gets?|keeps?|receives?) (?:a )?cop(?:y|ies)\b|'?s? ?(?:next |annual |quarterly |monthly |practice |learning |review |development )?(?:meetings?|papers|minutes|agenda|members?hip|members|sub-?groups?|away ?day|development|terms of reference|website|newsletter|training|learning|escalation|resolution|dispute|policy|protocol|process|procedure|guidance|business|inbox|mailbox|annual report|notification|forms?|template|log|records?|files?|information)\b)/;

/** What follows a stage's name when its business is meant: its possessive, or a copy it is sent. */
const NAME_BUSINESS =
  /^\s*(?:(?:has|have|gets?|keeps?|receives?) (?:a )?cop(?:y|ies)\b|'s (?:[a-z-]+ ){0,2}(?:policy|protocol|procedure|guidance|process|website|mailbox|inbox|newsletter)\b)/;

/**
 * Each match of a global expression, without `matchAll`: that copies the expression on every
 * call, and these are large.
 */
function* each(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    yield match;
    if (match[0] === '') pattern.lastIndex++;
  }
}

/**
 * A number that grades something else: "Tier 3 CAMHS", "Level 2 DBS", "Level 3 safeguarding training", "a stage 2
 * s42 enquiry". Such a number is that service's level, not a stage of this process.
 */
const GRADES_OTHER =
  /^\s*(?:camhs|dbs|mappa|marac|(?:safeguarding |child protection )?training|s\.?\s?4[27]|section 4[27]|enquir(?:y|ies)|qualifications?|courses?|certificates?|diplomas?|nvq|apprenticeships?|ehcp|opel|priority|incidents?|complaints?|appeals?|(?:support )?services?|needs|interventions?|units?|beds?|inpatient|admissions?|discharge|of the (?:continuum|threshold|levels? of need))\b/;

/** What a manager who is not the practitioner's own manages: "the ward manager", "the practice manager". */
const OTHER_MANAGER =
  /\b(?:ward|practice|business|case|project|registered|home|site|office|bed|discharge|operations|general|account|programme|data|it|hr|contracts?|commissioning|nursery|estates?|facilities|building|premises|quality|performance|bid|shop|store|bank|hotel|centre|unit|hostel|scheme|housing|tenancy) $/;

/** What may stand before a bare "partnership" that is the safeguarding partnership. */
const OUR_PARTNERSHIP = /(?:^|\b(?:the|our|your|this|local|safeguarding|children's|childrens|adults|to|with|via))\s*$/;

/** What sends a document: "please find attached the school's formal", "I enclose our". */
const SENT = /\b(?:attach(?:ed|ing)?|enclos(?:e|ed|ing)|please find|here is|sending)\b[^.;]{0,40}$/;

/** The head of a named service: "Head of Children's Community Services", "Head of the Public Protection Department". */
const HEAD_OF_A_SERVICE =
  /\bheads? of (?:[a-z'&-]+ ){1,3}?services?\b|\bheads? of (?:the )?(?:public protection|safeguarding|social care|children's social care|adult social care|adults' social care) (?:department|unit|directorate)\b/g;

/** "the next stage", "next step", "the next management tier", "next level up", "up a tier", "up a level". */
const NEXT = /\b(?:the )?next (?:management )?(?:stage|step|tier|level)\b|\bup (?:a|one) (?:management )?(?:stage|step|tier|level)\b/g;

/** Every stage a normalised clause names: by number, by a role the policy gives it, by its name, or as "the next stage". */
export function stageAnchors(clause: string, policy: Policy, cache?: Map<string, StageAnchor[]>): StageAnchor[] {
  const cached = cache?.get(clause);
  if (cached) return cached;
  const v = vocabularyOf(policy);
  if (!v.any.test(clause)) return [];
  const found: StageAnchor[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => !taken.some(([s, e]) => start < e && end > s);
  for (const match of each(v.roles, clause)) {
    const stage = v.roleStage.get(match[0].replace(/[ -]+/g, ' '));
    if (!stage) continue;
    // "the TWSP Executive meeting", "the panel papers": the role's business, not the role.
    if (ROLE_BUSINESS.test(clause.slice(match.index + match[0].length, match.index + match[0].length + 40))) continue;
    // "the ward manager", "the practice manager": a bare "manager" qualified by what they manage is another post.
    // …but "my ward manager", "our registered manager" are the writer's own.
    const qualified = clause.slice(Math.max(0, match.index - 24), match.index);
    if (/^managers?$/.test(match[0]) && OTHER_MANAGER.test(qualified) && !/\b(?:my|our) [a-z]+ $/.test(qualified)) continue;
    // "the practice manager's duty lead", "the Head of Service's PA": someone of the role's, not the role.
    if (/^'s\b/.test(clause.slice(match.index + match[0].length))) continue;
    // "a referral to the Domestic Abuse Partnership": a bare "partnership" is the safeguarding one only when nothing else qualifies it.
    if (match[0] === 'partnership' && match.index > 0 && !OUR_PARTNERSHIP.test(clause.slice(Math.max(0, match.index - 20), match.index)))
      continue;
    found.push({ stage, how: 'role', index: match.index, text: match[0] });
    taken.push([match.index, match.index + match[0].length]);
  }
  // "Jo Bright, our Head of Children's Community Services": the head of a service, where the policy names heads of service.
  const headStage = v.roleStage.get('head of service');
  if (headStage)
    for (const match of each(HEAD_OF_A_SERVICE, clause)) {
      if (!free(match.index, match.index + match[0].length)) continue;
      found.push({ stage: headStage, how: 'role', index: match.index, text: match[0] });
      taken.push([match.index, match.index + match[0].length]);
    }
  for (const match of each(v.numbered, clause)) {
    const raw = match[1] ?? '';
    const stage = String(NUMBER_WORDS[raw] ?? Number(raw));
    if (!free(match.index, match.index + match[0].length)) continue; // "tier 3 manager" is a role
    if (GRADES_OTHER.test(clause.slice(match.index + match[0].length, match.index + match[0].length + 40))) continue;
    // "CAMHS Tier 4 referral": the service's grade, named before it.
    // "this is at least Level 3": a level of need met, not a stage.
    if (
      /\b(?:camhs|dbs|mappa|opel|nhs|(?:is|was|be|are) at (?:least|most)|meets?|met|exceeds?)\s*$/.test(
        clause.slice(Math.max(0, match.index - 14), match.index),
      )
    )
      continue;
    if (v.known.has(stage)) found.push({ stage, how: 'number', index: match.index, text: match[0] });
  }
  for (const match of each(v.ordinal, clause)) {
    const stage = String(ORDINALS[match[1] ?? '']);
    if (v.known.has(stage)) found.push({ stage, how: 'number', index: match.index, text: match[0] });
  }
  for (const match of each(NEXT, clause)) found.push({ stage: '+1', how: 'next', index: match.index, text: match[0] });
  if (v.names) {
    for (const match of each(v.names, clause)) {
      const stage = v.nameStage.get(match[0]);
      if (!stage || !free(match.index, match.index + match[0].length)) continue;
      // "under the partnership's resolution policy", "so the Partnership has a copy": the body's business, not the body.
      if (NAME_BUSINESS.test(clause.slice(match.index + match[0].length, match.index + match[0].length + 40))) continue;
      // "the pre-escalation stage", "the Practitioner to practitioner step": a name said to be a stage is as good as its number.
      // "Please find attached the school's formal letter of dissent": the stage's own instrument, sent.
      const named =
        /^\s*,?\s*(?:[a-z-]+\s+)?(?:stage|step|level|discussion|meeting|conversation)\b/.test(
          clause.slice(match.index + match[0].length),
        ) || SENT.test(clause.slice(Math.max(0, match.index - 60), match.index));
      found.push({ stage, how: named ? 'number' : 'name', index: match.index, text: match[0] });
    }
  }
  found.sort((a, b) => a.index - b.index);
  cache?.set(clause, found);
  return found;
}

/** The stage after `current` in the policy's ladder; null at the top. */
export function nextStage(policy: Policy, current: string): string | null {
  const index = policy.stages.findIndex((s) => s.id === current);
  return index === -1 ? null : (policy.stages[index + 1]?.id ?? null);
}
