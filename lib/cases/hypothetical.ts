import type { Message } from '../mail/message.js';
import type { Policy } from '../policy/schema.js';
import { readSignals, type ReadOptions } from '../signals/read.js';
import type { Reading } from '../signals/types.js';
import { domainOf, type Case } from './case.js';
import { outcomeOf, route, type Outcome, type Route } from './route.js';

/**
 * What ingest would do with a message on an open case at `stage` (no case when undefined), with
 * no store: the same reading and the same `route` ingest takes. The case is the message's own
 * thread's, and its people's domains are known to it; with no case, a reference in the subject
 * names no known case. For `explain` and the labelled corpora.
 */
export function decideOnStage(
  message: Message,
  policy: Policy,
  stage: string | undefined,
  options: ReadOptions = {},
): { reading: Reading; route: Route; outcome: Outcome } {
  const reading = readSignals(message, policy, { currentStage: stage }, options);
  const onCase: Case | null =
    stage === undefined
      ? null
      : {
          ref: message.referenceTags[0] ?? `${policy.referencePrefix}-0000-0000`,
          policyId: policy.id,
          mailbox: '',
          status: 'open',
          stage,
          openedAt: '',
          stageStartedAt: '',
          resolvedAt: null,
          messages: [],
          history: [],
          participants: [],
          domains: message.from ? [domainOf(message.from.address)] : [],
          stageContacts: [],
          threadKeys: [],
          acknowledgedAt: null,
          version: 0,
        };
  const found = onCase
    ? { byReference: [], unknownReferences: [], byThread: onCase }
    : { byReference: [], unknownReferences: message.referenceTags, byThread: null };
  const decision = route(message, reading, found, policy);
  return { reading, route: decision, outcome: outcomeOf(decision) };
}
