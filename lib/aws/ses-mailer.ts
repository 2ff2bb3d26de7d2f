import { SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import { composeRaw, type Sender } from '../outgoing/compose.js';
import type { OutgoingMail } from '../outgoing/mail.js';
import type { Mailer } from '../ports.js';

/**
 * Sends through SES's SendRawEmail: v1 SendEmail cannot set the loop and auto-reply headers.
 * SES overwrites Message-ID and Date, so threading relies on the `[<REF>]` subject and Reply-To.
 */
export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESClient,
    private readonly sender: Sender,
  ) {}

  async send(mail: OutgoingMail): Promise<void> {
    if (mail.to.length + mail.cc.length === 0) return; // nobody to tell: a case whose people are all the partnership's own
    const raw = await composeRaw(mail, this.sender);
    await this.ses.send(
      new SendRawEmailCommand({
        Source: this.sender.from,
        Destinations: [...mail.to, ...mail.cc],
        RawMessage: { Data: raw },
      }),
    );
  }
}
