import { signatureStart } from './signature.js';

/**
 * Where the history of a message begins: forwarded-message markers (Gmail, Apple Mail, Outlook
 * in several languages), Outlook's header block ("From: … / Sent: … / To: … / Subject: …") and
 * its underscore separator, "-----Original Message-----", and "On … wrote:" in the languages of
 * the mail clients partnership staff use. `>` quoted lines are history wherever they stand.
 */
const FORWARD_OR_ORIGINAL =
  /^\s*-{2,}\s*(?:original message|forwarded message|forwarded by|message transféré|message d'origine|weitergeleitete nachricht|ursprüngliche nachricht|mensaje original|mensaje reenviado|messaggio originale|messaggio inoltrato|oorspronkelijk bericht|doorgestuurd bericht)\b.*$/i;
const BEGIN_FORWARDED = /^\s*(?:begin forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié)\s*:\s*$/i;
const OUTLOOK_SEPARATOR = /^\s*_{10,}\s*$/;
const HEADER_FROM = /^\s*\*?(?:from|von|de|van|da|från|fra|od|lähettäjä)\s*:\*?\s*\S/i;
const HEADER_SENT =
  /^\s*\*?(?:sent|date|gesendet|datum|envoyé|date d'envoi|enviado|fecha|inviato|data|verzonden|skickat|sendt|wysłano|lähetetty)\s*:\*?\s*\S/i;
const WROTE =
  /^\s*(?:on|le|am|el|il|op|em|den|w dniu)\s.+(?:wrote|a écrit|schrieb|escribió|ha scritto|schreef|escreveu|skrev|napisał\(a\)|napisał)\s*.*:\s*$/i;

/**
 * Disclaimers and confidentiality notices: from the first such paragraph to the end. They often
 * contain the very words signals look for ("if you cannot resolve…", "escalate").
 */
const DISCLAIMER =
  /^\s*(?:this (?:e-?mail|message|communication)(?: and any (?:files|attachments)[^.]*)? (?:is|are|may be|contains?|and its)|the (?:information|contents?) (?:in|of|contained in) this (?:e-?mail|message)|(?:confidentiality|legal) (?:notice|disclaimer|statement)|disclaimer\s*:|confidential(?:ity)?\s*:|important\s*:\s*this|please consider the environment|any views or opinions (?:expressed|presented)|if you (?:are not|have received this) the intended recipient|if you have received this (?:e-?mail|message) in error|emails? (?:and any attachments )?(?:to|from|sent to) .{0,60} (?:may be|are) (?:monitored|subject to))/i;

export interface SplitText {
  newText: string;
  historyText: string;
  /** The history's lines, for readers that go line by line. */
  historyLines: string[];
}

export function splitNewText(text: string): SplitText {
  // Each replacement copies the whole body: only make the ones that change something.
  let normalised = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (/\u200b|\u200c|\u200d|\ufeff/.test(normalised)) normalised = normalised.replace(/\u200b|\u200c|\u200d|\ufeff/g, '');
  if (normalised.includes('\u00a0')) normalised = normalised.replace(/\u00a0/g, ' ');
  const lines = normalised.split('\n');
  const cut = historyStart(lines);
  const isQuoted = (line: string) => /^\s*>/.test(line);
  const written = lines.slice(0, cut).filter((line) => !isQuoted(line));
  const quoted = lines.slice(0, cut).filter(isQuoted);
  const newText = withoutDisclaimer(written.slice(0, signatureStart(written)).join('\n'));
  const historyLines = [...quoted, ...lines.slice(cut)];
  return { newText: tidy(newText), historyText: historyLines.join('\n'), historyLines };
}

function historyStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (FORWARD_OR_ORIGINAL.test(line) || BEGIN_FORWARDED.test(line)) return i;
    if (OUTLOOK_SEPARATOR.test(line) && nextLines(lines, i + 1, 3).some((next) => HEADER_FROM.test(next))) return i;
    if (HEADER_FROM.test(line) && nextLines(lines, i + 1, 4).some((next) => HEADER_SENT.test(next))) return i;
    if (WROTE.test(line) || (WROTE.test(`${line} ${lines[i + 1] ?? ''}`) && /^\s*(?:on|le|am|el|il|op)\s/i.test(line))) return i;
  }
  return lines.length;
}

/** The next `count` non-empty lines from `start`. */
function nextLines(lines: readonly string[], start: number, count: number): string[] {
  return lines
    .slice(start, start + count * 3)
    .filter((line) => line.trim() !== '')
    .slice(0, count);
}

function withoutDisclaimer(text: string): string {
  const paragraphs = text.split(/\n\s*\n/);
  const first = paragraphs.findIndex((paragraph) => DISCLAIMER.test(paragraph));
  return first === -1 ? text : paragraphs.slice(0, first).join('\n\n');
}

function tidy(text: string): string {
  return text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
