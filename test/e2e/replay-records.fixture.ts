import { eml, messageIdOf } from '../support/eml.js';

/** One message of a thread: when, who to whom, and what it says. */
export interface Step {
  date: string;
  from: string;
  to: string;
  text: string;
}

/** A thread copied to the mailbox, each message replying to the one before. */
export function thread(mailbox: string, subject: string, steps: readonly Step[]): Buffer[] {
  const messages: Buffer[] = [];
  for (const step of steps) {
    const ids = messages.map(messageIdOf);
    messages.push(
      eml({
        ...step,
        cc: mailbox,
        subject: messages.length === 0 ? subject : `RE: ${subject}`,
        ...(ids.length ? { inReplyTo: ids.at(-1) ?? '', references: ids } : {}),
      }),
    );
  }
  return messages;
}
