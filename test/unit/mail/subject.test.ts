import { describe, expect, it } from 'vitest';
import { cleanSubject, referenceTags } from '../../../lib/mail/subject.js';

describe('cleanSubject', () => {
  it.each([
    ['RE: Professional disagreement', 'Professional disagreement'],
    ['Re: RE: Fwd: FW: Professional disagreement', 'Professional disagreement'],
    ['AW: WG: Antw: SV: VS: Professional disagreement', 'Professional disagreement'],
    ['Re[2]: Professional disagreement', 'Professional disagreement'],
    ['[EXTERNAL] RE: Professional disagreement', 'Professional disagreement'],
    ['RE: [EXTERNAL] Re: Professional disagreement [SSP-2026-0003]', 'Professional disagreement [SSP-2026-0003]'],
    ['[OFFICIAL-SENSITIVE] FW: Stage 3', 'Stage 3'],
    ['*EXTERNAL* Re:   Step   2 ', 'Step 2'],
    ['Regarding the plan', 'Regarding the plan'],
    ['Resolution form', 'Resolution form'],
  ])('%s → %s', (subject, expected) => {
    expect(cleanSubject(subject)).toBe(expected);
  });
});

describe('referenceTags', () => {
  it('finds references, bracketed or not, once each', () => {
    expect(referenceTags('RE: [SSP-2026-0007] update, see SSP-2026-0007 and HERSP-2027-0012')).toEqual([
      'SSP-2026-0007',
      'HERSP-2027-0012',
    ]);
  });
  it('ignores look-alikes', () => {
    expect(referenceTags('ssp-2026-0007 X-2026-0001 SSP-26-0007 SSP-2026-00071234 INC-2026-0001x')).toEqual([]);
  });
});
