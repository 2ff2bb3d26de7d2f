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
  /**
   * The partnership's own addresses: a list (a Google Group) that relays mail to the mailbox
   * under one of them is the partnership's own, and its list headers are not noise.
   */
  ownLists?: readonly string[];
}

/**
 * Whether a message came through a list of the partnership's own: the address in its List-Post
 * (`<mailto:group@domain>`) or Mailing-list (`list group@domain;`) header, or its List-Id as
 * Google Groups writes it (`<group.domain>`), is one of the partnership's addresses.
 */
export function viaOwnList(header: (name: string) => string[], ownLists: readonly string[]): boolean {
  if (ownLists.length === 0) return false;
  const own = new Set(ownLists.map((a) => a.toLowerCase()));
  const listIds = new Set([...own].map((a) => a.replace('@', '.')));
  const posted = header('list-post').flatMap((v) => [...v.matchAll(/mailto:([^>\s,?]+)/gi)].map((m) => (m[1] ?? '').toLowerCase()));
  const named = header('mailing-list').flatMap((v) =>
    [...v.matchAll(/\blist\s+([^\s;]+@[^\s;]+)/gi)].map((m) => (m[1] ?? '').toLowerCase()),
  );
  const ids = header('list-id').map((v) => (/<([^>]+)>/.exec(v)?.[1] ?? v).trim().toLowerCase());
  return posted.some((a) => own.has(a)) || named.some((a) => own.has(a)) || ids.some((id) => listIds.has(id));
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

  // The partnership's own group relays people's mail: its list headers and Precedence say nothing of the writer.
  const ownList = viaOwnList((name) => input.header(name), input.ownLists ?? []);
  const autoSubmitted = first('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') reasons.push(`auto-reply: Auto-Submitted: ${autoSubmitted}`);
  if (input.header('x-autoreply').length > 0) reasons.push('auto-reply: X-Autoreply header');
  if (input.header('x-autorespond').length > 0) reasons.push('auto-reply: X-Autorespond header');
  const precedence = first('precedence');
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence) && !(ownList && precedence === 'list'))
    reasons.push(`auto-reply: Precedence: ${precedence}`);
  // Newsletters and list mail are machine-sent too; none of it is a practitioner writing.
  if (!ownList && (input.header('list-unsubscribe').length > 0 || input.header('list-id').length > 0))
    reasons.push('auto-reply: mailing-list headers');
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
