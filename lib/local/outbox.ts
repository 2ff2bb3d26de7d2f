import type { OutgoingMail } from '../outgoing/mail.js';
import type { Clock, Mailer } from '../ports.js';

export interface SentMail {
  /** When it was sent, by the runtime's clock. */
  at: string;
  mail: OutgoingMail;
}

/** Keeps every outgoing email with the time it was sent; the local runtime also writes them out. */
export class Outbox implements Mailer {
  readonly sent: SentMail[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly deliver: (sent: SentMail) => Promise<void> = () => Promise.resolve(),
  ) {}

  async send(mail: OutgoingMail): Promise<void> {
    const sent = { at: this.clock.now().toUTC().toISO({ suppressMilliseconds: true }) ?? '', mail };
    this.sent.push(sent);
    await this.deliver(sent);
  }
}
