import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { MAX_MESSAGE_BYTES } from '../mail/parse.js';

export interface SmtpInbox {
  port: number;
  close(): Promise<void>;
}

/**
 * What SES receiving does, on 127.0.0.1: accept mail for the configured mailboxes only, refuse
 * anything over SES's size limit, and hand each message with its envelope recipients on.
 */
export async function startSmtpInbox(options: {
  port: number;
  mailboxes: readonly string[];
  receive: (raw: Buffer, recipients: string[]) => Promise<void>;
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
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('message over the 40 MB receiving limit'), { responseCode: 552 }));
          return;
        }
        const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        // Accept first, as SES does; the message is processed after the sender has gone.
        callback();
        void options.receive(Buffer.concat(chunks), recipients);
      });
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
