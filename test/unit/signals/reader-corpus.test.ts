import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeFigures, describeMistakes, measureCorpus, missedGoals } from '../../support/reader-corpus.js';

/**
 * Issue 14's measurement: every labelled message of the reader corpus (written for the issue by
 * two writers who never saw this code) through the decision ingest and `explain` take, against the
 * issue's thresholds. READER_CORPUS=<dir> points the same assertions at another corpus of the same
 * shape (a held-out one), e.g. `READER_CORPUS=/path npx vitest run test/unit/signals/reader-corpus.test.ts`.
 */
const corpus = process.env.READER_CORPUS ?? fileURLToPath(new URL('../../fixtures/reader-corpus/', import.meta.url));

describe(`the reader corpus (${process.env.READER_CORPUS ? corpus : 'test/fixtures/reader-corpus'})`, () => {
  it('reads its messages at the issue thresholds', async () => {
    const figures = await measureCorpus(corpus);
    console.log(describeFigures(figures));
    expect(figures.verdicts.length).toBeGreaterThanOrEqual(process.env.READER_CORPUS ? 1 : 400);
    expect(missedGoals(figures), describeMistakes(figures)).toEqual([]);
  }, 120_000);
});
