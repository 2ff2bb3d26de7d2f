import { holdsItsFloor } from '../../support/reader-floor.js';

/**
 * The twenty-second tuning corpus (test/fixtures/reader-corpus-22/README.md): 200 messages of mail that only looks
 * like the process. First measured at accuracy 82.0 %, unrelated acted on 0 %, three false resolutions (an
 * interpreter "sorted", a chronology "agreed", "Agreed Mr E has care and support needs" in pasted notes) and two
 * completed forms sent only for the record opening cases. Most of what is still read otherwise is review against
 * unrelated (process words without a disagreement) or an automatic newsletter ignored that its writer calls
 * unrelated: no case is opened, moved or closed by any of them. Held to the figures reached, a floor that only rises.
 */
holdsItsFloor('twenty-second reader corpus', 'reader-corpus-22', 200, {
  accuracy: 0.86,
  escalationRecall: 1,
  resolutionRecall: 1,
  resolutionPrecision: 1,
  unrelatedActedOn: 0,
});
