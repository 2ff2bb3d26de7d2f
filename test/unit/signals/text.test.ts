import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clauses, MAX_CLAUSE_CHARS, normalise, sentences } from '../../../lib/signals/text.js';

describe('normalise', () => {
  it.each([
    ["We haven't agreed", 'we have not agreed'],
    ['I really dont agree with that', 'i really do not agree with that'],
    ['Escalting to Stage3', 'escalating to stage 3'],
    ['It’s with my manger', 'it is with my manager'],
  ])('%s → %s', (text, norm) => {
    expect(normalise(text)).toBe(norm);
  });
});

describe('clauses', () => {
  it.each([
    [
      'as you and i have not been able to reach agreement, graham will take this forward at step 3.',
      ['as you and i have not been able to reach agreement', 'graham will take this forward at step 3.'],
    ],
    ['we met on friday and we are no further forward', ['we met on friday', 'and', 'we are no further forward']],
    ['if we cannot agree by friday, i will escalate to stage 3', ['if we cannot agree by friday', 'i will escalate to stage 3']],
  ])('%s', (norm, expected) => {
    expect(clauses(norm)).toEqual(expected);
  });

  it('keeps every clause bounded and loses no word of a sentence', () => {
    const word = fc.constantFrom('i', 'we', 'you', 'and', 'am', 'have', 'stage', '3', 'if', 'but', 'escalating', 'to', ',', ';');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 400 }), (words) => {
        const norm = normalise(words.join(' '));
        const out = clauses(norm);
        for (const clause of out) expect(clause.length).toBeLessThanOrEqual(MAX_CLAUSE_CHARS * 2);
        const letters = (text: string) => text.replace(/[^a-z0-9]/g, '');
        expect(letters(out.join(''))).toBe(letters(norm));
      }),
    );
  });
});

describe('sentences', () => {
  it('splits lines and full stops, and knows a question', () => {
    const read = sentences('Hi Jo,\nWe disagree. Can we talk today?');
    expect(read.map((s) => [s.text, s.question])).toEqual([
      ['Hi Jo,', false],
      ['We disagree.', false],
      ['Can we talk today?', true],
    ]);
  });
});
