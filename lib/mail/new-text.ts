import { historyMarkAt, isQuoted, splitSharedLine } from './history-headers.js';
import { head } from './scan.js';
import { signatureStart } from './signature.js';

/**
 * Disclaimers and confidentiality notices: from the first such paragraph to the end. They often
 * contain the very words signals look for ("if you cannot resolve…", "escalate").
 */
const DISCLAIMER =
  /^\s*(?:this (?:e-?mail|message|communication)(?: and any (?:files|attachments)[^.]*)? (?:is|are|may be|contains?|and its)|the (?:information|contents?) (?:in|of|contained in) this (?:e-?mail|message)|(?:confidentiality|legal) (?:notice|disclaimer|statement)|disclaimer\s*:|confidential(?:ity)?\s*:|important\s*:\s*this|please consider the environment|any views or opinions (?:expressed|presented)|if you (?:are not|have received this) the intended recipient|if you have received this (?:e-?mail|message) in error|emails? (?:and any attachments )?(?:to|from|sent to) .{0,60} (?:may be|are) (?:monitored|subject to))/i;

/** Blank lines between an attribution and the quotation it introduces, at most. */
const MAX_GAP = 3;

export interface SplitText {
  newText: string;
  historyText: string;
  /** The history's lines, for readers that go line by line. */
  historyLines: string[];
}

/**
 * What the sender wrote in this message, apart from its history. Read in one pass over the lines:
 * `>` quoted lines are history wherever they stand; an attribution ("On … wrote:") followed by a
 * quotation is history with it, and text the sender wrote below or between the quoted lines is
 * kept (inline replies); any other history mark (forward, "Original Message", Outlook's header
 * block, an attribution with no quotation under it) ends the new text.
 */
export function splitNewText(text: string): SplitText {
  // Each replacement copies the whole body: only make the ones that change something.
  let normalised = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (/\u200b|\u200c|\u200d|\ufeff/.test(normalised)) normalised = normalised.replace(/\u200b|\u200c|\u200d|\ufeff/g, '');
  if (normalised.includes('\u00a0')) normalised = normalised.replace(/\u00a0/g, ' ');
  const lines = normalised.split('\n');
  const written: string[] = [];
  const history: string[] = [];
  for (let i = 0; i < lines.length;) {
    const line = lines[i] ?? '';
    if (isQuoted(line) || wrappedQuote(lines, i)) {
      history.push(line);
      i++;
      continue;
    }
    // "reply On Wed, 4 Apr 2012, bob@… wrote:": the reply is kept, the rest read as the next line.
    const shared = splitSharedLine(line);
    if (shared) {
      written.push(shared[0]);
      lines[i] = shared[1];
    }
    const mark = historyMarkAt(lines, i);
    if (mark?.kind === 'attribution' && quotationFollows(lines, i + mark.span)) {
      for (let k = i; k < i + mark.span; k++) history.push(lines[k] ?? '');
      i += mark.span;
      continue;
    }
    if (mark) {
      for (let k = i; k < lines.length; k++) history.push(lines[k] ?? '');
      break;
    }
    written.push(line);
    i++;
  }
  const end = signatureStart(written);
  const newText = withoutDisclaimer([...written.slice(0, end), ...postscript(written, end)]);
  return { newText: tidy(newText), historyText: history.join('\n'), historyLines: history };
}

/**
 * A quoted line that a client re-wrapped without its `>`: between two quoted lines, and either
 * carrying on a sentence (lower case, a bracket, an underscore) or after a long quoted line. A
 * short answer written between quoted lines ("Yes.") stays the sender's.
 */
function wrappedQuote(lines: readonly string[], i: number): boolean {
  const before = lines[i - 1] ?? '';
  if (!isQuoted(before) || !isQuoted(lines[i + 1] ?? '') || (lines[i] ?? '').trim() === '') return false;
  const start = head(lines[i] ?? '', 4).trimStart();
  return /^[\p{Ll}(_[{/.,;:!?-]|^$/u.test(start) || head(before, 200).trim().length >= 70;
}

function quotationFollows(lines: readonly string[], from: number): boolean {
  for (let k = from; k < lines.length && k <= from + MAX_GAP; k++) {
    const line = lines[k] ?? '';
    if (line.trim() !== '') return isQuoted(line);
  }
  return false;
}

/** "P.S. as we couldn't agree I've asked my DS to take this up…" below the signature: the writer's, not the signature's. */
const POSTSCRIPT = /^\s*p\.?\s?s\b\.?\s*[-:,.]?\s/i;

/** The first paragraph after the signature that opens with "P.S." or "PS -", up to the next blank line; none if there is none. */
function postscript(lines: readonly string[], from: number): string[] {
  for (let i = from; i < lines.length; i++) {
    if (!POSTSCRIPT.test(head(lines[i] ?? '', 12))) continue;
    let end = i;
    while (end < lines.length && (lines[end] ?? '').trim() !== '') end++;
    return ['', ...lines.slice(i, end)];
  }
  return [];
}

/** Cuts at the first paragraph that opens like a disclaimer. */
function withoutDisclaimer(lines: readonly string[]): string {
  let paragraphStart = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      paragraphStart = true;
      continue;
    }
    if (paragraphStart && DISCLAIMER.test(head(line))) return lines.slice(0, i).join('\n');
    paragraphStart = false;
  }
  return lines.join('\n');
}

/** Trailing spaces off, runs of blank lines down to one, ends trimmed: line by line, in linear time. */
function tidy(text: string): string {
  const out: string[] = [];
  let blanks = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line === '') {
      blanks++;
      continue;
    }
    if (out.length > 0 && blanks > 0) out.push('');
    out.push(line);
    blanks = 0;
  }
  return out.join('\n').trim();
}
