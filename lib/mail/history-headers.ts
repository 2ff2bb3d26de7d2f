import { head, tail } from './scan.js';

/**
 * The lines mail clients write where the history of a message begins, in the languages
 * partnerships' mail passes through: forward and "original message" separators, Outlook's header
 * block, and the "On … wrote:" line (Gmail, Apple Mail, Thunderbird, Outlook mobile, Android, and
 * their translations), possibly wrapped over several lines or written date-first.
 *
 * Every pattern reads at most MAX_EXAMINED characters of a line (see scan.ts): none can take
 * more than constant time on a line, so finding the history is linear in the message.
 */

/** "---------- Forwarded message ---------", "-----Original Message-----" and their translations. */
const SEPARATOR_PHRASE =
  /^\s*-{2,}\s*(?:original message|forwarded message|forwarded by|reply message|message transféré|message d'origine|weitergeleitete nachricht|ursprüngliche nachricht|antwort nachricht|mensaje original|mensaje reenviado|messaggio originale|messaggio inoltrato|oorspronkelijk bericht|doorgestuurd bericht|oprindelig meddelelse|videresendt meddelelse|ursprungligt meddelande|vidarebefordrat meddelande|opprinnelig melding|videresendt melding|alkuperäinen viesti|välitetty viesti|mensagem original|mensagem encaminhada|wiadomość oryginalna|przekazana wiadomość|původní zpráva|исходное сообщение|пересылаемое сообщение|оригинальное сообщение|原始邮件|原始郵件|转发邮件|轉寄郵件|元のメッセージ|転送されたメッセージ)/i;

/** Any "---- … ----" line naming a message or a writer ("---- John Smith wrote ----", "-----Reply Message-----"). */
const DASHED = /^\s*-{2,}\s*(\S.{0,160}?)\s*-{2,}\s*$/;
const DASHED_WORD =
  /\b(?:message|wrote|schrieb|écrit|nachricht|bericht|meddelelse|meddelande|melding|mensaje|messaggio|mensagem|wiadomość|viesti|zpráva|сообщение|повідомлення|forwarded|original|reply)\b/iu;

const BEGIN_FORWARDED =
  /^\s*(?:begin forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié|inicio del mensaje reenviado|início da mensagem reencaminhada|inizio messaggio inoltrato|begin doorgestuurd bericht|vidarebefordrat mejl|videresendt besked)\s*:\s*$/i;

/** Help-desk markers: everything under them is the ticket's history. */
const REPLY_ABOVE =
  /(?:reply|write|respond|type your (?:reply|response))\s+above\s+this\s+line|(?:répondez|repondez) au-dessus de cette ligne|antworten sie (?:bitte )?oberhalb dieser (?:linie|zeile)|responda por encima de esta línea/i;

const OUTLOOK_SEPARATOR = /^\s*_{10,}\s*$/;

/** Header fields of a quoted or forwarded message, by kind. */
const FROM_NAMES =
  'from|von|de|van|da|från|fra|od|lähettäjä|от|от кого|від|发件人|發件人|寄件者|寄件人|差出人|보낸 사람|afzender|kimden|feladó|mittente|remetente|expéditeur';
const DATE_NAMES =
  "sent|date|gesendet|datum|envoyé|envoyé le|date d'envoi|enviado|enviada|enviado el|enviado em|enviada em|data de envio|gönderildi|tarih|寄件日期|fecha|inviato|data|verzonden|verstuurd|skickat|sendt|wysłano|lähetetty|päivämäärä|отправлено|дата|надіслано|发送时间|發送時間|发送日期|日期|送信日時|날짜|보낸 날짜|elküldve|odesláno";
const OTHER_NAMES =
  'to|an|à|a|para|aan|till|til|do|kome|kime|konu|кому|收件人|宛先|받는 사람|cc|kopie|copie|subject|betreff|objet|asunto|assunto|oggetto|onderwerp|ämne|emne|temat|тема|主题|主旨|件名|제목|reply-to|aihe|vastaanottaja|tárgy|címzett|předmět|komu';
const FIELD = new RegExp(`^\\s*\\*{0,2}\\s*(${FROM_NAMES}|${DATE_NAMES}|${OTHER_NAMES})\\s*\\*{0,2}\\s*[:：]`, 'iu');
const FROM_SET = new Set(FROM_NAMES.split('|'));
const DATE_SET = new Set(DATE_NAMES.split('|'));

/** First words of "On … wrote:" in its translations. */
const INTRO = /^[\s*-]*(?:on|le|am|el|em|il|op|den|dne|w dniu|dnia|på|vào|um|在|napisał|op de|el día|le jeu|am \d)\s/iu;
/** A date first: "2014-03-20 8:48 GMT+01:00 Name <…>:", "2013/7/20", "02.04.2012 14:20", "2016. 11. 8.". */
const DATE_FIRST = /^[\s*-]*\d{1,4}\s?[-./年]\s?\d{1,2}\s?[-./月]\s?\d{1,4}/u;
/** The verb that ends an attribution line: "wrote:", "a écrit :", "schrieb:", "写道：" … */
const VERB_END =
  /(?:^|[^\p{L}])(?:wrote|sent|schrieb|geschrieben|a écrit|écrit|escribió|escrit|ha escrito|ha scritto|scritto|schreef|geschreven|escreveu|skrev|skrev følgende|napisał\(a\)|napisała|napisał|napisal|pisze|napsal|napísal|написал\(а\)|написала|написал|написав|написала|đã viết|írta|kirjoitti|yazdı|έγραψε)\s*[:：]\s*$|(?:写道|寫道|のメッセージ|書きました|작성)\s*[:：]\s*$/iu; // CJK has no word boundaries: "… さんは書きました:"
/** A verb before the writer's name: "Am 25.06.2015 um 10:55 schrieb Test user:", "… skrev Name <…>:". */
const VERB_THEN_NAME =
  /(?:^|[^\p{L}])(?:schrieb|schreef|skrev|escribió|a écrit|escreveu|napisał|написал|kirjoitti)\s+["'<\p{Lu}][^:：]{0,80}[:：]\s*$/u;
/** "… Name <name@example.com>:" and "… <name@example.com>" that end a date-first attribution. */
const ADDRESS_END = /<?[^\s<>@]+@[^\s<>@]+>\s*[:：]?\s*$/u;

/** Norwegian and Danish Gmail put a weekday first: "tir. 18. apr. 2017 kl. 13:09 skrev Test user <…". */
const MID_VERB = /\s(?:skrev|schreef|schrieb)\s/iu;

/** Where an "On … wrote:" sits at the end of a line of reply text: "reply--- On Wed, … wrote:". */
const INTRO_INSIDE = /(?:\s|-)(?=(?:On|Le|Am|El|Em|Op|Dnia|W dniu)\s[^\n]*\d)/u;

/** A header spread over this many lines at most (Gmail and Outlook for Mac wrap after ~76 characters). */
const MAX_HEADER_LINES = 4;
/** Longer lines are text, not a wrapped header. */
const MAX_HEADER_LINE = 200;

export type HistoryMark =
  /** Everything from here on is history. */
  | { kind: 'cut' }
  /** An attribution over `span` lines: history, with what it introduces; the sender may write below it. */
  | { kind: 'attribution'; span: number };

export function isQuoted(line: string): boolean {
  return /^\s*>/.test(head(line));
}

function fieldKind(line: string): 'from' | 'date' | 'other' | null {
  const match = FIELD.exec(head(line, 60));
  if (!match) return null;
  const name = (match[1] ?? '').toLowerCase();
  return FROM_SET.has(name) ? 'from' : DATE_SET.has(name) ? 'date' : 'other';
}

/** The next `count` non-empty lines after `index`, looking no further than a few lines. */
function nextLines(lines: readonly string[], index: number, count: number): string[] {
  const found: string[] = [];
  for (let k = index + 1; k < lines.length && k <= index + count * 3 && found.length < count; k++) {
    const line = lines[k] ?? '';
    if (line.trim() !== '') found.push(line);
  }
  return found;
}

function isAttribution(text: string, first: string, quotedNext: boolean): boolean {
  const end = tail(text, 120);
  const start = head(first, 80);
  if (VERB_END.test(end)) {
    // "On 3 November the form was sent:" is text; "On …, bob@… sent:" is an attribution.
    if (/\bsent\s*[:：]\s*$/i.test(end) && !text.includes('@')) return false;
    if (INTRO.test(start)) return /\d|@/.test(head(text));
    if (DATE_FIRST.test(start) || text.includes('@')) return true;
    // "Jane Smith wrote:" with no date or address: only when a quotation follows it.
    return quotedNext && text.length <= 80;
  }
  if (VERB_THEN_NAME.test(end)) return /\d/.test(head(text));
  // "Op 13-02-2014 3:18 schreef Julius Caesar <…>:"
  if (INTRO.test(start) && /\d/.test(start) && ADDRESS_END.test(end) && end.trimEnd().endsWith(':')) return true;
  // Gmail's date-first header ends with the address: "2014-03-20 8:48 GMT+01:00 Rémi <r@x>:".
  if (DATE_FIRST.test(start) && ADDRESS_END.test(end)) return true;
  // Lotus Notes: "Bob Jones/ORG@ORG wrote on 02/11/2026 10:15:53 AM:"; Horde: "Quoting Bob <bob@…>:".
  if (/\bwrote on\b/i.test(head(text)) && /\d/.test(end) && /[:：]\s*$/.test(end)) return true;
  if (/^\s*quoting\s/i.test(start) && /[:：]\s*$/.test(end) && (text.includes('@') || quotedNext)) return true;
  return false;
}

/** What starts at line `i`, if it begins the history. Reads a bounded number of lines. */
export function historyMarkAt(lines: readonly string[], i: number): HistoryMark | null {
  const line = lines[i] ?? '';
  if (line.trim() === '') return null;
  const start = head(line);
  if (SEPARATOR_PHRASE.test(start) || BEGIN_FORWARDED.test(start) || REPLY_ABOVE.test(start)) return { kind: 'cut' };
  const dashed = line.length <= MAX_HEADER_LINE ? DASHED.exec(start) : null;
  if (dashed && DASHED_WORD.test(dashed[1] ?? '')) return { kind: 'cut' };
  if (OUTLOOK_SEPARATOR.test(start) && nextLines(lines, i, 3).some((next) => fieldKind(next) !== null)) return { kind: 'cut' };

  const kind = fieldKind(line);
  if (kind === 'from' || kind === 'date') {
    // Outlook's block: From/Sent/To/Subject, in any order, possibly with blank lines between.
    if (nextLines(lines, i, 2).some((next) => fieldKind(next) !== null)) return { kind: 'cut' };
    // A From line alone, with an address: a quoted message whose client wrote no other header.
    if (kind === 'from' && head(line).includes('@')) return { kind: 'cut' };
  }

  if (line.length > MAX_HEADER_LINE * 2) return null;
  const quotedAt = (k: number) => nextLines(lines, k, 1).some(isQuoted);
  if (isAttribution(line, line, quotedAt(i))) return { kind: 'attribution', span: 1 };
  // Wrapped over up to MAX_HEADER_LINES lines: only from a line that starts like an attribution, with its date.
  const first = head(line, 80);
  if (!/\d/.test(first) || !(INTRO.test(first) || DATE_FIRST.test(first) || MID_VERB.test(first))) return null;
  if (/[.!?]\s*$/.test(first) && line.length < 80 && !/\d\.\s*$/.test(first)) return null;
  let joined = line;
  let used = 1;
  for (let k = i + 1; k < lines.length && k <= i + MAX_HEADER_LINES + 2 && used < MAX_HEADER_LINES; k++) {
    const next = lines[k] ?? '';
    if (next.length > MAX_HEADER_LINE) return null;
    if (next.trim() === '') continue;
    // Another attribution's first line: this one was text.
    if (INTRO.test(head(next, 80)) || DATE_FIRST.test(head(next, 80))) return null;
    joined = `${joined} ${next.trim()}`;
    used++;
    if (isAttribution(joined, line, quotedAt(k))) return { kind: 'attribution', span: k - i + 1 };
  }
  return null;
}

/**
 * A line of reply text that ends with an attribution ("reply On Wed, 4 Apr 2012, bob@… wrote:"):
 * the two parts, or null.
 */
export function splitSharedLine(line: string): [string, string] | null {
  if (!endsWithColon(line)) return null;
  if (line.length > MAX_HEADER_LINE * 2 || !VERB_END.test(tail(line, 120)) || INTRO.test(head(line, 80))) return null;
  const match = INTRO_INSIDE.exec(head(line));
  if (!match || match.index === 0) return null;
  const before = line.slice(0, match.index).replace(/[\s-]+$/, '');
  const after = line.slice(match.index).replace(/^[\s-]+/, '');
  return before === '' ? null : [before, after];
}

/** Whether the last non-blank character is a colon, read from the end. */
function endsWithColon(line: string): boolean {
  for (let k = line.length - 1; k >= 0 && k >= line.length - 64; k--) {
    const c = line.charCodeAt(k);
    if (c === 32 || c === 9) continue;
    return c === 58 || c === 0xff1a;
  }
  return false;
}
