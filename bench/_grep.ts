import { readFile } from 'node:fs/promises';
import { parseMessage } from '../lib/mail/parse.js';
import { sentences } from '../lib/signals/text.js';
const re = new RegExp(process.argv[2] ?? '', 'i');
for (const f of process.argv.slice(3)) {
  const m = await parseMessage(await readFile(`test/fixtures/${process.env.C ?? 'reader-corpus-8'}/${f}.eml`), { ownLoop: 'x@y.example' });
  for (const s of sentences(m.newText)) if (re.test(s.norm)) console.log(f, '|', s.text);
}
