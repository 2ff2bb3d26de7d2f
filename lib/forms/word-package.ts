import { escapeXml, paragraph } from './word-xml.js';
import { deflatedEntry, unzipArchive, type ZipEntry } from './zip.js';

/** The `docx` library wrote a package this module does not recognise (a new version?): forms cannot be written from it. */
export class WordPackageError extends Error {
  override readonly name = 'WordPackageError';
}

/** What every form's Word file says of itself and how its text is styled. */
export const WORD_OPTIONS = {
  creator: 'The escalation mailbox',
  styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
} as const;

/** Where the form's own parts go among the shared ones. */
export type FormPart = 'document' | 'properties';

/**
 * The parts of a form's Word file that do not depend on the form (styles, numbering, settings,
 * theme, relationships, content types: 30 of its 43 KB), as the `docx` library writes them,
 * deflated once; and the two parts that do, around the form's content: the document (its body)
 * and the core properties (its title and dates).
 */
export interface WordPackage {
  /** The parts in the library's order. */
  parts: readonly (ZipEntry | FormPart)[];
  /** `word/document.xml` around the body. */
  document(body: string): string;
  /** `docProps/core.xml` for a title, created and modified at `at`. */
  properties(title: string, at: Date): string;
}

const DOCUMENT = 'word/document.xml';
const PROPERTIES = 'docProps/core.xml';
/** Stand-ins the library writes where a form's title and body go, found again in what it wrote. */
const [TITLE_MARK, BODY_MARK] = ['\u2063title\u2063', '\u2063body\u2063'];

/** The two dates of the core properties, created and modified: when the document was made. */
const STAMPS = /(<dcterms:(?:created|modified) [^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g;

let built: Promise<WordPackage> | undefined;

/**
 * The package, built on first use by the library (it loads only when a form is due) from a
 * document with the forms' options and stand-ins for their content; the same for every form after.
 */
export function wordPackage(): Promise<WordPackage> {
  built ??= buildPackage().catch((error: unknown) => {
    built = undefined;
    throw error;
  });
  return built;
}

async function buildPackage(): Promise<WordPackage> {
  const { Document, Packer, Paragraph } = await import('docx');
  const template = new Document({ ...WORD_OPTIONS, title: TITLE_MARK, sections: [{ children: [new Paragraph(BODY_MARK)] }] });
  const files = unzipArchive(await Packer.toBuffer(template));
  const text = (name: string) => files.find((file) => file.name === name)?.content.toString('utf8') ?? '';
  const [head, tail, ...more] = text(DOCUMENT).split(paragraph(BODY_MARK));
  if (head === undefined || tail === undefined || more.length > 0)
    throw new WordPackageError(`${DOCUMENT} does not hold its body where expected`);
  const [before, after, ...others] = text(PROPERTIES).split(escapeXml(TITLE_MARK));
  if (before === undefined || after === undefined || others.length > 0 || (after.match(STAMPS) ?? []).length !== 2)
    throw new WordPackageError(`${PROPERTIES} does not hold its title and dates where expected`);
  return {
    parts: files.map((file) =>
      file.name === DOCUMENT ? 'document' : file.name === PROPERTIES ? 'properties' : deflatedEntry(file.name, file.content),
    ),
    document: (body) => head + body + tail,
    properties: (title, at) =>
      before + escapeXml(title) + after.replace(STAMPS, (_, open: string, close: string) => open + at.toISOString() + close),
  };
}
