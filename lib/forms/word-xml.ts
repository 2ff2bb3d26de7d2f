import type { FilledForm, FormBlock } from './model.js';

/**
 * A form's body as WordprocessingML, written as the `docx` library writes it, byte for byte
 * (test/unit/forms/docx.test.ts holds it to the library): headings, paragraphs and two kinds of
 * table, the only elements forms use. The rest of the document comes from the library itself
 * (lib/forms/word-package.ts).
 */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
/** The library's escaping: markup characters as entities, and the control characters XML cannot hold dropped. */
// eslint-disable-next-line no-control-regex -- the control characters are what it drops
export const escapeXml = (text: string): string => text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (char) => ESCAPES[char] ?? '');

const LABEL_SHADE = '<w:shd w:fill="EEF2F6" w:color="auto" w:val="clear"/>';
const BORDER = 'w:val="single" w:color="auto" w:sz="4"';
const TABLE_PROPERTIES = `<w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${BORDER}/>`).join('')}</w:tblBorders></w:tblPr>`;
/** Blank answers get room to write in: Word grows the cell as the professional types. */
const BLANK_LINES = 3;
/** The text width of an A4 page with 1-inch margins, in twips: what the library lays the tables' grids out in. */
const TEXT_WIDTH = 9026;
/** Fields tables: the label's column and the value's, in per cent of the table. */
const [LABEL_PER_CENT, VALUE_PER_CENT] = [38, 62];

/** One paragraph of one run, as the library writes `new Paragraph('')` and runs: the properties of each when it has any. */
export function paragraph(text: string, properties = '', runProperties = ''): string {
  const pPr = properties && `<w:pPr>${properties}</w:pPr>`;
  const rPr = runProperties && `<w:rPr>${runProperties}</w:rPr>`;
  return `<w:p>${pPr}<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

/** A paragraph given as `{ text }`: the library writes no run for no text. */
const textParagraph = (text: string, properties: string) =>
  text === '' ? `<w:p><w:pPr>${properties}</w:pPr></w:p>` : paragraph(text, properties);

const EMPTY = paragraph('');
const bold = (strong: boolean) => (strong ? '<w:b/><w:bCs/>' : '<w:b w:val="false"/><w:bCs w:val="false"/>');

/** A cell's content: a paragraph a line, or blank lines to write in. */
const paragraphsOf = (value: string | null, strong = false): string =>
  value === null
    ? EMPTY.repeat(BLANK_LINES)
    : value
        .split('\n')
        .map((line) => paragraph(line, '', bold(strong)))
        .join('');

const cell = (content: string, properties = '') => `<w:tc>${properties && `<w:tcPr>${properties}</w:tcPr>`}${content}</w:tc>`;
/** A table row: the library writes none for a row without cells. */
const row = (cells: readonly string[], properties = '') => (cells.length === 0 ? '' : `<w:tr>${properties}${cells.join('')}</w:tr>`);
const grid = (widths: readonly number[]) =>
  widths.length === 0 ? '<w:tblGrid/>' : `<w:tblGrid>${widths.map((width) => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>`;
/** A width in per cent as the library writes it: fiftieths of a per cent. */
const perCent = (share: number) => `<w:tcW w:type="pct" w:w="${share * 50}"/>`;

function fieldsTable(rows: readonly { label: string; value: string | null }[]): string {
  const widths = rows.length > 0 ? [LABEL_PER_CENT, VALUE_PER_CENT].map((share) => Math.round((share / 100) * TEXT_WIDTH)) : [];
  const body = rows
    .map((field) =>
      row([
        cell(paragraphsOf(field.label), perCent(LABEL_PER_CENT) + LABEL_SHADE),
        cell(paragraphsOf(field.value), perCent(VALUE_PER_CENT)),
      ]),
    )
    .join('');
  return `<w:tbl>${TABLE_PROPERTIES}${grid(widths)}${body}</w:tbl>`;
}

function gridTable(columns: readonly string[], rows: readonly (readonly (string | null)[])[]): string {
  const count = Math.max(columns.length, ...rows.map((row) => row.length));
  const widths = Array.from({ length: count }, () => Math.round(TEXT_WIDTH / count));
  const header = row(
    columns.map((column) => cell(paragraphsOf(column, true), LABEL_SHADE)),
    '<w:trPr><w:tblHeader/></w:trPr>',
  );
  const body = rows.map((values) => row(values.map((value) => cell(paragraphsOf(value))))).join('');
  return `<w:tbl>${TABLE_PROPERTIES}${grid(widths)}${header}${body}</w:tbl>`;
}

function block(item: FormBlock): string {
  switch (item.kind) {
    case 'heading':
      return textParagraph(item.text, '<w:pStyle w:val="Heading2"/><w:spacing w:before="240"/>');
    case 'text':
      return textParagraph(item.text, '<w:spacing w:after="120"/>');
    case 'fields':
      return fieldsTable(item.rows) + EMPTY;
    case 'table':
      return gridTable(item.columns, item.rows) + EMPTY;
  }
}

/** What goes between `<w:body>` and the section's properties: the title, the case, the blocks. */
export function formBodyXml(form: FilledForm): string {
  return [
    textParagraph(form.title, '<w:pStyle w:val="Heading1"/>'),
    paragraph(`Case ${form.caseRef}`, '<w:spacing w:after="200"/>', '<w:color w:val="444444"/>'),
    ...form.blocks.map(block),
  ].join('');
}
