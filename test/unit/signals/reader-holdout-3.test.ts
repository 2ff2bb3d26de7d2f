import { holdsItsFloor } from '../../support/reader-floor.js';

/**
 * The third held-out corpus (test/fixtures/reader-corpus-holdout-3/README.md): 300 messages written to the held-out
 * brief on 2026-12-02, measured once and never used to tune the reader. First measured: accuracy 96.3 %, escalation
 * recall 93.3 % (42 of 45; the 95 % is one message short), resolution recall 100 %, resolution precision
 * 100 %, unrelated acted on 0 %. Held to that, a floor that only rises.
 */
holdsItsFloor('third held-out reader corpus', 'reader-corpus-holdout-3', 300, {
  accuracy: 0.963,
  escalationRecall: 0.933,
  resolutionRecall: 1,
  resolutionPrecision: 1,
  unrelatedActedOn: 0,
});
