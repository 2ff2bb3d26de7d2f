import type { NoiseFlags, Participant } from './message.js';

/** What the noise check reads of a message's headers. */
export interface NoiseInput {
  /** Lower-cased header name → unfolded values, every occurrence. */
  header(name: string): string[];
  subject: string;
  from: Participant | null;
  /** The top-level MIME type, e.g. `multipart/report`. */
  contentType: string;
  /** The system's own X-Loop value. */
  ownLoop: string;
  /** Addresses the system sends from. */
  ownAddresses: readonly string[];
}

/**
 * Out-of-office and automatic-reply subjects in the languages partnership mail meets: English,
 * Welsh, German, French, Spanish, Italian, Dutch, Portuguese, the Nordic languages, Polish.
 */
const AUTO_REPLY_SUBJECT =
  /^\s*(?:\[[^\]]*\]\s*)*(?:automatic reply|auto[- ]?reply|autoreply|auto:|out of (?:the )?office|ooo\b|ateb awtomatig|allan o'r swyddfa|automatische antwort|abwesenheitsnotiz|abwesend|réponse automatique|absence du bureau|respuesta automática|fuera de la oficina|risposta automatica|fuori sede|automatisch antwoord|afwezig|resposta automática|ausente|autosvar|automatisk svar|frånvaro|fravær|automaattinen vastaus|odpowiedź automatyczna|nieobecność)/i;

const BOUNCE_SUBJECT =
  /^\s*(?:undeliverable|undelivered mail|delivery status notification|mail delivery failed|delivery has failed|returned mail|failure notice|message not delivered|unzustellbar|non remis)/i;

const BOUNCE_SENDER = /^(?:mailer-daemon|postmaster|mail-daemon)@/i;

export function detectNoise(input: NoiseInput): { flags: NoiseFlags; reasons: string[] } {
  const reasons: string[] = [];
  const first = (name: string) => input.header(name)[0]?.trim().toLowerCase();

  const autoSubmitted = first('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') reasons.push(`auto-reply: Auto-Submitted: ${autoSubmitted}`);
  if (input.header('x-autoreply').length > 0) reasons.push('auto-reply: X-Autoreply header');
  if (input.header('x-autorespond').length > 0) reasons.push('auto-reply: X-Autorespond header');
  const precedence = first('precedence');
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) reasons.push(`auto-reply: Precedence: ${precedence}`);
  // Newsletters and list mail are machine-sent too; none of it is a practitioner writing.
  if (input.header('list-unsubscribe').length > 0 || input.header('list-id').length > 0) reasons.push('auto-reply: mailing-list headers');
  if (AUTO_REPLY_SUBJECT.test(input.subject)) reasons.push('auto-reply: out-of-office subject');
  const autoReply = reasons.length > 0;

  const bounceReasons: string[] = [];
  if (input.contentType === 'multipart/report') bounceReasons.push('bounce: multipart/report delivery status');
  if (input.from && BOUNCE_SENDER.test(input.from.address)) bounceReasons.push(`bounce: sent by ${input.from.address.split('@')[0] ?? ''}`);
  if (!input.from && BOUNCE_SUBJECT.test(input.subject)) bounceReasons.push('bounce: delivery-failure subject with no sender');
  if (input.header('return-path').some((value) => value.trim() === '<>') && BOUNCE_SUBJECT.test(input.subject)) {
    bounceReasons.push('bounce: delivery-failure subject with an empty return path');
  }

  const ownReasons: string[] = [];
  const loop = input.ownLoop.toLowerCase();
  if (input.header('x-loop').some((value) => value.trim().toLowerCase() === loop)) ownReasons.push('own mail: X-Loop is ours');
  if (input.from && input.ownAddresses.map((a) => a.toLowerCase()).includes(input.from.address))
    ownReasons.push('own mail: sent from our address');

  return {
    flags: { autoReply, bounce: bounceReasons.length > 0, ownMail: ownReasons.length > 0 },
    reasons: [...reasons, ...bounceReasons, ...ownReasons],
  };
}
