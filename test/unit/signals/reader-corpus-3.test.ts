import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeFigures, describeMistakes, measureCorpus, missedGoals } from '../../support/reader-corpus.js';

/**
 * The third tuning corpus (test/fixtures/reader-corpus-3/README.md): the held-out corpus of the
 * first two tuning rounds, read for tuning once a new held-out corpus was written. Held to the
 * figures reached on it (2026-12-01: accuracy 97.0 %, escalation recall 100 %, resolution recall
 * 96.3 %, resolution precision 100 %, unrelated acted on 0 %), a floor that only rises until it
 * meets the thresholds like the first two.
 */
const FLOOR = { accuracy: 0.99, escalationRecall: 1, resolutionRecall: 0.962, resolutionPrecision: 1, unrelatedActedOn: 0 };
const corpus = fileURLToPath(new URL('../../fixtures/reader-corpus-3/', import.meta.url));

describe('the third reader corpus (test/fixtures/reader-corpus-3)', () => {
  it('reads its messages no worse than the figures reached on it', async () => {
    const figures = await measureCorpus(corpus);
    console.log(describeFigures(figures));
    console.log(`issue 14 goals still missed on the third corpus: ${missedGoals(figures).join('; ') || 'none'}`);
    expect(figures.verdicts).toHaveLength(200);
    expect(missedGoals(figures, FLOOR), describeMistakes(figures)).toEqual([]);
  }, 120_000);
});
