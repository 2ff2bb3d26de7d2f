import type { DateTime } from 'luxon';
import type { Message } from '../mail/message.js';

/** What a message brings to a case, apart from what it means. */
export interface Arrival {
  messageId: string;
  at: DateTime;
  /** The sender's address, when the message has one. */
  from: string | null;
  /** Every address on the message, forwarded and quoted people included. */
  people: string[];
  /** From, To and Cc, less the partnership's own addresses: who reminders of a stage go to. */
  contacts: string[];
  /** Its own Message-ID, its In-Reply-To and all its References. */
  threadKeys: string[];
}

/**
 * What one message may add to a case: an opener copied to thousands would otherwise make its case
 * item pass DynamoDB's 400 KB, and no reminder goes to more than 50 people anyway.
 */
export const MAX_PEOPLE_PER_MESSAGE = 100;

export function arrivalOf(message: Message, at: DateTime, partnershipAddresses: readonly string[]): Arrival {
  const own = new Set(partnershipAddresses.map((a) => a.toLowerCase()));
  const direct = [message.from, ...message.to, ...message.cc].filter((p) => p !== null).map((p) => p.address);
  const forwarded = message.forwarded.flatMap((f) => [...f.from, ...f.to, ...f.cc]).map((p) => p.address);
  const unique = (list: string[]) => [...new Set(list)].slice(0, MAX_PEOPLE_PER_MESSAGE);
  return {
    messageId: message.messageId,
    at,
    from: message.from?.address ?? null,
    people: unique([...direct, ...forwarded]),
    contacts: unique(direct.filter((address) => !own.has(address))),
    threadKeys: unique([message.messageId, ...(message.inReplyTo ? [message.inReplyTo] : []), ...message.references]),
  };
}
