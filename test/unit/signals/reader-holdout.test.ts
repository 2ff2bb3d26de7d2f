import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeFigures, measureCorpus, missedGoals } from '../../support/reader-corpus.js';

/**
 * The held-out corpus (test/fixtures/reader-corpus-holdout/README.md): 300 messages written on
 * 2026-12-01 for issue 14 by five writers who saw neither this code nor the other corpora, never
 * used to tune the reader. It measures how the reader generalises. Until it meets the issue's
 * goals, it is held to what was measured on it, so the reader can only get better on it. First
 * measured (the reader of stop 21): accuracy 85.0 %, escalation recall 86.7 %, resolution recall
 * 86.7 %, resolution precision 88.6 % (5 false resolutions), unrelated acted on 0 %. After
 * resolutions were bound to what they are said of (lib/signals/topic.ts) and warnings with
 * deadlines read as conditions, 86.0 % / 86.7 % / 80.0 % / 100 % / 0 %; after tuning on a fourth
 * corpus written for the hard categories, 89.7 %; after log requests went to review, 90.3 %; after a fifth tuning corpus: the floor below.
 */
const FLOOR = { accuracy: 0.906, escalationRecall: 0.911, resolutionRecall: 0.888, resolutionPrecision: 1, unrelatedActedOn: 0 };
const corpus = fileURLToPath(new URL('../../fixtures/reader-corpus-holdout/', import.meta.url));

describe('the held-out reader corpus', () => {
  it('reads its messages no worse than when it was first measured, and says how far it is from the goals', async () => {
    const figures = await measureCorpus(corpus);
    console.log(describeFigures(figures));
    console.log(`issue 14 goals still missed on the held-out corpus: ${missedGoals(figures).join('; ') || 'none'}`);
    expect(figures.verdicts).toHaveLength(300);
    expect(missedGoals(figures, FLOOR)).toEqual([]);
  }, 120_000);
});
