import { describe, expect, it } from 'vitest';
import { signatureStart } from '../../../lib/mail/signature.js';

const lines = (text: string) => text.split('\n');
const body = (text: string) =>
  lines(text)
    .slice(0, signatureStart(lines(text)))
    .join('\n')
    .trim();

describe('signatureStart', () => {
  it.each([
    ['a closing', 'We are escalating to Stage 3.\n\nKind regards,\nJane Smith\nSenior Social Worker'],
    ['Regards alone', 'We are escalating to Stage 3.\n\nRegards\nJane'],
    ['Yours sincerely', 'We are escalating to Stage 3.\n\nYours sincerely,\nDirector'],
    ['a Welsh closing', 'We are escalating to Stage 3.\n\nCofion gorau,\nSian'],
    ['the -- delimiter', 'We are escalating to Stage 3.\n-- \nJane | resolution lead'],
    ['a phone', 'We are escalating to Stage 3.\n\nSent from my iPhone'],
    ['Outlook mobile', 'We are escalating to Stage 3.\n\nGet Outlook for iOS'],
    ['a short thanks', 'We are escalating to Stage 3.\n\nThanks\nRaj\nNamed Nurse, Great Western Hospital'],
    ['a rule above short lines', 'We are escalating to Stage 3.\n----------\nJane Smith | Team Manager\nTel 01793 000000'],
  ])('cuts %s', (_, text) => {
    expect(body(text)).toBe('We are escalating to Stage 3.');
  });

  it.each([
    ['a greeting that thanks', 'Thanks,\n\nWe are escalating to Stage 3.'],
    ['thanks in the middle of a paragraph', 'Hi Jane,\nThanks,\nWe are escalating to Stage 3.'],
    [
      'thanks followed by a long paragraph',
      `Hi Jane,\n\nThanks,\n\n${'We are escalating to Stage 3 because the plan does not address the risks to the sibling at all. '.repeat(2)}`,
    ],
    ['a line that only starts like a closing', 'Regards the plan: We are escalating to Stage 3.'],
    [
      'a letter pasted below a rule',
      `Please find the school's letter below.\n\n------------------------------\nKINGSDOWN PRIMARY SCHOOL\n\nDear Ms Nandra,\n\n${'I am writing under Stage One of the policy because we do not believe the decision keeps the child safe. '.repeat(2)}We are escalating to Stage 3.`,
    ],
    [
      'notes announced below the sign-off',
      `Please find below the notes from the panel.\n\nKind regards\nKirsty\n\nOUTCOME\n${'Both agencies accepted the decision of the panel and the notes will be saved to the resolution log. '.repeat(2)}We are escalating to Stage 3.`,
    ],
  ])('keeps the body with %s', (_, text) => {
    expect(body(text)).toContain('We are escalating to Stage 3');
  });

  it('finds nothing in a message with no signature', () => {
    expect(signatureStart(lines('One.\nTwo.'))).toBe(2);
  });
});
