import type { Message } from '../mail/message.js';
import { failsAuthentication } from '../mail/verdicts.js';
import type { Policy } from '../policy/schema.js';
import { stageRank } from '../policy/stages.js';
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

/** What a message does to the case it belongs to. */
export type Effect = { kind: 'escalate'; stage: string } | { kind: 'resolve' } | { kind: 'note'; reason?: string };

export type Route =
  | { kind: 'ignore'; reason: IgnoreReason }
  /** `attribute`: the message belongs to the case and is recorded on it as a note; otherwise it stays off the case. */
  | { kind: 'review'; reason: string; case: Case | null; attribute: boolean }
  | { kind: 'open'; stage: string }
  | { kind: 'apply'; case: Case; effect: Effect };

/** The decision as `explain` prints it and a test reads it: `docs/design.md`, 'Command-line contract'. */
export interface Outcome {
  kind: 'open' | 'escalate' | 'resolve' | 'note' | 'review' | 'ignored' | 'unrelated';
  stage?: string;
  reason?: string;
}

/**
 * The one decision ingest takes and `explain` prints (docs/design.md, 'Cases'): noise is ignored;
 * a known reference in the subject, then a thread key, finds the case; else a new case opens only
 * for a disagreement raised or an escalation bound to a stage, other business is unrelated, and
 * the process's words alone go to review. Failed authentication, strangers behind a bare
 * reference, unknown references and ambiguous readings go to review and change nothing.
 */
export function route(message: Pick<Message, 'from' | 'verdicts' | 'flags'>, reading: Reading, found: Found, policy: Policy): Route {
  const noise = noiseReason(message);
  if (noise) return { kind: 'ignore', reason: noise };
  const unauthenticated = failsAuthentication(message.verdicts);
  // Another system's reference ("Complaint ref CMP-2026-1182") is no reference of ours.
  const ours = found.unknownReferences.filter((ref) => ref.startsWith(`${policy.referencePrefix}-`));
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
  } else if (ours.length > 0 && !found.byThread) {
    return {
      kind: 'review',
      reason: `the subject names no known case (${ours.join(', ')})`,
      case: null,
      attribute: false,
    };
  } else {
    target = found.byThread;
  }

  if (!target) {
    if (reading.frame || !reading.aboutProcess) return { kind: 'ignore', reason: 'unrelated' };
    if (unauthenticated)
      return {
        kind: 'review',
        reason: 'not authenticated (DMARC fails, or neither SPF nor DKIM passes): cannot open a case',
        case: null,
        attribute: false,
      };
    if (reading.review) return { kind: 'review', reason: reading.review, case: null, attribute: false };
    if (reading.escalateTo) return { kind: 'open', stage: reading.escalateTo };
    // A disagreement raised with no stage named starts where it is named, else at the policy's first stage.
    if (reading.raisesDisagreement) return { kind: 'open', stage: reading.namedStage ?? policy.stages[0]?.id ?? '1' };
    // A question about the policy, or a request for its forms, raises nothing: unrelated.
    if (reading.asks) return { kind: 'ignore', reason: 'unrelated' };
    return {
      kind: 'review',
      reason: "uses the resolution process's words but raises no disagreement and escalates to no stage",
      case: null,
      attribute: false,
    };
  }
  if (unauthenticated)
    return {
      kind: 'review',
      reason: 'not authenticated (DMARC fails, or neither SPF nor DKIM passes): cannot change the case',
      case: target,
      attribute: false,
    };
  if (reading.review) return { kind: 'review', reason: reading.review, case: target, attribute: true };
  return { kind: 'apply', case: target, effect: effectOf(target, reading, policy) };
}

/** What a clear reading does to its case: resolve an open case, advance (never backwards, reopening a resolved one), or note. */
export function effectOf(current: Pick<Case, 'status' | 'stage'>, reading: Reading, policy: Policy): Effect {
  if (current.status === 'open' && reading.resolved) return { kind: 'resolve' };
  if (reading.escalateTo !== null) {
    if (stageRank(policy, reading.escalateTo) > stageRank(policy, current.stage)) return { kind: 'escalate', stage: reading.escalateTo };
    return {
      kind: 'note',
      reason: `names stage ${reading.escalateTo}, not above the case's stage ${current.stage}: a stage never goes backwards`,
    };
  }
  if (current.status === 'resolved' && reading.resolved) return { kind: 'note', reason: 'already resolved' };
  return { kind: 'note' };
}

/** The route as an outcome: `{ kind, stage?, reason? }`. */
export function outcomeOf(decision: Route): Outcome {
  switch (decision.kind) {
    case 'ignore':
      return decision.reason === 'unrelated' ? { kind: 'unrelated' } : { kind: 'ignored', reason: decision.reason };
    case 'review':
      return { kind: 'review', reason: decision.reason };
    case 'open':
      return { kind: 'open', stage: decision.stage };
    case 'apply': {
      const { effect } = decision;
      if (effect.kind === 'escalate') return { kind: 'escalate', stage: effect.stage };
      if (effect.kind === 'resolve') return { kind: 'resolve' };
      return effect.reason ? { kind: 'note', reason: effect.reason } : { kind: 'note' };
    }
  }
}
