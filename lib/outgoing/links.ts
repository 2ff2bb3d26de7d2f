import type { MailLink } from './mail.js';

/**
 * A `mailto:` link to the mailbox with the command as the body and the subject that names the
 * case or the review, so a correction is one click and one send. RFC 6068: the address and each
 * field percent-encoded, line breaks as %0D%0A.
 */
/** `command`: as written, e.g. "#open stage 2". */
export function commandLink(label: string, mailbox: string, subject: string, command: string): MailLink {
  const query = `subject=${encodeURIComponent(`Re: ${subject}`)}&body=${encodeURIComponent(`${command}\r\n`)}`;
  return { label, href: `mailto:${encodeURIComponent(mailbox).replace(/%40/g, '@')}?${query}` };
}

/** The plain part's lines for the links: each label with its link, for clients that show no HTML. */
export function linkLines(links: readonly MailLink[]): string[] {
  if (links.length === 0) return [];
  return [
    'To correct it, send one of these commands from a partnership address (each link prefills the reply):',
    ...links.map((link) => `- ${link.label}: <${link.href}>`),
  ];
}
