import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeFigures, measureCorpus, missedGoals } from '../../support/reader-corpus.js';

/**
 * The held-out corpus (test/fixtures/reader-corpus-holdout/README.md): 200 messages written for
 * issue 14 by a writer who saw neither this code nor the tuning corpora, and never used to tune
 * the reader. It measures how the reader generalises. Until it meets the goals,
 * it is held to what was measured when it was first run, so the reader can only get better on it:
 * 2026-12-01, first accuracy 88.5 %, escalation recall 92.6 %, resolution recall 70.4 %,
 * resolution precision 100 %, unrelated acted on 6.5 %; after a second tuning corpus, accuracy
 * 90.5 %, resolution recall 81.5 %, unrelated 3.2 %, but resolution precision 95.7 % (one false
 * resolution in 23): the floor below is that second measurement, precision included.
 */
const FLOOR = { accuracy: 0.905, escalationRecall: 0.925, resolutionRecall: 0.814, resolutionPrecision: 0.956, unrelatedActedOn: 0.033 };
const corpus = fileURLToPath(new URL('../../fixtures/reader-corpus-holdout/', import.meta.url));

describe('the held-out reader corpus', () => {
  it('reads its messages no worse than when it was first measured, and says how far it is from the goals', async () => {
    const figures = await measureCorpus(corpus);
    console.log(describeFigures(figures));
    console.log(`issue 14 goals still missed on the held-out corpus: ${missedGoals(figures).join('; ') || 'none'}`);
    expect(figures.verdicts).toHaveLength(200);
    expect(missedGoals(figures, FLOOR)).toEqual([]);
  }, 120_000);
});
