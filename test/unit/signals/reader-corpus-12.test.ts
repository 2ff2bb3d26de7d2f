import { holdsItsFloor } from '../../support/reader-floor.js';

/**
 * The twelfth tuning corpus (test/fixtures/reader-corpus-12/README.md): 200 messages, an ordinary
 * month of the mailbox. First measured at accuracy 94.5 %, escalation recall 96.0 %, resolution
 * recall 96.0 %, resolution precision 92.3 % (two false resolutions: an agreement about counselling,
 * a resolution promised on a condition after a colon), unrelated acted on 5 % (a question about the
 * policy opened a case); held to the figures reached on it, a floor that only rises.
 */
holdsItsFloor('twelfth reader corpus', 'reader-corpus-12', 200, {
  accuracy: 0.99,
  escalationRecall: 1,
  resolutionRecall: 1,
  resolutionPrecision: 1,
  unrelatedActedOn: 0,
});
