import { holdsItsFloor } from '../../support/reader-floor.js';

/**
 * The held-out corpus of mail that only looks like the process (test/fixtures/reader-corpus-unrelated-holdout/README.md):
 * 210 new threads written to the brief of corpora 23 and 25 after their rules were in, measured once and never used to
 * tune the reader. First measured: unrelated acted on 1.3 % (2 of 150 unrelated messages opened a case; the issue's
 * goal is 2 %), accuracy 87.1 % (most of the rest is review against unrelated: process words with no disagreement,
 * which the partnership sees once and no one else does). Held to that, a floor that only rises.
 */
holdsItsFloor('held-out corpus of mail that only looks like the process', 'reader-corpus-unrelated-holdout', 210, {
  accuracy: 0.871,
  escalationRecall: 1,
  resolutionRecall: 1,
  resolutionPrecision: 1,
  unrelatedActedOn: 0.014,
});
