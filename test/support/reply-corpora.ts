/**
 * The shared reply-extraction corpora (other projects' reply-parser test suites), read from
 * the shared test-data folder beside the repository and scored the way their scorer scores `explain --json`:
 * after normalising whitespace, a case is `exact`, or `contains-clean` (every expected word there,
 * nothing of the history leaked), else it `leaks` history words and/or `loses` expected words.
 * The files are test data of other projects: read in place, never copied here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { convert as htmlToText } from 'html-to-text';
import { simpleParser } from 'mailparser';
import { parseMessage } from '../../lib/mail/parse.js';

/** The corpora's folder in the shared test data beside the repository; REPLY_CORPORA names another place (a worktree elsewhere). */
export const CORPORA_DIR = process.env.REPLY_CORPORA
  ? path.resolve(process.env.REPLY_CORPORA)
  : path.resolve(import.meta.dirname, '../../../shared/corpora/reply-extraction');

export interface ReplyCase {
  id: string;
  file: string;
  format: 'text' | 'html' | 'eml';
  expected: string;
  adjusted?: string;
  scope: 'in' | 'design';
  quoteStart?: string;
  compare?: 'words' | 'nospace';
}

export interface Prepared {
  corpus: string;
  c: ReplyCase;
  /** The message the product reads. */
  eml: Buffer;
  /** The text (and HTML) a plain reply parser reads, and the scorer aligns against. */
  text: string;
  html: string | null;
}

export type Category = 'exact' | 'contains-clean' | 'leaks' | 'loses' | 'leaks+loses' | 'error';

export interface Score {
  category: Category;
  exact: boolean;
  leaks: boolean;
  loses: boolean;
  missing: string;
  leaked: string;
}

const toText = (html: string) =>
  htmlToText(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
    ],
  });

function wrap(body: string, contentType: string, id: string): string {
  return [
    'From: Sender <sender@example.org>',
    'To: Mailbox <mailbox@example.org>',
    `Subject: Re: fixture ${id}`,
    'Date: Mon, 02 Mar 2026 10:00:00 +0000',
    `Message-ID: <${id.replace(/[^A-Za-z0-9._-]/g, '-')}@fixtures.example.org>`,
    'MIME-Version: 1.0',
    `Content-Type: ${contentType}; charset=utf-8`,
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
  ].join('\n');
}

/** Every corpus folder's cases, ready to run; throws (never skips) when the corpora are not there. */
export async function loadCorpora(dir = CORPORA_DIR): Promise<Prepared[]> {
  if (!existsSync(dir)) throw new Error(`the reply-extraction corpora are missing: expected them at ${dir}`);
  const corpora = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'cases.json')))
    .map((entry) => entry.name)
    .sort();
  if (corpora.length === 0) throw new Error(`no corpus (a folder with cases.json) in ${dir}`);
  const prepared: Prepared[] = [];
  for (const corpus of corpora) {
    const cases = JSON.parse(readFileSync(path.join(dir, corpus, 'cases.json'), 'utf8')) as ReplyCase[];
    for (const c of cases) {
      const file = path.join(dir, corpus, 'files', c.file);
      if (c.format === 'eml') {
        const eml = readFileSync(file);
        const parsed = await simpleParser(eml);
        const html = typeof parsed.html === 'string' ? parsed.html : null;
        const plain = parsed.text && parsed.text.trim() !== '' ? parsed.text : null;
        prepared.push({ corpus, c, eml, text: plain ?? (html ? toText(html) : ''), html: plain ? null : html });
      } else {
        const body = readFileSync(file, 'utf8');
        const eml = Buffer.from(wrap(body, c.format === 'html' ? 'text/html' : 'text/plain', c.id));
        prepared.push({ corpus, c, eml, text: c.format === 'html' ? toText(body) : body, html: c.format === 'html' ? body : null });
      }
    }
  }
  return prepared;
}

/** The product's new text for a case, as `explain --json` prints it. */
export async function productNewText(p: Prepared): Promise<string> {
  return (await parseMessage(p.eml, { ownLoop: 'escalations@partnership.example' })).newText;
}

const clean = (s: string) =>
  s
    .replace(/\r/g, '')
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, '')
    .replace(/\u00a0/g, ' ');
const words = (s: string) => clean(s).split(/\s+/).filter(Boolean);
const normal = (s: string, mode: string) => (mode === 'nospace' ? clean(s).replace(/\s+/g, '') : words(s).join(' '));

/** For each token of a, the index of the token of b it is aligned with (longest common subsequence, earliest in b), or -1. */
function align(a: string[], b: string[]): number[] {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const L = new Int32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      L[i * w + j] = a[i] === b[j] ? (L[(i + 1) * w + j + 1] ?? 0) + 1 : Math.max(L[(i + 1) * w + j] ?? 0, L[i * w + j + 1] ?? 0);
  const at = new Array<number>(n).fill(-1);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j] && L[i * w + j] === (L[(i + 1) * w + j + 1] ?? 0) + 1) at[i++] = j++;
    else if (L[i * w + j + 1] === L[i * w + j]) j++;
    else i++;
  }
  return at;
}

function historyIndex(source: string[], quoteStart: string | undefined): number {
  if (!quoteStart) return Infinity;
  const q = words(quoteStart);
  for (let len = Math.min(q.length, 6); len >= 1; len = len > 2 ? 2 : len - 1) {
    for (let k = 0; k + len <= source.length; k++) {
      let ok = true;
      for (let t = 0; t < len && ok; t++) ok = source[k + t] === q[t];
      if (ok) return k;
    }
  }
  return Infinity;
}

/** Scores one output against the text a case expects (its `adjusted` text for design cases). */
export function scoreCase(output: string | null, p: Prepared): Score {
  const { c } = p;
  const expected = c.scope === 'design' ? (c.adjusted ?? c.expected) : c.expected;
  if (output === null) return { category: 'error', exact: false, leaks: false, loses: true, missing: '', leaked: '' };
  const mode = c.compare ?? 'words';
  const exact = normal(output, mode) === normal(expected, mode);
  const exp = words(expected);
  const source = words(p.text);
  const missing: string[] = [];
  const leaked: string[] = [];
  if (!exact) {
    const h = historyIndex(source, c.quoteStart);
    if (mode === 'nospace') {
      const flat = normal(output, mode);
      let from = 0;
      for (const token of exp) {
        const at = flat.indexOf(token, from);
        if (at === -1) missing.push(token);
        else from = at + token.length;
      }
      const historyWords = new Set(source.slice(h === Infinity ? source.length : h));
      for (const t of words(output).filter((t) => !exp.includes(t))) if (historyWords.has(t)) leaked.push(t);
    } else {
      const out = words(output);
      const inExp = align(out, exp);
      const matched = new Set(inExp.filter((j) => j >= 0));
      missing.push(...exp.filter((_, j) => !matched.has(j)));
      const inSource = align(out, source);
      out.forEach((token, i) => {
        if ((inExp[i] ?? -1) < 0 && (inSource[i] ?? -1) >= h) leaked.push(token);
      });
    }
  }
  const leaks = leaked.length > 0;
  const loses = missing.length > 0;
  const category: Category = exact
    ? 'exact'
    : !leaks && !loses
      ? 'contains-clean'
      : leaks && loses
        ? 'leaks+loses'
        : leaks
          ? 'leaks'
          : 'loses';
  return { category, exact, leaks, loses, missing: missing.join(' '), leaked: leaked.join(' ') };
}

export interface Tally {
  corpus: string;
  scope: 'in' | 'design';
  cases: number;
  exact: number;
  containsClean: number;
  /** exact or contains-clean, as a fraction of cases */
  rate: number;
}

export function tally(rows: readonly { p: Prepared; score: Score }[]): Tally[] {
  const groups = new Map<string, Tally>();
  for (const { p, score } of rows) {
    const key = `${p.corpus}|${p.c.scope}`;
    const t = groups.get(key) ?? { corpus: p.corpus, scope: p.c.scope, cases: 0, exact: 0, containsClean: 0, rate: 0 };
    t.cases++;
    if (score.exact) t.exact++;
    else if (score.category === 'contains-clean') t.containsClean++;
    t.rate = (t.exact + t.containsClean) / t.cases;
    groups.set(key, t);
  }
  return [...groups.values()];
}
