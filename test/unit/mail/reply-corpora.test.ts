import { beforeAll, describe, expect, it } from 'vitest';
import { CORPORA_DIR, loadCorpora, productNewText, scoreCase, tally, type Prepared, type Score } from '../../support/reply-corpora.js';

/**
 * The new text against other projects' reply-parser suites (read in place from the shared test data, see
 * docs/new-text.md): in scope, each corpus at least 90 % exact or contains-clean; the cases that
 * test something the product leaves out on purpose follow its documented choice at least 95 %.
 * Missing corpora fail the test: they are never skipped.
 */
describe('the new text on the shared reply-extraction corpora', () => {
  const rows: { p: Prepared; score: Score; output: string }[] = [];

  beforeAll(async () => {
    const prepared = await loadCorpora();
    for (const p of prepared) {
      const output = await productNewText(p);
      rows.push({ p, score: scoreCase(output, p), output });
    }
  }, 120_000);

  it('finds all three corpora', () => {
    expect(new Set(rows.map((r) => r.p.corpus))).toEqual(
      new Set(['github-email_reply_parser', 'mailgun-talon', 'willdurand-EmailReplyParser']),
    );
    expect(rows.length).toBeGreaterThan(100);
  });

  it('gets at least 90 % of each corpus in scope exact or clean', () => {
    const figures = tally(rows);
    console.log(
      `reply corpora (${CORPORA_DIR}):\n${figures.map((t) => `  ${t.corpus} ${t.scope}: ${t.exact} exact + ${t.containsClean} contains-clean of ${t.cases} (${(t.rate * 100).toFixed(1)} %)`).join('\n')}`,
    );
    const failing = (corpus: string) =>
      rows
        .filter((r) => r.p.corpus === corpus && r.p.c.scope === 'in' && !['exact', 'contains-clean'].includes(r.score.category))
        .map((r) => `${r.p.c.id}: ${r.score.category}`);
    for (const t of figures.filter((f) => f.scope === 'in')) {
      expect(t.rate, `${t.corpus} in scope; failing: ${failing(t.corpus).join(', ')}`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('follows the documented choices (sign-offs cut, > lines and forwards left out) in at least 95 % of design cases', () => {
    const design = rows.filter((r) => r.p.c.scope === 'design');
    expect(design.length).toBeGreaterThan(0);
    const followed = design.filter((r) => ['exact', 'contains-clean'].includes(r.score.category));
    const off = design.filter((r) => !followed.includes(r)).map((r) => `${r.p.corpus}/${r.p.c.id}`);
    expect(followed.length / design.length, `design cases off the documented choice: ${off.join(', ')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('scores a leak and a loss as such (the scorer itself can fail)', () => {
    const sample = rows.find((r) => r.p.c.scope === 'in' && r.p.c.quoteStart && r.p.c.expected.trim() !== '');
    if (!sample) throw new Error('no in-scope case with a history to check the scorer on');
    const { p } = sample;
    expect(scoreCase(`${p.c.expected}\n${p.c.quoteStart}`, p).leaks).toBe(true);
    expect(scoreCase('', p).loses).toBe(true);
    expect(scoreCase(p.c.expected, p).exact).toBe(true);
  });
});
