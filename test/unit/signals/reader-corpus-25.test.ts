import { holdsItsFloor } from '../../support/reader-floor.js';

/**
 * The twenty-fifth tuning corpus (test/fixtures/reader-corpus-25/README.md): 210 new threads that copy the mailbox,
 * most of them not a disagreement, written to corpus 23's brief. First measured, as a held-out corpus, at accuracy
 * 83.8 % and unrelated acted on 7.3 % (11 of 150 unrelated messages opened a case: escalation figures and a
 * review report, a consultation response, an ICPC invitation's dissent wording, a learning event and a thank-you for
 * cases long closed, a training exercise, a challenge to a budget and one to the accuracy of minutes, concerns
 * escalated as a new referral); then 88.1 %, none opened (87.6 % after the reviewer's corrections). Held to the figures reached on it, a floor that only rises.
 */
holdsItsFloor('twenty-fifth reader corpus', 'reader-corpus-25', 210, {
  accuracy: 0.88,
  escalationRecall: 1,
  resolutionRecall: 1,
  resolutionPrecision: 1,
  unrelatedActedOn: 0,
});
