const segmenter = new Intl.Segmenter('en-GB', { granularity: 'sentence' });

/**
 * Sentences of mail text. Intl's segmenter does the sentence boundaries; lines are split first,
 * because mail often has no full stop at the end of a line ("Stage 3 escalation" as a heading).
 */
export function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => [...segmenter.segment(line)].map((segment) => segment.segment))
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter((sentence) => /[a-z]/i.test(sentence));
}
