import { DateTime } from 'luxon';
import { union, type Case, type CaseEvent, type HistoryEntry } from '../cases/case.js';
import type { Policy } from '../policy/schema.js';
import { describeCommand, type Command } from './commands.js';

/** Who corrects what, and when. */
export interface CorrectionContext {
  policy: Policy;
  /** When the command arrived: the new stage's clock starts here. */
  at: DateTime;
  /** The address that sent the command (or `admin:<name>` from the command line). */
  by: string;
  /** The command message's id (or an admin command's id): a retry finds it in the history and changes nothing. */
  messageId: string;
}

export type Corrected = { case: Case; event: CaseEvent; done: string[] } | { refused: string };

/** Events a command writes: a case that has one for this message id has had the command applied. */
const COMMAND_EVENTS: ReadonlySet<CaseEvent> = new Set(['corrected', 'withdrawn', 'merged']);

export const appliedAlready = (current: Case, messageId: string): boolean =>
  current.history.some((entry) => entry.messageId === messageId && COMMAND_EVENTS.has(entry.event));

/**
 * `#stage`, `#resolved`, `#reopen`, `#not-a-case` and `#due` on one case. Pure, and all or
 * nothing: the first command that cannot apply refuses the lot, with the reason.
 */
export function correctCase(current: Case, commands: readonly Command[], context: CorrectionContext): Corrected {
  const { policy } = context;
  if (current.policyId !== policy.id) return { refused: `case ${current.ref} is under another policy (${current.policyId})` };
  const at = context.at.toUTC().toISO() ?? '';
  let next: Case = { ...current };
  let event: CaseEvent = 'corrected';
  const done: string[] = [];
  // In this order, so "#reopen" with "#stage 3" and "#due …" reads as one decision.
  const order: Command['kind'][] = ['reopen', 'stage', 'due', 'resolved', 'not-a-case'];
  const sorted = [...commands].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  for (const command of sorted) {
    switch (command.kind) {
      case 'reopen':
        if (next.status === 'open') return { refused: `case ${current.ref} is open already: #reopen changes nothing` };
        next = { ...next, status: 'open', resolvedAt: null, stageStartedAt: at, agreedDue: null };
        done.push(`reopened at stage ${next.stage}; its deadlines start again from now`);
        break;
      case 'stage': {
        if (!policy.stages.some((s) => s.id === command.stage)) {
          return { refused: `${policy.title} has no stage ${command.stage} (its stages: ${policy.stages.map((s) => s.id).join(', ')})` };
        }
        if (next.status !== 'open') return { refused: `case ${current.ref} is ${next.status}: send #reopen first (or with it)` };
        const was = next.stage;
        next = { ...next, stage: command.stage, stageStartedAt: at, agreedDue: null };
        done.push(was === command.stage ? `stage ${was} started again from now` : `moved from stage ${was} to stage ${command.stage}`);
        break;
      }
      case 'due': {
        if (next.status !== 'open') return { refused: `case ${current.ref} is ${next.status}: a deadline needs an open case` };
        const due = DateTime.fromISO(command.date, { zone: policy.timezone }).set({ hour: 17 });
        if (!due.isValid || due <= context.at) return { refused: `${command.date}, 17:00 has passed: #due needs a date to come` };
        next = { ...next, agreedDue: { stage: next.stage, stageStartedAt: next.stageStartedAt, due: due.toUTC().toISO() } };
        done.push(`stage ${next.stage}'s deadline set to ${command.date}, 17:00`);
        break;
      }
      case 'resolved':
        if (next.status !== 'open') return { refused: `case ${current.ref} is ${next.status} already` };
        next = { ...next, status: 'resolved', resolvedAt: at };
        done.push(`resolved at stage ${next.stage}`);
        break;
      case 'not-a-case':
        if (next.status === 'withdrawn') return { refused: `case ${current.ref} is withdrawn already` };
        next = { ...next, status: 'withdrawn', resolvedAt: null };
        event = 'withdrawn';
        done.push('withdrawn: it sends no more reminders and is left out of the figures');
        break;
      default:
        return { refused: `${describeCommand(command)} does not apply to a case` };
    }
  }
  const entry = historyEntry(next, event, context, sorted.map(describeCommand).join(', '));
  return { case: { ...next, history: [...current.history, entry], version: current.version + 1 }, event, done };
}

export type Merged = { source: Case; into: Case; done: string[] } | { refused: string };

/**
 * `#merge <REF>`: the case's messages, people and thread keys join `into`, and the case is
 * withdrawn with a `merged` entry pointing there. Pure; the caller moves the thread keys.
 */
export function mergeCases(source: Case, into: Case, context: CorrectionContext): Merged {
  if (source.ref === into.ref) return { refused: `case ${source.ref} cannot be merged into itself` };
  if (into.policyId !== source.policyId || into.mailbox !== source.mailbox)
    return { refused: `case ${into.ref} belongs to another mailbox or policy` };
  if (into.status === 'withdrawn') return { refused: `case ${into.ref} is withdrawn: merge into a case that stands` };
  if (source.status === 'withdrawn') return { refused: `case ${source.ref} is withdrawn already` };
  const note = `${source.ref} merged into ${into.ref}`;
  const moved = source.messages.filter((id) => !into.messages.includes(id));
  const joined: Case = {
    ...into,
    messages: [...into.messages, ...moved],
    participants: union(into.participants, source.participants),
    domains: union(into.domains, source.domains),
    threadKeys: union(into.threadKeys, source.threadKeys),
    history: [...into.history, historyEntry(into, 'merged', context, note)],
    version: into.version + 1,
  };
  const left: Case = {
    ...source,
    status: 'withdrawn',
    resolvedAt: null,
    history: [...source.history, historyEntry({ ...source, status: 'withdrawn' }, 'merged', context, note)],
    version: source.version + 1,
  };
  return { source: left, into: joined, done: [`${note}: its ${moved.length} message(s) and thread now belong to ${into.ref}`] };
}

function historyEntry(current: Case, event: CaseEvent, context: CorrectionContext, note: string): HistoryEntry {
  return {
    at: context.at.toUTC().toISO() ?? '',
    event,
    stage: current.stage,
    messageId: context.messageId,
    from: context.by,
    note,
    to: [],
    status: current.status,
  };
}
