import type { Policy } from '../policy/schema.js';
import { stageRank } from '../policy/stages.js';
import type { Reading } from '../signals/types.js';
import type { Arrival } from './arrival.js';
import { domainOf, union, type Case, type CaseEvent, type HistoryEntry } from './case.js';

/** The stage a new case opens at: the one the message escalates to or names, else the policy's first. */
export function openingStage(reading: Reading, policy: Policy): string {
  if (reading.escalateTo) return reading.escalateTo;
  const named = reading.signals
    .filter((s) => s.kind === 'stage' && s.how === 'mention' && s.strength === 'strong')
    .map((s) => (s.kind === 'stage' ? s.stage : ''))
    .sort((a, b) => stageRank(policy, b) - stageRank(policy, a));
  return named[0] ?? policy.stages[0]?.id ?? '1';
}

export function openCase(input: { ref: string; policy: Policy; mailbox: string; stage: string; arrival: Arrival }): Case {
  const { arrival } = input;
  const at = arrival.at.toUTC().toISO() ?? '';
  return {
    ref: input.ref,
    policyId: input.policy.id,
    mailbox: input.mailbox,
    status: 'open',
    stage: input.stage,
    openedAt: at,
    stageStartedAt: at,
    resolvedAt: null,
    messages: [arrival.messageId],
    history: [{ at, event: 'opened', stage: input.stage, messageId: arrival.messageId, ...correspondents(arrival) }],
    participants: arrival.people,
    domains: [...new Set(arrival.people.map(domainOf))],
    stageContacts: arrival.contacts,
    threadKeys: arrival.threadKeys,
    acknowledgedAt: null,
    version: 0,
  };
}

export interface Applied {
  case: Case;
  /** What happened; null when the message was already applied. */
  event: CaseEvent | null;
}

/**
 * A message on an existing case: resolve, advance (never backwards), reopen a resolved case that
 * escalates further, or note it. `note` says why a message changed nothing (a review, a late
 * message about an earlier stage). Pure: the caller writes the result.
 */
export function applyReading(current: Case, arrival: Arrival, reading: Reading, policy: Policy, note?: string): Applied {
  if (current.messages.includes(arrival.messageId)) return { case: current, event: null };
  const at = arrival.at.toUTC().toISO() ?? '';
  const higher = reading.escalateTo !== null && stageRank(policy, reading.escalateTo) > stageRank(policy, current.stage);
  let next: Case = {
    ...current,
    messages: [...current.messages, arrival.messageId],
    participants: union(current.participants, arrival.people),
    domains: union(current.domains, arrival.people.map(domainOf)),
    threadKeys: union(current.threadKeys, arrival.threadKeys),
  };
  let event: CaseEvent = 'noted';
  if (note === undefined && current.status === 'open' && reading.resolved) {
    next = { ...next, status: 'resolved', resolvedAt: at };
    event = 'resolved';
  } else if (note === undefined && higher && reading.escalateTo && current.status !== 'withdrawn') {
    event = current.status === 'resolved' ? 'reopened' : 'advanced';
    next = { ...next, status: 'open', resolvedAt: null, stage: reading.escalateTo, stageStartedAt: at, stageContacts: arrival.contacts };
  }
  const entry: HistoryEntry = { at, event, stage: next.stage, messageId: arrival.messageId, ...correspondents(arrival) };
  const why = note ?? (event === 'noted' ? notedBecause(current, reading, policy) : undefined);
  if (why) entry.note = why;
  return { case: { ...next, history: [...current.history, entry] }, event };
}

function notedBecause(current: Case, reading: Reading, policy: Policy): string | undefined {
  if (reading.escalateTo && stageRank(policy, reading.escalateTo) <= stageRank(policy, current.stage)) {
    return `names stage ${reading.escalateTo}, not above the case's stage ${current.stage}: a stage never goes backwards`;
  }
  if (current.status === 'resolved' && reading.resolved) return 'already resolved';
  // Only the partnership brings a withdrawn case back (`#reopen`): later mail on its thread is kept as notes.
  if (current.status === 'withdrawn') return 'the partnership withdrew this case';
  return undefined;
}

/** Who wrote to whom: addresses only, for the stage log the policies' forms ask for. */
function correspondents(arrival: Arrival): Pick<HistoryEntry, 'from' | 'to'> {
  const to = arrival.contacts.filter((address) => address !== arrival.from);
  return { ...(arrival.from ? { from: arrival.from } : {}), to };
}
