import mammoth from 'mammoth';

/** A Word document as a reader sees it: its paragraphs outside tables, and each table's rows of cell text. */
export interface ReadDocx {
  paragraphs: string[];
  tables: string[][][];
}

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Reads a .docx with mammoth, an independent reader, so the test checks what Word would show rather
 * than what our writer was asked to write. mammoth's HTML is regular enough to split by tag.
 */
export async function readDocx(content: Buffer): Promise<ReadDocx> {
  const { value: html } = await mammoth.convertToHtml({ buffer: content });
  const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, table = '']) =>
    [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row = '']) =>
      [...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map(([, cell = '']) => decode(cell)),
    ),
  );
  const outside = html.replace(/<table>[\s\S]*?<\/table>/g, '');
  const paragraphs = [...outside.matchAll(/<(p|h\d)>([\s\S]*?)<\/\1>/g)].map(([, , text = '']) => decode(text)).filter(Boolean);
  return { paragraphs, tables };
}

/** The value beside a label in a two-column table of fields; the first match. */
export function fieldValue(doc: ReadDocx, label: string): string | undefined {
  for (const table of doc.tables) for (const row of table) if (row.length === 2 && row[0] === label) return row[1];
  return undefined;
}
