import type { DateTime } from 'luxon';
import { arrivalOf } from '../cases/arrival.js';
import { reviewTokenOf } from '../cases/review.js';
import type { Mailbox } from '../config.js';
import type { Message, Verdicts } from '../mail/message.js';
import type { OutgoingMail } from '../outgoing/mail.js';
import {
  applyCorrection,
  replyFor,
  standing,
  type CorrectionDependencies,
  type CorrectionRequest,
  type CorrectionResult,
} from './correct.js';
import { mentionsCommand, parseCommands, type ParsedCommands } from './commands.js';
import { openReviewFor } from './reviews.js';

/** What a partnership's message asks for: commands, or commands left only in its quoted history. */
export type CommandMail = Exclude<ParsedCommands, { kind: 'none' }> | { kind: 'quoted' };

/**
 * A message for the corrections use case: from one of the mailbox's partnership addresses, its
 * new text starting with command lines (or holding none but quoting some). Anyone else's `#`
 * lines are ordinary mail.
 */
export function commandMailOf(message: Pick<Message, 'from' | 'newText' | 'historyText'>, mailbox: Mailbox): CommandMail | null {
  const from = message.from?.address;
  if (!from || !mailbox.partnershipAddresses.includes(from)) return null;
  const parsed = parseCommands(message.newText);
  if (parsed.kind !== 'none') return parsed;
  return mentionsCommand(message.historyText) ? { kind: 'quoted' } : null;
}

/**
 * docs/design.md, 'Safety': DMARC failing, or neither SPF nor DKIM passing, is not
 * authenticated; a message with no verdict at all was delivered locally, where nothing checked
 * it, and is trusted.
 */
export function authenticated(verdicts: Verdicts): boolean {
  if (verdicts.spf === null && verdicts.dkim === null && verdicts.dmarc === null) return true;
  if (verdicts.dmarc === 'FAIL') return false;
  return verdicts.spf === 'PASS' || verdicts.dkim === 'PASS';
}

export type CommandOutcome =
  | { outcome: 'command'; applied: boolean; reason: string; caseRef: string | null }
  | { outcome: 'review'; reason: string; caseRef: string | null }
  | { outcome: 'ignored'; reason: 'duplicate'; caseRef: string | null };

/**
 * Commands by mail: authenticated, applied once through the corrections use case, answered with
 * a confirmation or a refusal that lists the commands, and recorded like any processed message
 * (so a second delivery changes nothing). A forged command goes to review and changes nothing.
 */
export async function commandsByMail(
  message: Message,
  mailbox: Mailbox,
  asked: CommandMail,
  now: DateTime,
  deps: CorrectionDependencies,
): Promise<CommandOutcome> {
  const { store } = deps;
  const found = await store.lookup({ messageId: message.messageId, refs: [], policyId: mailbox.policy.id, threadKeys: [] });
  if (found.message) return { outcome: 'ignored', reason: 'duplicate', caseRef: found.message.caseRef };
  const record = (caseRef: string | null, outcome: string) =>
    store.recordMessage({ messageId: message.messageId, caseRef, outcome, at: now.toUTC().toISO() ?? '', sha256: message.sha256 });

  if (!authenticated(message.verdicts)) {
    const reason = 'a command from a partnership address failed authentication (SPF and DKIM, or DMARC): nothing was applied';
    const arrival = arrivalOf(message, now, mailbox.partnershipAddresses);
    await deps.mailer.send(
      await openReviewFor({ arrival, reason, caseRef: null, stage: null, suggestedStage: null }, mailbox, deps.store, deps.reviewToken),
    );
    await record(null, 'review');
    return { outcome: 'review', reason, caseRef: null };
  }

  const token = reviewTokenOf(message.subject);
  const [ref, ...more] = message.referenceTags;
  const target: CorrectionRequest['target'] | null = token
    ? { kind: 'review', token }
    : ref && more.length === 0
      ? { kind: 'case', ref }
      : null;
  const request: CorrectionRequest = {
    messageId: message.messageId,
    by: message.from?.address ?? 'unknown',
    at: now,
    commands: asked.kind === 'commands' ? asked.commands : [],
    target: target ?? { kind: 'case', ref: '' },
  };
  let result: CorrectionResult;
  if (asked.kind === 'quoted') {
    result = refused(
      ref ?? null,
      'commands are read only from the first lines of the new text; those in the quoted history were not applied',
    );
  } else if (asked.kind === 'invalid') {
    result = refused(ref ?? null, ...asked.problems);
  } else if (!target) {
    result = refused(
      null,
      more.length > 0
        ? "the subject names several cases: reply to one case's email"
        : 'the subject names no case: reply to an email that has [<REF>] in its subject',
    );
  } else {
    result = await applyCorrection(request, mailbox, deps);
  }
  const current = result.applied && result.caseRef ? await store.getCase(result.caseRef) : null;
  await sendOnce(
    `confirmation:${message.messageId}`,
    replyFor(result, request, mailbox, standing(current, mailbox, deps.deployment)),
    deps,
  );
  await record(result.caseRef, result.applied ? result.event : 'refused');
  // The reason is a fixed word: refusals may quote the message, and outcomes are logged.
  return { outcome: 'command', applied: result.applied, reason: result.applied ? result.event : 'refused', caseRef: result.caseRef };
}

function refused(caseRef: string | null, ...problems: string[]): CorrectionResult {
  return { applied: false, caseRef, stage: null, problems };
}

/** The reply is claimed first, so a retry of the same message never sends it twice. */
async function sendOnce(id: string, mail: OutgoingMail, deps: CorrectionDependencies): Promise<void> {
  if (!(await deps.store.claimSending(id))) return;
  try {
    await deps.mailer.send(mail);
  } catch (error) {
    await deps.store.releaseSending(id);
    throw error;
  }
}
