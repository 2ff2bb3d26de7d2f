import type { FilledForm } from './model.js';
import { wordPackage } from './word-package.js';
import { formBodyXml } from './word-xml.js';
import { deflatedEntry, zipArchive } from './zip.js';

/**
 * The form as a Word document (.docx), the format agencies complete and return. The parts that
 * are the same for every form come from the `docx` library once (lib/forms/word-package.ts); the
 * form's body is written here as the library writes it, without building its object model for
 * each form (a form took 10–20 ms through the library, 80 % of it parts that never change).
 */
export async function formDocx(form: FilledForm, at = new Date()): Promise<Buffer> {
  const word = await wordPackage();
  const document = deflatedEntry('word/document.xml', word.document(formBodyXml(form)));
  const properties = deflatedEntry('docProps/core.xml', word.properties(`${form.caseRef} ${form.title}`, at));
  return zipArchive(
    word.parts.map((part) => (part === 'document' ? document : part === 'properties' ? properties : part)),
    at,
  );
}
