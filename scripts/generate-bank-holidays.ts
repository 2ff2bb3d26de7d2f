import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { englandAndWalesFromLibrary, FIRST_YEAR, LAST_YEAR } from './bank-holidays-source.js';

/**
 * `npm run generate:holidays`: writes the England and Wales bank holidays that date-holidays
 * computes into lib/calendar/, so the Lambda bundles need neither date-holidays nor the
 * moment-timezone and astronomy code it loads. A test fails when the file and the library differ.
 * The JSON goes through the repository's Prettier settings, so a run leaves the tree clean.
 */
const years: Record<string, string[]> = {};
for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) years[year] = englandAndWalesFromLibrary(year);
const file = fileURLToPath(new URL('../lib/calendar/bank-holidays-england-and-wales.json', import.meta.url));
const json = JSON.stringify({ source: 'date-holidays GB-ENG, public holidays on weekdays', years });
writeFileSync(file, await format(json, { ...(await resolveConfig(file)), filepath: file }));
console.log(`wrote ${file}: ${FIRST_YEAR}–${LAST_YEAR}`);
