import type { Policy } from '../policy/schema.js';

const NUMBER_WORDS: Record<string, number> = { zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7 };

export interface StageMention {
  stage: string;
  /** Index in the sentence where the mention starts. */
  index: number;
  text: string;
  /** Named by its number (strong) or only by a stage name (weak). */
  byNumber: boolean;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface CompiledVocabulary {
  /** Cheap first test: could this text name a stage at all? */
  anyStageWord: RegExp;
  numbered: RegExp;
  ordinal: RegExp;
  names: { stage: string; pattern: RegExp }[];
  known: Set<string>;
}

const compiled = new WeakMap<Policy, CompiledVocabulary>();

/** A policy's stage vocabulary as regular expressions, built once per policy. */
export function vocabularyOf(policy: Policy): CompiledVocabulary {
  let vocabulary = compiled.get(policy);
  if (!vocabulary) {
    const words = policy.vocabulary.stageWords.map(escape).join('|');
    vocabulary = {
      anyStageWord: new RegExp(`\\b(?:${words})\\b`, 'i'),
      numbered: new RegExp(`\\b(?:${words})\\s*(?:no\\.?\\s*)?(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'gi'),
      ordinal: new RegExp(`\\b(${Object.keys(ORDINALS).join('|')})\\s+(?:${words})\\b`, 'gi'),
      names: policy.stages.flatMap((stage) =>
        [stage.name, ...stage.aliases]
          .filter((name) => name.length >= 5)
          .map((name) => ({ stage: stage.id, pattern: new RegExp(`\\b${escape(name)}\\b`, 'i') })),
      ),
      known: new Set(policy.stages.map((s) => s.id)),
    };
    compiled.set(policy, vocabulary);
  }
  return vocabulary;
}

/** The stage mentions in a sentence: "Stage 3", "stage three", "Step Two", "the third stage", the policy's stage names. */
export function stageMentions(sentence: string, policy: Policy, options: { byNumberOnly?: boolean } = {}): StageMention[] {
  const { numbered, ordinal, names, known, anyStageWord } = vocabularyOf(policy);
  const found: StageMention[] = [];
  if (!anyStageWord.test(sentence) && (options.byNumberOnly || !names.some(({ pattern }) => pattern.test(sentence)))) return found;
  for (const match of sentence.matchAll(numbered)) {
    const raw = (match[1] ?? '').toLowerCase();
    const stage = String(NUMBER_WORDS[raw] ?? Number(raw));
    if (known.has(stage)) found.push({ stage, index: match.index, text: match[0], byNumber: true });
  }
  for (const match of sentence.matchAll(ordinal)) {
    const stage = String(ORDINALS[(match[1] ?? '').toLowerCase()]);
    if (known.has(stage)) found.push({ stage, index: match.index, text: match[0], byNumber: true });
  }
  if (found.length === 0 && !options.byNumberOnly) {
    for (const { stage, pattern } of names) {
      const match = pattern.exec(sentence);
      if (match && !found.some((f) => f.stage === stage)) found.push({ stage, index: match.index, text: match[0], byNumber: false });
    }
    // One mention per stage, the first name found: aliases overlap ("senior manager", "senior managers").
  }
  return found.sort((a, b) => a.index - b.index);
}
