import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flat, StringTable } from '../../../lib/local/kept-strings.js';

describe('strings a long run keeps', () => {
  it('are the same text, whatever it holds (lone surrogates, controls, any code unit)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(flat(a + b)).toBe(a + b);
        expect(new StringTable().of(a + b)).toBe(a + b);
      }),
      { numRuns: 500 },
    );
    expect(flat('\uD800 lone')).toBe('\uD800 lone');
  });

  it('come back as the text given, from a table that has seen them before or not', () => {
    const kept = new StringTable();
    const copies = [
      'ann@agency.example',
      ['ann', 'agency.example'].join('@'),
      'b@x.example',
      String.fromCharCode(97, 110, 110) + '@agency.example',
    ];
    expect(copies.map(kept.of)).toEqual(['ann@agency.example', 'ann@agency.example', 'b@x.example', 'ann@agency.example']);
  });

  it('come as one frozen copy of each list, the same strings in the same order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { maxLength: 4 }),
        fc.array(fc.string({ unit: 'binary' }), { maxLength: 4 }),
        (a, b) => {
          const kept = new StringTable();
          const [first, again, other] = [kept.list(a), kept.list([...a]), kept.list(b)];
          expect(first).toEqual(a);
          expect(other).toEqual(b);
          expect(again).toBe(first);
          expect(other === first).toBe(JSON.stringify(a) === JSON.stringify(b));
          expect(Object.isFrozen(first)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
