import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleFunction } from '../../infra/bundle-function.js';
import { parseAll } from './fixtures/parse-entry.js';

const eml = (headers: string, body: Buffer | string) =>
  Buffer.concat([
    Buffer.from(
      `From: Jane <jane@one.example>\r\nTo: raj@two.example\r\nMessage-ID: <m@one.example>\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n${headers}\r\n\r\n`,
    ),
    typeof body === 'string' ? Buffer.from(body) : body,
  ]);
const inCharset = (charset: string, hex: string, subject = 'Stage 2') =>
  eml(
    `Subject: ${subject}\r\nContent-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: base64`,
    Buffer.from(hex, 'hex').toString('base64'),
  );

/** Messages that reach what the bundle loads on first use: each double-byte charset, the Japanese ones, HTML-only mail, an untyped attachment. */
const messages: Record<string, { raw: Buffer; text?: string }> = {
  gbk: { raw: inCharset('gbk', 'c4e3bac3', '=?GBK?B?xOO6ww==?='), text: '你好' },
  gb2312: { raw: inCharset('gb2312', 'c4e3bac3'), text: '你好' },
  gb18030: { raw: inCharset('gb18030', 'c4e3bac3'), text: '你好' },
  big5: { raw: inCharset('big5', 'a741a66e'), text: '你好' },
  shiftJis: { raw: inCharset('shift_jis', '82b182f182c982bf82cd'), text: 'こんにちは' },
  eucKr: { raw: inCharset('euc-kr', 'bec8b3e7'), text: '안녕' },
  iso2022jp: { raw: inCharset('iso-2022-jp', '1b244224332473244b2441244f1b2842'), text: 'こんにちは' },
  windows1252: {
    raw: eml(
      'Subject: Stage 2\r\nContent-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: quoted-printable',
      'caf=E9 =93quoted=94',
    ),
    text: 'café “quoted”',
  },
  htmlOnly: {
    raw: eml(
      'Subject: Stage 3\r\nContent-Type: text/html; charset=utf-8',
      '<html><body><p>I am escalating this to <b>Stage 3</b>.</p></body></html>',
    ),
    text: 'I am escalating this to Stage 3',
  },
  attachment: {
    raw: eml(
      'Subject: Stage 2 form\r\nContent-Type: multipart/mixed; boundary="b"',
      '--b\r\nContent-Type: text/plain\r\n\r\nThe form is attached.\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="form.docx"\r\nContent-Transfer-Encoding: base64\r\n\r\nUEsDBA==\r\n--b--\r\n',
    ),
  },
};

let outdir: string;
let metafile: Metafile;
let bundled: Record<string, unknown>;
beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'bundle-'));
  metafile = await bundleFunction(new URL('./fixtures/parse-entry.ts', import.meta.url).pathname, outdir);
  const names = Object.keys(messages);
  const script = `const { parseAll } = await import(${JSON.stringify(`file://${outdir}/index.mjs`)});
    const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    process.stdout.write(JSON.stringify(await parseAll(input)));`;
  const output = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); ${script}`],
    {
      cwd: outdir,
      input: JSON.stringify(names.map((name) => messages[name]?.raw.toString('base64'))),
    },
  );
  const results = JSON.parse(output.toString()) as string[];
  bundled = Object.fromEntries(names.map((name, i) => [name, JSON.parse(results[i] ?? 'null')]));
}, 120_000);

describe('the functions’ bundle (infra/bundle-function.ts)', () => {
  it('parses every charset, HTML-only mail and an untyped attachment as the sources do', async () => {
    const names = Object.keys(messages);
    const direct = await parseAll(names.map((name) => messages[name]?.raw.toString('base64') ?? ''));
    names.forEach((name, i) => {
      const message = JSON.parse(direct[i] ?? 'null') as { text: string; newText: string };
      expect(bundled[name], name).toEqual(message);
      const text = messages[name]?.text;
      if (text) expect(message.newText, name).toContain(text);
    });
    expect((bundled.gbk as { subject: string }).subject).toBe('你好');
    expect((bundled.attachment as { attachments: { contentType: string }[] }).attachments).toEqual([
      expect.objectContaining({ contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }),
    ]);
  });

  it('loads at start neither html-to-text, encoding-japanese, libmime’s file types nor iconv-lite’s tables: they are files beside it, read on first use', () => {
    const loaded = new Set<string>();
    const visit = (output: string) => {
      if (loaded.has(output)) return;
      loaded.add(output);
      for (const imported of metafile.outputs[output]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
    };
    visit(Object.keys(metafile.outputs).find((output) => output.endsWith('/index.mjs')) ?? '');
    const inputs = [...loaded].flatMap((output) => Object.keys(metafile.outputs[output]?.inputs ?? {}));
    expect(
      inputs.filter((input) =>
        /node_modules\/(html-to-text|htmlparser2|encoding-japanese|iconv-lite\/encodings\/tables)\/|libmime\/dist\/esm\/mimetypes/.test(
          input,
        ),
      ),
    ).toEqual([]);
    expect(inputs.filter((input) => input.includes('node_modules/libmime/dist/cjs/'))).toEqual([]);
    expect(existsSync(join(outdir, 'html-to-text.cjs'))).toBe(true);
    expect(existsSync(join(outdir, 'encoding-japanese.cjs'))).toBe(true);
    expect(existsSync(join(outdir, 'libmime-mimetypes.cjs'))).toBe(true);
    expect(readdirSync(join(outdir, 'iconv-lite-tables'))).toContain('cp936.json');
  });
});
