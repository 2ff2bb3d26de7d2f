import { createHash } from 'node:crypto';
import { SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import { composeRaw, type Sender } from '../outgoing/compose.js';
import { PermanentSendError, TransientSendError } from '../outgoing/errors.js';
import type { OutgoingMail } from '../outgoing/mail.js';
import type { Mailer } from '../ports.js';

/** SES's refusals that the same email sent again cannot cure: a bad address, too many, an unverified sender. */
const PERMANENT = new Set([
  'MessageRejected',
  'InvalidParameterValue',
  'MailFromDomainNotVerifiedException',
  'ConfigurationSetDoesNotExistException',
]);

/**
 * Sends through SES's SendRawEmail: v1 SendEmail cannot set the loop and auto-reply headers.
 * SES overwrites Message-ID and Date, so threading relies on the `[<REF>]` subject and Reply-To.
 * SES's errors name the addresses they refuse: they are rethrown as a named send error with the
 * SES error's name and a digest of its message, never its text.
 */
export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESClient,
    private readonly sender: Sender,
  ) {}

  async send(mail: OutgoingMail): Promise<void> {
    if (mail.to.length + mail.cc.length === 0) return; // nobody to tell: a case whose people are all the partnership's own
    const raw = await composeRaw(mail, this.sender);
    try {
      await this.ses.send(
        new SendRawEmailCommand({
          Source: this.sender.from,
          Destinations: [...mail.to, ...mail.cc],
          RawMessage: { Data: raw },
        }),
      );
    } catch (error) {
      throw sendError(error);
    }
  }
}

function sendError(error: unknown): Error {
  const name = error instanceof Error ? error.name : 'Error';
  const text = error instanceof Error ? error.message : String(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const described = `SES ${name}${status ? ` ${String(status)}` : ''} (message digest ${createHash('sha256').update(text).digest('hex').slice(0, 12)})`;
  return PERMANENT.has(name) ? new PermanentSendError(described) : new TransientSendError(described);
}
