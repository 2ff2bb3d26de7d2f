import { head } from './scan.js';

/**
 * Where a signature starts in the written part of a message. Written here rather than with
 * email-reply-parser: that library reverses every line once per pattern and cost 130 µs for four
 * lines (about a tenth of parsing a 20 KB message), and quotes and forwards are cut before this
 * anyway. Checked against the labelled corpus in test/fixtures/mail/.
 */

/** Sign-offs that always end the body: what follows is a name, a title, contact details. */
const CLOSING =
  /^(?:(?:kind|best|warm|warmest|many|with)\s+(?:regards|wishes)|regards|best regards|yours\s+(?:sincerely|faithfully|truly)|sincerely|all the best|mit freundlichen grüßen|viele grüße|cordialement|bien à vous|saludos(?: cordiales)?|un saluto|cordiali saluti|met vriendelijke groet(?:en)?|med vänliga hälsningar|med venlig hilsen|diolch(?: yn fawr)?|cofion(?: gorau)?)(?:[\s,.!]*$|,\s*(?=\S))/i;
/** The name after a sign-off on the same line ("Regards, Roman"): up to three capitalised words. */
const NAME_AFTER_CLOSING = /,\s*\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){0,2}[\s.]*$/u;

/** Sign-offs that are also said mid-message ("Thanks,"): a signature only when short lines follow. */
const THANKS = /^(?:thanks|thank you|many thanks|thanks again|cheers|best|bw|kr|rgds|take care)[\s,.!]*$/i;

/** The standard "-- " delimiter. */
const STANDARD_SEPARATOR = /^--\s?$/;
/** Other separator lines. */
const SEPARATOR = /^(?:_{2,}|-{3,}|\+{2,}|={2,})$/;

/** What phones and mail apps append. */
const DEVICE =
  /^(?:sent from my (?:[\w&-]+ ){0,3}?(?:iphone|ipad|ipod|android|samsung|galaxy|blackberry|mobile|phone|cell|smartphone|tablet|huawei|xiaomi|pixel|nokia|htc|sony|motorola|oneplus|windows|device|kindle|surface|verizon|t-mobile|sprint)|sent from (?:outlook|mail for|yahoo|samsung|my)\b(?![^,;]*[,;]\s*\w+\s+\w+\s+\w+)|get outlook for|sent with |sent via |von meinem .* gesendet|gesendet von|envoyé de mon|envoyé depuis|enviado desde|inviato da|verzonden (?:vanaf|met)|verstuurd vanaf|sendt fra)/i;

const LONGEST_SIGNATURE_LINE = 100;

/** Something announced as written below the sign-off: "please find below the notes", "the letter is pasted below". */
const BELOW =
  /\b(?:find|see|set out|pasted|copied|included)\b[^.]{0,60}\bbelow\b|\b(?:is|are) (?:set out |pasted |copied |included )?below\b/i;

/** The index of the first line of the signature, or `lines.length` when there is none. One pass each way. */
export function signatureStart(lines: readonly string[]): number {
  // "Thanks," ends the body only when no long line follows it: find the last long line once.
  let lastLong = -1;
  for (let i = lines.length - 1; i >= 0 && lastLong === -1; i--)
    if (head(lines[i] ?? '', LONGEST_SIGNATURE_LINE + 1).trim().length > LONGEST_SIGNATURE_LINE) lastLong = i;
  let seenBody = false;
  let announced = false;
  for (let i = 0; i < lines.length; i++) {
    const full = lines[i] ?? '';
    if (full.trim() === '') continue;
    // A sign-off, separator or device line is short: the patterns read no more than its start.
    const line = head(full, 120).trim();
    // A rule above a letter pasted in ("-----" then "KINGSDOWN PRIMARY SCHOOL … Dear Ms Nandra, I am writing…"):
    // a separator other than "-- " starts a signature only when no long line follows it.
    if (DEVICE.test(line) || STANDARD_SEPARATOR.test(line) || (SEPARATOR.test(line) && i >= lastLong)) return seenBody ? i : lines.length;
    const afterBreak = i === 0 || (lines[i - 1] ?? '').trim() === '';
    // "Please find below the draft notes … Kind regards, Kirsty" and then the notes: what was announced below is the body.
    if (seenBody && afterBreak && isClosing(line) && !(announced && i < lastLong)) return i;
    if (!announced && BELOW.test(line)) announced = true;
    if (seenBody && afterBreak && THANKS.test(line) && i >= lastLong) return i;
    seenBody = true;
  }
  return lines.length;
}

function isClosing(line: string): boolean {
  const match = CLOSING.exec(line);
  if (!match) return false;
  return match[0].trimEnd().endsWith(',') && match[0].length < line.length
    ? NAME_AFTER_CLOSING.test(line.slice(match[0].lastIndexOf(',')))
    : true;
}
