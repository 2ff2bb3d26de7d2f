import { describe, expect, it } from 'vitest';
import { failsAuthentication, mergeVerdicts, NO_VERDICTS, verdictsFromHeaders } from '../../../lib/mail/verdicts.js';

describe('verdicts', () => {
  it("read SES's own headers", () => {
    expect(
      verdictsFromHeaders({
        spam: 'PASS',
        virus: 'fail',
        authenticationResults: [
          'amazonses.com; spf=softfail (spfCheck: x) smtp.mailfrom=a.example; dkim=pass header.i=@a.example; dmarc=none header.from=a.example;',
        ],
      }),
    ).toEqual({ spam: 'PASS', virus: 'FAIL', spf: 'FAIL', dkim: 'PASS', dmarc: 'GRAY' });
  });

  it("believe no Authentication-Results but SES's: others may be forged by the sender", () => {
    expect(
      verdictsFromHeaders({ spam: undefined, virus: undefined, authenticationResults: ['mx.google.com; spf=pass; dkim=pass; dmarc=pass'] }),
    ).toEqual(NO_VERDICTS);
  });

  it('give no verdict where there is no header, or an unknown word', () => {
    expect(verdictsFromHeaders({ spam: 'MAYBE', virus: undefined, authenticationResults: [] })).toEqual(NO_VERDICTS);
  });

  it("take the SES event's verdicts over the headers'", () => {
    const headers = { ...NO_VERDICTS, spam: 'PASS' as const, dkim: 'PASS' as const };
    expect(mergeVerdicts({ spam: 'FAIL' }, headers)).toEqual({ ...NO_VERDICTS, spam: 'FAIL', dkim: 'PASS' });
  });

  it.each([
    [{ spf: 'FAIL', dkim: 'FAIL', dmarc: null }, true],
    [{ spf: 'FAIL', dkim: 'PASS', dmarc: null }, false],
    [{ spf: 'PASS', dkim: 'PASS', dmarc: 'FAIL' }, true],
    [{ spf: null, dkim: null, dmarc: null }, false],
    // The stricter rule: neither SPF nor DKIM passes, whatever DMARC says when it does not fail.
    [{ spf: 'FAIL', dkim: 'GRAY', dmarc: 'GRAY' }, true],
    [{ spf: 'FAIL', dkim: null, dmarc: null }, true],
    [{ spf: 'GRAY', dkim: 'GRAY', dmarc: 'GRAY' }, true],
    [{ spf: 'PASS', dkim: 'GRAY', dmarc: 'GRAY' }, false],
    [{ spf: 'GRAY', dkim: 'PASS', dmarc: 'GRAY' }, false],
  ] as const)('authentication fails for %j: %s', (verdicts, fails) => {
    expect(failsAuthentication({ ...NO_VERDICTS, ...verdicts })).toBe(fails);
  });
});
