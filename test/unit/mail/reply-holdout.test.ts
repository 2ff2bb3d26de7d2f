import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpora, productNewText, scoreCase, tally } from '../../support/reply-corpora.js';

/**
 * The new text on a reply corpus written for this product by a writer who saw neither its code
 * nor the other projects' corpora (test/fixtures/reply-corpus-holdout/README.md), scored as the
 * shared corpora are: at least 90 % exact or contains-clean, the threshold of issue 15.
 */
const dir = fileURLToPath(new URL('../../fixtures/reply-corpus-holdout/', import.meta.url));

describe('the new text on the independent reply corpus', () => {
  it('gets at least 90 % exact or clean', async () => {
    const prepared = await loadCorpora(dir);
    expect(prepared).toHaveLength(120);
    const rows = [];
    for (const p of prepared) rows.push({ p, score: scoreCase(await productNewText(p), p) });
    const [figures] = tally(rows);
    if (!figures) throw new Error('the independent corpus was not scored');
    const failing = rows
      .filter((r) => !['exact', 'contains-clean'].includes(r.score.category))
      .map((r) => `${r.p.c.id}: ${r.score.category}`);
    console.log(
      `independent reply corpus: ${figures.exact} exact + ${figures.containsClean} contains-clean of ${figures.cases}; failing: ${failing.join(', ')}`,
    );
    expect(figures.rate, failing.join(', ')).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
