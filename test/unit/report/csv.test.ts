import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { reportCsv } from '../../../lib/report/csv.js';
import { monitoringFigures } from '../../../lib/report/figures.js';
import { fixtureInput } from './figures.fixture.js';

/** The CSV read back by an independent parser, as rows of cells. */
const rowsOf = (csv: string): string[][] => parse(csv, { bom: true, relaxColumnCount: true, skipEmptyLines: false });

/** The rows under a section's title and header, up to the blank line that ends it. */
function section(rows: string[][], title: string): string[][] {
  const start = rows.findIndex((row) => row.length === 1 && row[0] === title);
  if (start < 0) throw new Error(`no section ${title}`);
  const end = rows.findIndex((row, i) => i > start && row.every((cell) => cell === ''));
  return rows.slice(start + 1, end < 0 ? undefined : end);
}

describe('reportCsv', () => {
  const csv = reportCsv(monitoringFigures(fixtureInput));
  const rows = rowsOf(csv);

  it('starts with a byte order mark and ends every line with CRLF, as Excel expects of UTF-8', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(rows[0]).toEqual(['Monitoring report', '2026-10-01', '2026-11-30', 'generated', '2026-11-30T12:00:00+00:00']);
  });

  it('holds the same figures as the report, one section after another', () => {
    expect(section(rows, 'Summary')).toEqual([
      [
        'Policy',
        'Partnership',
        'Cases opened',
        'Resolved',
        'Still open',
        'Stages with a timescale',
        'Finished within it',
        'Share within (%)',
        'Overdue now',
      ],
      ['swindon', 'Swindon Safeguarding Partnership', '4', '2', '2', '7', '4', '57.1', '2'],
      ['sunderland', 'Sunderland Safeguarding Children Partnership', '1', '0', '1', '1', '0', '0', '1'],
    ]);
    expect(section(rows, 'Cases by agency').slice(1)).toEqual([
      ['swindon', 'Swindon Borough Council', '2'],
      ['swindon', 'Great Western Hospitals', '1'],
      ['swindon', 'police.example', '1'],
      ['sunderland', 'Swindon Borough Council', '1'],
    ]);
    expect(section(rows, 'By month').slice(1)).toEqual([
      ['swindon', '2026-10', '2', '1', '1'],
      ['swindon', '2026-11', '2', '1', '2'],
      ['sunderland', '2026-10', '0', '0', '0'],
      ['sunderland', '2026-11', '1', '0', '1'],
    ]);
    expect(section(rows, 'Cases')[1]).toEqual([
      'swindon',
      'SSP-2026-0001',
      'Swindon Borough Council',
      '2026-10-05',
      'resolved',
      '2',
      '2',
      '2026-10-09',
      'no',
    ]);
    expect(section(rows, 'Overdue now').map((row) => row[4])).toEqual([
      'Due',
      '2026-11-05T17:00:00+00:00',
      '2026-11-13T17:00:00+00:00',
      '2026-10-05T17:00:00+01:00',
      '2026-10-19T17:00:00+01:00',
      '2026-11-17T17:00:00+00:00',
    ]);
  });

  it('quotes commas, quotes and line breaks, and keeps a spreadsheet from running a name as a formula', () => {
    const hostile = reportCsv(
      monitoringFigures({
        ...fixtureInput,
        agencies: { 'swindon.gov.example': 'Council, "Adult" Services\nNorth', 'nhs.example': '=HYPERLINK("http://x.example")' },
      }),
    );
    const agencies = section(rowsOf(hostile), 'Cases by agency').map((row) => row[1]);
    expect(agencies).toContain('Council, "Adult" Services\nNorth');
    expect(agencies).toContain('\'=HYPERLINK("http://x.example")');
    expect(hostile).toContain('"Council, ""Adult"" Services\nNorth"');
  });
});
