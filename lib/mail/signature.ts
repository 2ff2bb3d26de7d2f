/**
 * Where a signature starts in the written part of a message. Written here rather than with
 * email-reply-parser: that library reverses every line once per pattern and cost 130 µs for four
 * lines (about a tenth of parsing a 20 KB message), and quotes and forwards are cut before this
 * anyway. Checked against the labelled corpus in test/fixtures/mail/.
 */

/** Sign-offs that always end the body: what follows is a name, a title, contact details. */
const CLOSING =
  /^(?:(?:kind|best|warm|warmest|many|with)\s+(?:regards|wishes)|regards|best regards|yours\s+(?:sincerely|faithfully|truly)|sincerely|all the best|mit freundlichen grüßen|viele grüße|cordialement|bien à vous|saludos(?: cordiales)?|un saluto|cordiali saluti|met vriendelijke groet(?:en)?|med vänliga hälsningar|med venlig hilsen|diolch(?: yn fawr)?|cofion(?: gorau)?)[\s,.!]*$/i;

/** Sign-offs that are also said mid-message ("Thanks,"): a signature only when short lines follow. */
const THANKS = /^(?:thanks|thank you|many thanks|thanks again|cheers|best|bw|kr|rgds|take care)[\s,.!]*$/i;

/** The standard "-- " delimiter and other separator lines. */
const SEPARATOR = /^(?:--\s?|_{2,}|-{3,}|\+{2,}|={2,})$/;

/** What phones and mail apps append. */
const DEVICE =
  /^(?:sent from (?:my|outlook|mail for|yahoo)|get outlook for|sent with |sent via |von meinem .* gesendet|gesendet von|envoyé de mon|envoyé depuis|enviado desde|inviato da|verzonden (?:vanaf|met)|verstuurd vanaf|sendt fra)/i;

const LONGEST_SIGNATURE_LINE = 100;

/** The index of the first line of the signature, or `lines.length` when there is none. */
export function signatureStart(lines: readonly string[]): number {
  let seenBody = false;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    if (SEPARATOR.test(line) || DEVICE.test(line)) return seenBody ? i : lines.length;
    const afterBreak = i === 0 || (lines[i - 1] ?? '').trim() === '';
    if (seenBody && afterBreak && CLOSING.test(line)) return i;
    if (seenBody && afterBreak && THANKS.test(line) && onlyShortLinesAfter(lines, i)) return i;
    seenBody = true;
  }
  return lines.length;
}

function onlyShortLinesAfter(lines: readonly string[], index: number): boolean {
  return lines.slice(index + 1).every((line) => line.trim().length <= LONGEST_SIGNATURE_LINE);
}
