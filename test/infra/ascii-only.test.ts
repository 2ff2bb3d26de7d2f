import { SourceMap } from 'node:module';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { asciiOnly, hasNonAscii } from '../../infra/ascii-only.js';

const source = [
  'export const reply = /^(von|à|réponse automatique)\\s*:/iu;',
  'export const escaped = /\\é|[à-ÿ]|😀/;',
  'export function mark() {',
  "  return reply.test('à: x') && escaped.test('é') && escaped.test('😀') && marker();",
  '}',
  'function marker() { return true; }',
  '',
].join('\n');

const bundled = async () => {
  const result = await build({
    stdin: { contents: source, sourcefile: 'reader.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    sourcemap: 'external',
    outfile: 'out.mjs',
    write: false,
    logLevel: 'silent',
  });
  const file = (suffix: string) => result.outputFiles.find((f) => f.path.endsWith(suffix))?.text ?? '';
  return { code: file('.mjs'), map: file('.mjs.map') };
};

describe('asciiOnly (infra/ascii-only.ts)', () => {
  it('escapes the non-ASCII characters esbuild leaves in regular expressions, which keep their meaning', async () => {
    const { code, map } = await bundled();
    expect(hasNonAscii(code)).toBe(true);
    const ascii = asciiOnly(code, map);
    expect(hasNonAscii(ascii.code)).toBe(false);
    const exports = (await import(`data:text/javascript,${encodeURIComponent(ascii.code)}`)) as { mark: () => boolean; reply: RegExp };
    expect(exports.mark()).toBe(true);
    expect(exports.reply.test('réponse automatique: x')).toBe(true);
  });

  it('moves the source map’s columns on the lines it changes: what follows still maps to where it was written', async () => {
    const { code, map } = await bundled();
    const ascii = asciiOnly(code, map);
    const original = (generated: { code: string; map: string }, text: string) => {
      const lines = generated.code.split('\n');
      const line = lines.findIndex((l) => l.includes(text));
      const entry = new SourceMap(JSON.parse(generated.map) as never).findEntry(line, lines[line]?.indexOf(text) ?? -1);
      return 'originalLine' in entry ? [entry.originalLine, entry.originalColumn] : null;
    };
    // The call to marker() after the escaped regular expressions, in the minified output (its name is kept: it is the last call on its line).
    const call = code.match(/&&(\w+)\(\)/)?.[1] ?? '';
    expect(call).not.toBe('');
    const before = original({ code, map }, `${call}()`);
    expect(before).toEqual([3, expect.any(Number)]);
    expect(original(ascii, `${call}()`)).toEqual(before);
  });
});
