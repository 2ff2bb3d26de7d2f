import { holdsItsFloor } from '../../support/reader-floor.js';

/**
 * The fourteenth tuning corpus (test/fixtures/reader-corpus-14/README.md): 200 messages, the mix of
 * corpora 12 and 13 by other writers. First measured at accuracy 94.0 %, escalation recall 96.0 %,
 * resolution recall 92.0 %, resolution precision 92.0 % (two false resolutions: "Settled in class",
 * a resolution offered on a condition with "then" on its own), unrelated acted on 0 %; held to the
 * figures reached on it, a floor that only rises.
 */
holdsItsFloor('fourteenth reader corpus', 'reader-corpus-14', 200, {
  accuracy: 0.98,
  escalationRecall: 1,
  resolutionRecall: 1,
  resolutionPrecision: 1,
  unrelatedActedOn: 0,
});
