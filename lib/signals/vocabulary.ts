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

/** The stage mentions in a sentence: "Stage 3", "stage three", "Step Two", "the third stage", the policy's stage names. */
export function stageMentions(sentence: string, policy: Policy): StageMention[] {
  const words = policy.vocabulary.stageWords.map(escape).join('|');
  const numbered = new RegExp(`\\b(?:${words})\\s*(?:no\\.?\\s*)?(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'gi');
  const ordinal = new RegExp(`\\b(${Object.keys(ORDINALS).join('|')})\\s+(?:${words})\\b`, 'gi');
  const found: StageMention[] = [];
  const known = new Set(policy.stages.map((s) => s.id));
  for (const match of sentence.matchAll(numbered)) {
    const raw = (match[1] ?? '').toLowerCase();
    const stage = String(NUMBER_WORDS[raw] ?? Number(raw));
    if (known.has(stage)) found.push({ stage, index: match.index, text: match[0], byNumber: true });
  }
  for (const match of sentence.matchAll(ordinal)) {
    const stage = String(ORDINALS[(match[1] ?? '').toLowerCase()]);
    if (known.has(stage)) found.push({ stage, index: match.index, text: match[0], byNumber: true });
  }
  if (found.length === 0) {
    for (const stage of policy.stages) {
      for (const name of [stage.name, ...stage.aliases]) {
        if (name.length < 5) continue;
        const match = new RegExp(`\\b${escape(name)}\\b`, 'i').exec(sentence);
        if (match) {
          found.push({ stage: stage.id, index: match.index, text: match[0], byNumber: false });
          break;
        }
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
