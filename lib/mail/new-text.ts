import EmailReplyParser from 'email-reply-parser';

/**
 * Where the history of a message begins, in the shapes email-reply-parser does not know:
 * forwarded-message markers (Gmail, Apple Mail, Outlook in several languages) and Outlook's
 * header block ("From: … / Sent: … / To: … / Subject: …") whose From line has no <address>.
 * email-reply-parser then handles `>` quotes, "On … wrote:" in many languages and signatures.
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
}

export function splitNewText(body: string): SplitText {
  const lines = body
    .replace(/\r\n?/g, '\n')
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, '')
    .replace(/\u00a0/g, ' ')
    .split('\n');
  const cut = historyStart(lines);
  const written = lines.slice(0, cut).join('\n');
  const history = lines.slice(cut).join('\n');

  const email = new EmailReplyParser().read(written);
  const visible: string[] = [];
  const quoted: string[] = [];
  for (const fragment of email.getFragments()) {
    if (fragment.isQuoted()) quoted.push(fragment.getContent());
    else if (!fragment.isHidden()) visible.push(fragment.getContent());
  }
  const newText = withoutDisclaimer(visible.join('\n'))
    .split('\n')
    .filter((line) => !/^\s*>/.test(line))
    .join('\n');
  return { newText: tidy(newText), historyText: tidy([...quoted, history].join('\n')) };
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
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
