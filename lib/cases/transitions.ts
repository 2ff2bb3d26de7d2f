import type { Policy } from '../policy/schema.js';
import type { Arrival } from './arrival.js';
import { domainOf, union, type Case, type CaseEvent, type HistoryEntry } from './case.js';
import type { Effect } from './route.js';

/** A case item's lists stay bounded whatever the mail brings (DynamoDB items stop at 400 KB). */
export const CASE_BOUNDS = { participants: 300, domains: 150, threadKeys: 400, historyRecipients: 50 } as const;

const capped = (list: readonly string[], cap: number) => (list.length <= cap ? [...list] : list.slice(0, cap));

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
    participants: capped(arrival.people, CASE_BOUNDS.participants),
    domains: capped([...new Set(arrival.people.map(domainOf))], CASE_BOUNDS.domains),
    stageContacts: arrival.contacts,
    threadKeys: capped(arrival.threadKeys, CASE_BOUNDS.threadKeys),
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
 * A message on an existing case: what `route` decided (resolve, advance never backwards, reopen
 * a resolved case that escalates further, or note). `note` says why a message under review
 * changed nothing. Pure: the caller writes the result.
 */
export function applyReading(current: Case, arrival: Arrival, effect: Effect, note?: string): Applied {
  if (current.messages.includes(arrival.messageId)) return { case: current, event: null };
  const at = arrival.at.toUTC().toISO() ?? '';
  let next: Case = {
    ...current,
    messages: [...current.messages, arrival.messageId],
    participants: capped(union(current.participants, arrival.people), CASE_BOUNDS.participants),
    domains: capped(union(current.domains, arrival.people.map(domainOf)), CASE_BOUNDS.domains),
    threadKeys: capped(union(current.threadKeys, arrival.threadKeys), CASE_BOUNDS.threadKeys),
  };
  let event: CaseEvent = 'noted';
  if (note === undefined && effect.kind === 'resolve' && current.status === 'open') {
    next = { ...next, status: 'resolved', resolvedAt: at };
    event = 'resolved';
  } else if (note === undefined && effect.kind === 'escalate' && current.status !== 'withdrawn') {
    event = current.status === 'resolved' ? 'reopened' : 'advanced';
    next = { ...next, status: 'open', resolvedAt: null, stage: effect.stage, stageStartedAt: at, stageContacts: arrival.contacts };
  }
  const entry: HistoryEntry = { at, event, stage: next.stage, messageId: arrival.messageId, ...correspondents(arrival) };
  // Only the partnership brings a withdrawn case back (`#reopen`): later mail on its thread is kept as notes.
  const withdrawn = current.status === 'withdrawn' && event === 'noted' ? 'the partnership withdrew this case' : undefined;
  const why = note ?? withdrawn ?? (effect.kind === 'note' ? effect.reason : undefined);
  if (why) entry.note = why;
  return { case: { ...next, history: [...current.history, entry] }, event };
}

/** Who wrote to whom: addresses only, for the stage log the policies' forms ask for. */
function correspondents(arrival: Arrival): Pick<HistoryEntry, 'from' | 'to'> {
  const to = capped(
    arrival.contacts.filter((address) => address !== arrival.from),
    CASE_BOUNDS.historyRecipients,
  );
  return { ...(arrival.from ? { from: arrival.from } : {}), to };
}
