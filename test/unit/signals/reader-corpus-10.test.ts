import { holdsItsFloor } from '../../support/reader-floor.js';

/**
 * The tenth tuning corpus (test/fixtures/reader-corpus-10/README.md): 200 messages, openings and
 * resolutions as each profession writes them. First measured at accuracy 79.5 %, escalation recall
 * 72.5 %, resolution recall 82.0 %, resolution precision 100 %, unrelated acted on 20 % (one training
 * notice of five opened a case); held to the figures reached on it, a floor that only rises.
 */
holdsItsFloor('tenth reader corpus', 'reader-corpus-10', 200, {
  accuracy: 0.965,
  escalationRecall: 1,
  resolutionRecall: 1,
  resolutionPrecision: 1,
  unrelatedActedOn: 0,
});
