import { DateTime } from 'luxon';
import { describeDue, shortDateTime } from '../calendar/wording.js';
import { isClosureCopy } from '../forms/model.js';
import { calendarFor } from '../policy/calendar.js';
import { stageDeadlines } from '../policy/deadlines.js';
import type { Policy } from '../policy/schema.js';
import { findStage, stageTitle } from '../policy/stages.js';
import type { ReplayDocument } from './replay.js';

const EVENT_WORDS: Record<string, string> = {
  opened: 'opened at',
  advanced: 'advanced to',
  resolved: 'resolved at',
  reopened: 'reopened at',
  noted: 'noted a message at',
};

/**
 * A replayed case as a person reads it: when it opened, each stage and its deadline, each email
 * sent, how it ended. `forms` are the Word forms the run sent (replay's `forms`), by file name.
 */
export function timeline(document: ReplayDocument, policy: Policy, forms: readonly { filename: string }[] = []): string {
  const tz = policy.timezone;
  const calendar = calendarFor(policy);
  const blocks = document.cases.map((c) => {
    const entries: { at: DateTime; line: string }[] = [];
    for (const event of c.history) {
      const at = DateTime.fromISO(event.at);
      const title = stageTitle(policy, findStage(policy, event.stage));
      let line = `${EVENT_WORDS[event.event] ?? event.event} ${title}`;
      if (event.event === 'opened' || event.event === 'advanced' || event.event === 'reopened') {
        const due = stageDeadlines(
          policy,
          { stageId: event.stage, stageStartedAt: at, caseOpenedAt: DateTime.fromISO(c.openedAt) },
          calendar,
        ).find((d) => d.kind === 'deadline');
        line += due ? `, deadline ${describeDue(due.due, tz)}` : ', no deadline of its own';
      }
      entries.push({ at, line });
    }
    const closureForms = forms.filter((f) => isClosureCopy(f.filename, c.ref)).length;
    for (const mail of document.outbox.filter((m) => m.caseRef === c.ref)) {
      entries.push({ at: DateTime.fromISO(mail.at), line: mailLine(mail, closureForms) });
    }
    entries.sort((a, b) => a.at.toMillis() - b.at.toMillis());
    const last = c.history.at(-1);
    const days = last ? Math.round(DateTime.fromISO(last.at).diff(DateTime.fromISO(c.openedAt), 'days').days) : 0;
    const ending =
      c.status === 'resolved'
        ? `resolved at ${stageTitle(policy, findStage(policy, c.stage))}, ${days} days after it opened`
        : `still open at ${stageTitle(policy, findStage(policy, c.stage))}${c.deadlines.length ? `; next due ${describeDue(DateTime.fromISO(c.deadlines[0]?.due ?? ''), tz)}` : ''}`;
    return [
      `${c.ref}  ${policy.partnership}, ${policy.title}`,
      ...entries.map((e) => `  ${shortDateTime(e.at, tz).padEnd(27)} ${e.line}`),
      `  Outcome: ${ending}.`,
    ].join('\n');
  });
  const extras = [
    ...document.ignored.map((i) => `  ignored ${i.messageId}: ${i.reason}`),
    ...document.review.map((r) => `  sent for review ${r.messageId}: ${r.reason}`),
  ];
  return [...blocks, ...(extras.length ? [`Other messages\n${extras.join('\n')}`] : [])].join('\n\n');
}

/** What an email was, in a line: reminders by whom they reached, records by what they carried. */
function mailLine(mail: ReplayDocument['outbox'][number], closureForms: number): string {
  if (mail.kind === 'form') return 'pre-filled form emailed to the partnership';
  if (mail.kind === 'closure')
    return `closure summary emailed to the partnership, ${closureForms ? `with ${closureForms} form${closureForms === 1 ? '' : 's'}` : 'no form due'}`;
  const people = mail.to.length + mail.cc.length;
  return `${mail.kind} email to ${people} ${people === 1 ? 'person' : 'people'}${mail.cc.length ? ' (the partnership copied)' : ''}`;
}
