import type { Deployment } from './config.js';
import type { CaseStore, ReminderBook } from './ports.js';

export interface ResyncDependencies {
  store: Pick<CaseStore, 'openCases'>;
  reminders: ReminderBook;
  deployment: Deployment;
}

export interface ResyncOutcome {
  /** Open cases whose reminders now match the deployed policy and closure days. */
  synced: number;
  /** Open cases of a mailbox no longer deployed: left as they are. */
  unknownMailbox: number;
  /** Cases whose sync failed, by reference: the next run (or the case's next message) repairs them. */
  failed: string[];
}

/**
 * After a deploy, every open case's reminders re-booked from the policy and closure days now
 * deployed: a reminder's identity includes its due instant, so a deadline that moved gets new
 * reminders and its old ones are dropped. One case that fails does not stop the others.
 */
export async function resyncOpenCases(deps: ResyncDependencies): Promise<ResyncOutcome> {
  const outcome: ResyncOutcome = { synced: 0, unknownMailbox: 0, failed: [] };
  for (const open of await deps.store.openCases()) {
    const mailbox = deps.deployment.mailboxes.find((m) => m.address === open.mailbox);
    if (!mailbox) {
      outcome.unknownMailbox += 1;
      continue;
    }
    try {
      await deps.reminders.sync(open, mailbox.policy);
      outcome.synced += 1;
    } catch {
      outcome.failed.push(open.ref);
    }
  }
  return outcome;
}
