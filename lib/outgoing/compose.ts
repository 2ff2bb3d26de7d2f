import MailComposer from 'nodemailer/lib/mail-composer';
import { escapeHtml } from './escape-html.js';
import { linkLines } from './links.js';
import type { MailLink, OutgoingMail } from './mail.js';

export interface Sender {
  from: string;
  /** The system's X-Loop value, by which it knows its own mail when it comes back. */
  loopId: string;
}

/**
 * The raw MIME of an outgoing email: the headers that stop auto-replies and loops, Reply-To the
 * partnership mailbox so that replies thread back into the case.
 */
export function composeRaw(mail: OutgoingMail, sender: Sender): Promise<Buffer> {
  return new MailComposer({
    from: sender.from,
    to: mail.to,
    ...(mail.cc.length ? { cc: mail.cc } : {}),
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: [mail.text, ...(mail.links?.length ? ['', ...linkLines(mail.links)] : [])].join('\n'),
    html: asHtml(mail.text, mail.links ?? []),
    ...(mail.attachments?.length
      ? { attachments: mail.attachments.map(({ filename, contentType, content }) => ({ filename, contentType, content })) }
      : {}),
    headers: {
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'All',
      'X-Loop': sender.loopId,
      Precedence: 'bulk',
    },
  })
    .compile()
    .build();
}

/** The same words as HTML, for clients that show only the HTML part: paragraphs kept, the command links as links. */
function asHtml(text: string, links: readonly MailLink[]): string {
  const paragraphs = text.split(/\n{2,}/).map((paragraph) => `<p>${paragraph.split('\n').map(escapeHtml).join('<br>')}</p>`);
  const actions = links.length
    ? `<p>To correct it, send one of these commands from a partnership address (each link prefills the reply):</p><ul>${links
        .map((link) => `<li><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></li>`)
        .join('')}</ul>`
    : '';
  return `<!doctype html><html><body style="font-family: Arial, sans-serif; font-size: 14px">${paragraphs.join('')}${actions}</body></html>`;
}
