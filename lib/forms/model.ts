/**
 * A policy's form as the system fills it: a renderer-neutral outline that becomes a Word
 * document and an HTML page. A `null` value is a field left blank on purpose: what concerns the
 * child or adult, and the concern itself, is for the professional to complete and send securely.
 */
export type FormBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'fields'; rows: FormField[] }
  | { kind: 'table'; columns: string[]; rows: (string | null)[][] };

export interface FormField {
  label: string;
  value: string | null;
}

export interface FilledForm {
  policyId: string;
  formId: string;
  caseRef: string;
  /** The form's title as the policy prints it. */
  title: string;
  blocks: FormBlock[];
}

/** `SSP-2026-0001-appendix-1`, plus `-closure` for the copy sent with the closure summary. */
export const formFileStem = (form: FilledForm, occasion: 'stage' | 'closure'): string =>
  `${form.caseRef}-${form.formId}${occasion === 'closure' ? '-closure' : ''}`;

/** Whether a Word form's file name is a case's copy sent with its closure summary (the 'closure' stem above, as .docx). */
export const isClosureCopy = (filename: string, caseRef: string): boolean =>
  filename.startsWith(`${caseRef}-`) && filename.endsWith('-closure.docx');
