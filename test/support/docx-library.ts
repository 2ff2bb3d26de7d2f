import {
  Document,
  type IRunOptions,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { FilledForm, FormBlock } from '../../lib/forms/model.js';

const LABEL_SHADE = { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF2F6' };
/** Blank answers get room to write in: Word grows the cell as the professional types. */
const BLANK_LINES = 3;

const paragraphsOf = (value: string | null, strong = false): Paragraph[] =>
  value === null
    ? Array.from({ length: BLANK_LINES }, () => new Paragraph(''))
    : value.split('\n').map((line) => new Paragraph({ children: [new TextRun(run(line, strong))] }));

/** Typed apart: inline, the checker reads `bold` as the deprecated `String.prototype.bold` of TextRun's `string` overload. */
const run = (text: string, bold: boolean): IRunOptions => ({ text, bold });

function fieldsTable(rows: { label: string; value: string | null }[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row) =>
        new TableRow({
          children: [
            new TableCell({ width: { size: 38, type: WidthType.PERCENTAGE }, shading: LABEL_SHADE, children: paragraphsOf(row.label) }),
            new TableCell({ width: { size: 62, type: WidthType.PERCENTAGE }, children: paragraphsOf(row.value) }),
          ],
        }),
    ),
  });
}

function gridTable(columns: string[], rows: (string | null)[][]): Table {
  const header = new TableRow({
    tableHeader: true,
    children: columns.map((column) => new TableCell({ shading: LABEL_SHADE, children: paragraphsOf(column, true) })),
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [header, ...rows.map((row) => new TableRow({ children: row.map((value) => new TableCell({ children: paragraphsOf(value) })) }))],
  });
}

function block(item: FormBlock): (Paragraph | Table)[] {
  switch (item.kind) {
    case 'heading':
      return [new Paragraph({ text: item.text, heading: HeadingLevel.HEADING_2, spacing: { before: 240 } })];
    case 'text':
      return [new Paragraph({ text: item.text, spacing: { after: 120 } })];
    case 'fields':
      return [fieldsTable(item.rows), new Paragraph('')];
    case 'table':
      return [gridTable(item.columns, item.rows), new Paragraph('')];
  }
}

/**
 * Forms as Word documents the way lib/forms/docx.ts wrote them before it wrote the body itself:
 * everything through the `docx` library. The writer is held to it part by part.
 */
export async function libraryFormDocx(form: FilledForm): Promise<Buffer> {
  const document = new Document({
    creator: 'The escalation mailbox',
    title: `${form.caseRef} ${form.title}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ text: form.title, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun({ text: `Case ${form.caseRef}`, color: '444444' })], spacing: { after: 200 } }),
          ...form.blocks.flatMap(block),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
