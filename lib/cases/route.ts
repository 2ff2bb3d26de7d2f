import type { Message } from '../mail/message.js';
import { failsAuthentication } from '../mail/verdicts.js';
import type { Reading } from '../signals/types.js';
import { domainOf, type Case } from './case.js';

export type IgnoreReason = 'duplicate' | 'auto-reply' | 'bounce' | 'own-mail' | 'unrelated' | 'spam' | 'virus';

/** Messages ignored before any look-up: machines, the system itself, spam and viruses. */
export function noiseReason(message: Pick<Message, 'flags' | 'verdicts'>): IgnoreReason | null {
  if (message.flags.ownMail) return 'own-mail';
  if (message.flags.bounce) return 'bounce';
  if (message.flags.autoReply) return 'auto-reply';
  if (message.verdicts.virus === 'FAIL') return 'virus';
  if (message.verdicts.spam === 'FAIL') return 'spam';
  return null;
}

/** What the look-ups found for a message. */
export interface Found {
  /** Cases named by a reference in the subject. */
  byReference: Case[];
  /** References in the subject that name no case. */
  unknownReferences: string[];
  /** The case whose thread keys the message's In-Reply-To or References hit. */
  byThread: Case | null;
}

export type Route =
  | { kind: 'ignore'; reason: IgnoreReason }
  /** `attribute`: the message belongs to the case and is recorded on it as a note; otherwise it stays off the case. */
  | { kind: 'review'; reason: string; case: Case | null; attribute: boolean }
  | { kind: 'open' }
  | { kind: 'apply'; case: Case };

/**
 * docs/design.md, 'Cases': a known reference in the subject, then a thread key, else a new case only
 * for a message about the resolution process; failed authentication, strangers behind a bare
 * reference, unknown references and ambiguous readings go to review and change nothing.
 */
export function route(message: Pick<Message, 'from' | 'verdicts'>, reading: Reading, found: Found): Route {
  const unauthenticated = failsAuthentication(message.verdicts);
  let target: Case | null;
  if (found.byReference.length > 1) {
    return {
      kind: 'review',
      reason: `the subject names several cases (${found.byReference.map((c) => c.ref).join(', ')})`,
      case: null,
      attribute: false,
    };
  }
  const named = found.byReference[0];
  if (named) {
    const sender = message.from ? domainOf(message.from.address) : null;
    if (found.byThread?.ref !== named.ref && (sender === null || !named.domains.includes(sender))) {
      return {
        kind: 'review',
        reason: 'matched only by the reference in its subject, from a domain that has never appeared on the case',
        case: named,
        attribute: false,
      };
    }
    target = named;
  } else if (found.unknownReferences.length > 0 && !found.byThread) {
    return {
      kind: 'review',
      reason: `the subject names no known case (${found.unknownReferences.join(', ')})`,
      case: null,
      attribute: false,
    };
  } else {
    target = found.byThread;
  }

  if (!target) {
    if (!reading.aboutProcess) return { kind: 'ignore', reason: 'unrelated' };
    if (unauthenticated)
      return { kind: 'review', reason: 'failed authentication (SPF and DKIM, or DMARC): cannot open a case', case: null, attribute: false };
    if (reading.review) return { kind: 'review', reason: reading.review, case: null, attribute: false };
    return { kind: 'open' };
  }
  if (unauthenticated)
    return {
      kind: 'review',
      reason: 'failed authentication (SPF and DKIM, or DMARC): cannot change the case',
      case: target,
      attribute: false,
    };
  if (reading.review) return { kind: 'review', reason: reading.review, case: target, attribute: true };
  return { kind: 'apply', case: target };
}
