import type { OutgoingMail } from '../outgoing/mail.js';
import type { Clock, Mailer } from '../ports.js';

export interface SentMail {
  /** When it was sent, by the runtime's clock. */
  at: string;
  mail: OutgoingMail;
}

/**
 * Hands each outgoing email, with the time it was sent, to the runtime that writes it out or
 * reports it. It keeps none itself: a long replay or a server that runs for months holds no
 * bodies or attachments of what it has already sent.
 */
export class Outbox implements Mailer {
  constructor(
    private readonly clock: Clock,
    private readonly deliver: (sent: SentMail) => Promise<void> = () => Promise.resolve(),
  ) {}

  async send(mail: OutgoingMail): Promise<void> {
    await this.deliver({ at: this.clock.now().toUTC().toISO({ suppressMilliseconds: true }) ?? '', mail });
  }
}
