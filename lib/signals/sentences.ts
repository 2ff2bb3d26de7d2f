const segmenter = new Intl.Segmenter('en-GB', { granularity: 'sentence' });

/**
 * Sentences of mail text. Intl's segmenter does the sentence boundaries; lines are split first,
 * because mail often has no full stop at the end of a line ("Stage 3 escalation" as a heading).
 */
export function sentences(text: string): string[] {
  return (
    text
      .split(/\n+/)
      // A line with no full stop inside is one sentence: no need to ask the segmenter.
      .flatMap((line) => (/[.!?]\s+\S/.test(line) ? [...segmenter.segment(line)].map((segment) => segment.segment) : [line]))
      .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
      .filter((sentence) => /[a-z]/i.test(sentence))
  );
}

/**
 * The sentence of `line` around the character at `index`, by its nearest full stops: evidence
 * for a match in quoted history, where long threads make full segmentation the largest cost
 * and a rough boundary is enough for a weak mention.
 */
export function sentenceAt(line: string, index: number): string {
  const before = line.slice(0, index).search(/[.!?]\s+[^.!?]*$/);
  const start = before === -1 ? 0 : before + 1;
  const end = line.slice(index).search(/[.!?](?:\s|$)/);
  return line
    .slice(start, end === -1 ? line.length : index + end + 1)
    .replace(/\s+/g, ' ')
    .trim();
}
