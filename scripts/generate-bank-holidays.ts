import { writeFileSync } from 'node:fs';
import { englandAndWalesFromLibrary, FIRST_YEAR, LAST_YEAR } from './bank-holidays-source.js';

/**
 * `npm run generate:holidays`: writes the England and Wales bank holidays that date-holidays
 * computes into lib/calendar/, so the Lambda bundles need neither date-holidays nor the
 * moment-timezone and astronomy code it loads. A test fails when the file and the library differ.
 */
const years: Record<string, string[]> = {};
for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) years[year] = englandAndWalesFromLibrary(year);
const file = new URL('../lib/calendar/bank-holidays-england-and-wales.json', import.meta.url);
writeFileSync(file, `${JSON.stringify({ source: 'date-holidays GB-ENG, public holidays on weekdays', years }, null, 2)}\n`);
console.log(`wrote ${file.pathname}: ${FIRST_YEAR}–${LAST_YEAR}`);
