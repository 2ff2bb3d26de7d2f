import { randomBytes } from 'node:crypto';
import type { Arrival } from '../cases/arrival.js';
import type { Mailbox } from '../config.js';
import { reviewRequest } from '../outgoing/notices.js';
import type { OutgoingMail } from '../outgoing/mail.js';
import type { CaseStore } from '../ports.js';

/**
 * Keeps a message sent for review under a new random token (or the one a first attempt kept) and
 * builds the review request that names it, so the partnership's reply can open or dismiss it.
 */
export async function openReviewFor(
  input: { arrival: Arrival; reason: string; caseRef: string | null; stage: string | null; suggestedStage: string | null },
  mailbox: Mailbox,
  store: CaseStore,
  /** How tokens are made: random, except in replay, whose stored replies must name them (see lib/local/replay.ts). */
  newToken: (messageId: string) => string = () => randomBytes(12).toString('hex'),
): Promise<OutgoingMail> {
  const { arrival, policy } = { arrival: input.arrival, policy: mailbox.policy };
  const review = await store.openReview({
    token: newToken(arrival.messageId),
    messageId: arrival.messageId,
    mailbox: mailbox.address,
    policyId: policy.id,
    caseRef: input.caseRef,
    reason: input.reason,
    receivedAt: arrival.at.toUTC().toISO() ?? '',
    suggestedStage: input.suggestedStage ?? policy.stages[0]?.id ?? '1',
    from: arrival.from,
    people: arrival.people,
    contacts: arrival.contacts,
    threadKeys: arrival.threadKeys,
    status: 'pending',
  });
  return reviewRequest(
    {
      messageId: arrival.messageId,
      receivedAt: arrival.at,
      reason: input.reason,
      caseRef: input.caseRef,
      stage: input.stage,
      token: review.token,
    },
    mailbox.partnershipAddresses,
    mailbox.address,
    policy,
  );
}
