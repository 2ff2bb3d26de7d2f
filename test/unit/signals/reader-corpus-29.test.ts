import { holdsItsFloor } from '../../support/reader-floor.js';

/**
 * The twenty-ninth tuning corpus (test/fixtures/reader-corpus-29/README.md): 200 messages, 90 of them escalations, written
 * after the rules of corpora 27 and 28. First measured at accuracy 87.5 %, escalation recall 83.3 %, resolution precision
 * 95.0 %; then 95.5 %, 94.4 %, 100 % (96.5 % before a review of its rules took back three that went too far). Held to the figures reached on it, a floor that only rises.
 */
holdsItsFloor('twenty-ninth reader corpus', 'reader-corpus-29', 200, {
  accuracy: 0.955,
  escalationRecall: 0.944,
  resolutionRecall: 1,
  resolutionPrecision: 1,
  unrelatedActedOn: 0,
});
