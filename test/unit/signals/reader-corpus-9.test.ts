import { holdsItsFloor } from '../../support/reader-floor.js';

/**
 * The ninth tuning corpus (test/fixtures/reader-corpus-9/README.md): 200 messages, most of them
 * traps on a case (the words of an escalation or a resolution that change nothing). First measured
 * at accuracy 83.5 %, escalation recall 90.0 %, resolution recall 96.7 %, resolution precision
 * 90.6 % (three false resolutions), 21 traps read as escalations; held to the figures reached on
 * it, a floor that only rises.
 */
holdsItsFloor('ninth reader corpus', 'reader-corpus-9', 200, {
  accuracy: 0.99,
  escalationRecall: 1,
  resolutionRecall: 1,
  resolutionPrecision: 1,
  unrelatedActedOn: 0,
});
