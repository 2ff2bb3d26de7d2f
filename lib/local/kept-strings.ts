/**
 * A string as one flat copy. A string built by concatenation (a subject, an ISO time) is a tree of
 * its parts, several times the size of its characters, until something reads it whole; what a
 * long run keeps for its end (replay's document, the reminder book) keeps flat copies. The JSON
 * round trip copies every UTF-16 unit, lone surrogates included.
 */
export const flat = (value: string): string => JSON.parse(JSON.stringify(value)) as string;

/**
 * One flat copy of each string a run keeps many times: addresses, case references, stages and
 * times, which otherwise arrive as a new copy with each email (parsed from the store's answers).
 * For what lives as long as the run, never for a server's lifetime: it forgets nothing.
 */
export class StringTable {
  private readonly known = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();

  readonly of = (value: string): string => {
    let kept = this.known.get(value);
    if (kept === undefined) {
      kept = flat(value);
      this.known.set(kept, kept);
    }
    return kept;
  };

  /** One copy of each list of strings (the recipients of many emails are the same people), frozen: every holder shares it. */
  readonly list = (values: readonly string[]): readonly string[] => {
    const key = JSON.stringify(values);
    let kept = this.lists.get(key);
    if (kept === undefined) {
      kept = Object.freeze(values.map(this.of));
      this.lists.set(key, kept);
    }
    return kept;
  };
}
