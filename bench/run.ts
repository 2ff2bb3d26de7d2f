import { benchMail } from './mail.js';

/** `npm run bench`: one JSON line per benchmark (comparable run to run), then a short table. */
const results = [await benchMail()];
for (const result of results) console.log(JSON.stringify(result));
console.log('');
for (const result of results) {
  for (const [key, value] of Object.entries(result))
    if (key !== 'bench') console.log(`${String(result.bench).padEnd(6)} ${key.padEnd(22)} ${String(value)}`);
}
