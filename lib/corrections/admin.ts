import { randomUUID } from 'node:crypto';
import type { Case } from '../cases/case.js';
import { caseDeadlines } from '../cases/deadlines.js';
import { isoLocal } from '../calendar/wording.js';
import type { Command } from './commands.js';
import { applyCorrection, type CorrectionDependencies, type CorrectionResult } from './correct.js';

/**
 * An admin's correction from the command line: the same use case as a command by mail, with
 * the admin named as its sender (`admin:<name>`) and an id of its own for the history. No mail
 * is sent; the result is printed.
 */
export async function adminCorrection(
  ref: string,
  commands: readonly Command[],
  admin: string,
  deps: CorrectionDependencies,
): Promise<CorrectionResult> {
  const current = await deps.store.getCase(ref);
  if (!current) return { applied: false, caseRef: null, stage: null, problems: [`there is no case ${ref}`] };
  const mailbox = deps.deployment.mailboxes.find((m) => m.address === current.mailbox);
  if (!mailbox)
    return {
      applied: false,
      caseRef: ref,
      stage: current.stage,
      problems: [`case ${ref}'s mailbox ${current.mailbox} is not in this deployment`],
    };
  return applyCorrection(
    {
      messageId: `<admin-${randomUUID()}@escalations.invalid>`,
      by: `admin:${admin}`,
      at: deps.clock.now(),
      commands,
      target: { kind: 'case', ref },
    },
    mailbox,
    deps,
  );
}

/** A case as an admin reads it: its state, current deadlines and history, addresses only. */
export function caseSummary(current: Case, deps: Pick<CorrectionDependencies, 'deployment'>): Record<string, unknown> {
  const mailbox = deps.deployment.mailboxes.find((m) => m.address === current.mailbox);
  const deadlines = mailbox ? caseDeadlines(current, mailbox.policy, deps.deployment.closureDays) : [];
  return {
    ref: current.ref,
    policy: current.policyId,
    mailbox: current.mailbox,
    status: current.status,
    stage: current.stage,
    openedAt: current.openedAt,
    stageStartedAt: current.stageStartedAt,
    deadlines: deadlines.map((d) => ({
      kind: d.kind,
      stage: d.stage,
      label: d.label,
      due: isoLocal(d.due, mailbox?.policy.timezone ?? 'Europe/London'),
    })),
    messages: current.messages,
    history: current.history,
  };
}
