import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { MAX_MESSAGE_BYTES } from '../mail/parse.js';
import type { Spool, SpooledMessage } from './spool.js';

export interface SmtpInbox {
  port: number;
  close(): Promise<void>;
}

/**
 * What SES receiving does, on 127.0.0.1: accept mail for the configured mailboxes only, refuse
 * anything over SES's size limit, keep each message (the spool) before answering `250`, and hand
 * it on with its envelope recipients.
 */
export async function startSmtpInbox(options: {
  port: number;
  mailboxes: readonly string[];
  spool: Spool;
  receive: (message: SpooledMessage) => Promise<void>;
}): Promise<SmtpInbox> {
  const accepted = new Set(options.mailboxes.map((m) => m.toLowerCase()));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    banner: 'escalation mailbox (local)',
    logger: false,
    onRcptTo(address, _session, callback) {
      if (accepted.has(address.address.toLowerCase())) callback();
      else callback(Object.assign(new Error(`no such mailbox here: accepted are ${[...accepted].join(', ')}`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      options.spool.write(stream, recipients).then(
        (message) => {
          if (!message) {
            callback(Object.assign(new Error('message over the 40 MB receiving limit'), { responseCode: 552 }));
            return;
          }
          // Accepted once it is on disk, as SES does once it is in S3; processed after the sender has gone.
          callback();
          void options.receive(message);
        },
        () => {
          callback(Object.assign(new Error('the message could not be stored: try again later'), { responseCode: 451 }));
        },
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
