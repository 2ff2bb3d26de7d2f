import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeFigures, describeMistakes, GOALS, measureCorpus, missedGoals } from './reader-corpus.js';

/**
 * A labelled corpus held to a floor (the figures reached on it, which only rise) until it meets
 * issue 14's goals: prints its confusion matrix and the goals still missed, and fails below the floor.
 */
export function holdsItsFloor(name: string, folder: string, messages: number, floor: { [K in keyof typeof GOALS]: number }): void {
  const corpus = fileURLToPath(new URL(`../fixtures/${folder}/`, import.meta.url));
  describe(`the ${name} (test/fixtures/${folder})`, () => {
    it('reads its messages no worse than the figures reached on it, and says how far it is from the goals', async () => {
      const figures = await measureCorpus(corpus);
      console.log(describeFigures(figures));
      console.log(`issue 14 goals still missed on the ${name}: ${missedGoals(figures).join('; ') || 'none'}`);
      expect(figures.verdicts).toHaveLength(messages);
      expect(missedGoals(figures, floor), describeMistakes(figures)).toEqual([]);
    }, 120_000);
  });
}
