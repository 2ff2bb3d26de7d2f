import { holdsItsFloor } from '../../support/reader-floor.js';

/**
 * The second held-out corpus (test/fixtures/reader-corpus-holdout-2/README.md): 300 messages written to the held-out
 * brief after the last rule of the round had changed, measured once and never used to tune the reader. First
 * measured: accuracy 96.3 %, escalation recall 97.8 %, resolution recall 95.6 %, resolution precision 100 %,
 * unrelated acted on 2.9 % (one unrelated message of 35 opened a case: the 2 % is one message short).
 * After corpus 22 (mail that only looks like the process): accuracy 96.7 %, the rest as before. Held to that, a
 * floor that only rises.
 */
holdsItsFloor('second held-out reader corpus', 'reader-corpus-holdout-2', 300, {
  accuracy: 0.966,
  escalationRecall: 0.977,
  resolutionRecall: 0.955,
  resolutionPrecision: 1,
  unrelatedActedOn: 0.029,
});
