import { createHash } from 'node:crypto';
import type { Case } from '../cases/case.js';
import type { CaseStore, Clock, SendClaim } from '../ports.js';

/** Another invocation holds the send's lease: the caller fails, so that its retry comes after the lease. */
export class SendInProgressError extends Error {
  override readonly name = 'SendInProgressError';
}

export type SentOnce = 'sent' | 'sent-before';

/**
 * Sends at most once and at least once: claim (a lease), send, mark sent. A failed send gives the
 * claim back; a death between claim and mark leaves a lease that runs out, and the retry sends.
 * The one duplicate possible is a death after the send and before its mark.
 */
export async function sendOnce(
  store: Pick<CaseStore, 'claimSending' | 'markSent' | 'releaseSending'>,
  clock: Clock,
  id: string,
  send: () => Promise<void>,
): Promise<SentOnce> {
  return underLease(
    id,
    () => store.claimSending(id, clock.now()),
    send,
    () => store.releaseSending(id),
    () => store.markSent(id, clock.now()),
  );
}

/** The one way both stores send once: a claim that says sent or held ends it; a failed send gives the claim back. */
async function underLease<T>(
  id: string,
  claim: () => Promise<SendClaim>,
  send: () => Promise<T>,
  release: () => Promise<unknown>,
  mark: (record: T) => Promise<unknown>,
): Promise<SentOnce> {
  const claimed = await claim();
  if (claimed === 'sent') return 'sent-before';
  if (claimed === 'held') throw new SendInProgressError(`send ${digest(id)} is held by another invocation's lease`);
  let record: T;
  try {
    record = await send();
  } catch (error) {
    await release().catch(() => undefined); // the lease runs out anyway
    throw error;
  }
  await mark(record);
  return 'sent';
}

/** A report's id names its monitoring address: errors carry only a digest of it. */
const digest = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 12);

/** What a case records of a send once it is done: its acknowledgement's time, or the refusal. */
export type SendRecord = Pick<Case, 'acknowledgedAt' | 'acknowledgementRefusedAt'> | undefined;

/**
 * The same, for a send on its case (Case.sends): claim, send, mark sent. `claimed` when the
 * request that claimed it was made already (the case write that made the send due, or a
 * firing's read of its case), so that the claim costs no request of its own; otherwise a send
 * the case as read shows done costs none, and any other is claimed here. The mark carries what
 * `send` says the case records of it.
 */
export async function sendOnceOnCase(
  store: Pick<CaseStore, 'claimCaseSend' | 'markCaseSent' | 'releaseCaseSend'>,
  clock: Clock,
  current: Case,
  id: string,
  send: () => Promise<SendRecord>,
  options: { claimed?: boolean } = {},
): Promise<SentOnce> {
  return underLease(
    id,
    async () => {
      if (options.claimed) return 'claimed';
      if (current.sends?.[id]?.state === 'sent') return 'sent';
      return (await store.claimCaseSend(current.ref, id, clock.now()))?.claim ?? 'sent';
    },
    send,
    () => store.releaseCaseSend(current.ref, id),
    (record) => store.markCaseSent(current.ref, id, clock.now(), record),
  );
}
