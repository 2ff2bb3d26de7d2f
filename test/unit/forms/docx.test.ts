import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Case, HistoryEntry } from '../../../lib/cases/case.js';
import { formDocx } from '../../../lib/forms/docx.js';
import { fillForms } from '../../../lib/forms/fill.js';
import type { FilledForm, FormBlock } from '../../../lib/forms/model.js';
import { Trail } from '../../../lib/forms/trail.js';
import { unzipArchive } from '../../../lib/forms/zip.js';
import { calendarFor } from '../../../lib/policy/calendar.js';
import { builtInPolicies } from '../../../lib/policy/registry.js';
import { aCase } from '../../support/case.js';
import { readDocx } from '../../support/docx.js';
import { libraryFormDocx } from '../../support/docx-library.js';

const [ann, ben] = ['ann@council.example', 'ben@nhs.example'];

/** Every built-in policy's forms, filled from a case that climbed its stages and was resolved. */
function builtInForms(): FilledForm[] {
  return builtInPolicies().flatMap((policy) => {
    const stages = policy.stages.map((stage) => stage.id);
    const history: HistoryEntry[] = stages.map((stage, i) => ({
      at: `2026-11-${String(2 + 2 * i).padStart(2, '0')}T10:00:00.000Z`,
      event: i === 0 ? 'opened' : 'advanced',
      stage,
      messageId: `<m${i}@x>`,
      from: i % 2 ? ben : ann,
      to: [i % 2 ? ann : ben],
    }));
    const last = history[history.length - 1];
    const current: Case = aCase({
      ref: 'REF-2026-0001',
      policyId: policy.id,
      stage: last?.stage ?? '1',
      stageStartedAt: last?.at ?? '',
      history: [
        ...history,
        { at: '2026-12-01T10:00:00.000Z', event: 'resolved', stage: last?.stage ?? '1', messageId: '<r@x>', from: ann },
      ],
      status: 'resolved',
      resolvedAt: '2026-12-01T10:00:00.000Z',
      participants: [ann, ben],
    });
    const context = {
      policy,
      calendar: calendarFor(policy),
      now: DateTime.fromISO('2026-12-02T10:00:00Z'),
      partnershipAddresses: ['p@partnership.example'],
      agencies: { 'council.example': 'The Council & "Partners"' },
    };
    return fillForms(new Trail(current, context));
  });
}

/** Forms with what text can hold: markup, quotes, control characters, lines, blanks, empty and ragged tables. */
const awkward: FilledForm[] = [
  {
    policyId: 'swindon',
    formId: 'awkward',
    caseRef: 'SSP-2026-0001',
    title: `Title <&> "quoted" 'single' \u0001bell\u0007 and \u00e9\u{1F600}`,
    blocks: [
      { kind: 'heading', text: 'A & B <c>' },
      { kind: 'text', text: 'line one\nline two\ttabbed\r\nend' },
      { kind: 'text', text: '' },
      {
        kind: 'fields',
        rows: [
          { label: 'Empty', value: '' },
          { label: 'Blank', value: null },
          { label: 'Lines', value: 'one\ntwo\n\nfour' },
          { label: 'Quotes " \' \u000b\u000c\u001f', value: '$& $1 $$' },
        ],
      },
      { kind: 'fields', rows: [] },
      { kind: 'table', columns: ['A', 'B', 'C'], rows: [['1', null, '3'], ['x\ny'], ['p', 'q', 'r', 's']] },
      { kind: 'table', columns: ['Only'], rows: [] },
      { kind: 'table', columns: [], rows: [] },
      { kind: 'table', columns: ['A'], rows: [[], ['b']] },
      { kind: 'heading', text: '' },
      {
        kind: 'table',
        columns: ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven'],
        rows: [[null, null, null, null, null, null, null]],
      },
    ],
  },
  { policyId: 'swindon', formId: 'untitled', caseRef: 'SSP-2026-0002', title: '', blocks: [] },
];

/** Any text: markup, quotes, line breaks, control characters, letters beyond ASCII and the BMP. */
const text = fc.string({
  unit: fc.constantFrom('a', ' ', '&', '<', '>', '"', "'", '\n', '\r', '\t', '\u0000', '\u0008', '\u001f', '\u00e9', '\u2013', '\u{1F600}'),
  maxLength: 12,
});
const value = fc.option(text, { nil: null });
const blockOf: fc.Arbitrary<FormBlock> = fc.oneof(
  fc.record({ kind: fc.constant('heading' as const), text }),
  fc.record({ kind: fc.constant('text' as const), text }),
  fc.record({ kind: fc.constant('fields' as const), rows: fc.array(fc.record({ label: text, value }), { maxLength: 4 }) }),
  fc.record({
    kind: fc.constant('table' as const),
    columns: fc.array(text, { maxLength: 5 }),
    rows: fc.array(fc.array(value, { maxLength: 6 }), { maxLength: 3 }),
  }),
);
const formOf: fc.Arbitrary<FilledForm> = fc.record({
  policyId: fc.constant('swindon'),
  formId: fc.constant('any'),
  caseRef: text,
  title: text,
  blocks: fc.array(blockOf, { maxLength: 5 }),
});

const at = new Date('2026-12-02T10:00:00.123Z');
/** The library stamps a document with its clock: set its dates to ours. */
const sameDates = (xml: string) => xml.replace(/(<dcterms:(created|modified) [^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${at.toISOString()}$3`);

describe('Word forms', () => {
  const forms = [...builtInForms(), ...awkward];

  it('are written part for part as the docx library writes them', async () => {
    expect(forms.length).toBeGreaterThan(5);
    for (const form of forms) {
      const ours = unzipArchive(await formDocx(form, at));
      const theirs = unzipArchive(await libraryFormDocx(form));
      expect(ours.map((part) => part.name)).toEqual(theirs.map((part) => part.name));
      for (const [i, part] of ours.entries()) {
        const [mine, library] = [part.content.toString('utf8'), theirs[i]?.content.toString('utf8') ?? ''];
        expect(mine, `${form.formId}: ${part.name}`).toBe(part.name === 'docProps/core.xml' ? sameDates(library) : library);
      }
    }
  });

  it('hold any text and any shape of table as the library writes them', async () => {
    const documentOf = (docx: Buffer) =>
      unzipArchive(docx)
        .find((part) => part.name === 'word/document.xml')
        ?.content.toString('utf8');
    await fc.assert(
      fc.asyncProperty(formOf, async (form) => {
        expect(documentOf(await formDocx(form, at))).toBe(documentOf(await libraryFormDocx(form)));
      }),
      { numRuns: 150 },
    );
  });

  it('read as the library’s do, and carry the time they were written', async () => {
    for (const form of forms) {
      const written = await formDocx(form, at);
      expect(await readDocx(written)).toEqual(await readDocx(await libraryFormDocx(form)));
      const properties = unzipArchive(written)
        .find((part) => part.name === 'docProps/core.xml')
        ?.content.toString('utf8');
      expect(properties).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${at.toISOString()}</dcterms:created>`);
      expect(properties).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${at.toISOString()}</dcterms:modified>`);
    }
  });
});
