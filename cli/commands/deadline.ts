import * as z from 'zod';
import { describeTimescale } from '../../lib/calendar/timescale.js';
import { describeDue, isoLocal, shortDateTime } from '../../lib/calendar/wording.js';
import { calendarFor } from '../../lib/policy/calendar.js';
import { stageDeadlines, type Deadline } from '../../lib/policy/deadlines.js';
import { resolvePolicy } from '../../lib/policy/registry.js';
import type { Policy, Stage } from '../../lib/policy/schema.js';
import { findStage, stageTitle } from '../../lib/policy/stages.js';
import { instantText, parseInstant, policyOption } from '../args.js';
import { defineCommand, option, type Args } from '../command.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';

const OPTIONS = {
  policy: policyOption(),
  stage: option.string('<id>', "the stage's id, as `policies <id>` lists them", z.string({ error: "required: the stage's id, e.g. 3" })),
  from: option.string(
    '<instant|date>',
    'when the case entered the stage',
    instantText('required: the ISO 8601 instant or date the case entered the stage'),
  ),
  'case-opened': option.string(
    '<instant|date>',
    'when the case opened, if before the stage began (default: --from)',
    instantText().optional(),
  ),
  'closure-day': option.list(
    '<date>',
    'a day the partnership is closed, besides bank holidays',
    z.iso.date({ error: 'each closure day is a date such as 2026-12-29' }),
  ),
  json: option.flag('print one JSON document instead of text'),
};

export const deadline = defineCommand({
  name: 'deadline',
  summary: "One deadline calculation: a stage's target and deadline, when its reminders go, and the overall deadlines.",
  description:
    'Working days and hours run on England and Wales working days (bank holidays and closure days excluded); an\n' +
    "instant without an offset, or a date alone (the start of that day), is in the policy's timezone (Europe/London).",
  options: OPTIONS,
  examples: [
    'deadline --policy swindon --stage 3 --from 2026-12-23T10:00',
    'deadline --policy sunderland --stage 2 --from 2026-11-25 --json',
  ],
  run: deadlineCommand,
});

/** One deadline calculation: what a stage started at an instant owes, and when reminders go. */
async function deadlineCommand(args: Args<typeof OPTIONS>, io: Io): Promise<void> {
  const policy = await resolvePolicy(args.policy);
  const stage = findStage(policy, args.stage);
  const stageStartedAt = parseInstant('from', args.from, policy.timezone);
  const caseOpenedAt = args['case-opened'] ? parseInstant('case-opened', args['case-opened'], policy.timezone) : stageStartedAt;
  if (caseOpenedAt > stageStartedAt) throw new UsageError('--case-opened: a case opens before (or when) it enters a stage, not after');
  const deadlines = stageDeadlines(policy, { stageId: stage.id, stageStartedAt, caseOpenedAt }, calendarFor(policy, args['closure-day']));
  const tz = policy.timezone;

  if (args.json) {
    io.out(
      JSON.stringify(
        {
          policy: policy.id,
          stage: stage.id,
          stageStartedAt: isoLocal(stageStartedAt, tz),
          caseOpenedAt: isoLocal(caseOpenedAt, tz),
          closureDays: args['closure-day'],
          deadlines: deadlines.map((d) => ({
            kind: d.kind,
            stage: d.stage,
            id: d.id,
            label: d.label,
            timescale: d.timescale,
            due: isoLocal(d.due, tz),
            reminders: {
              dueSoon: d.dueSoonAt ? isoLocal(d.dueSoonAt, tz) : null,
              overdue: d.overdueAt ? isoLocal(d.overdueAt, tz) : null,
            },
          })),
        },
        null,
        2,
      ),
    );
    return;
  }
  io.out(
    renderText(
      policy,
      stage,
      { stageStartedAt: shortDateTime(stageStartedAt, tz), caseOpenedAt: shortDateTime(caseOpenedAt, tz) },
      deadlines,
    ),
  );
}

const KIND_TITLES: Record<Deadline['kind'], string> = { target: 'Target', deadline: 'Deadline', overall: 'Overall' };

function renderText(
  policy: Policy,
  stage: Stage,
  started: { stageStartedAt: string; caseOpenedAt: string },
  deadlines: Deadline[],
): string {
  const tz = policy.timezone;
  const lines = [
    `${policy.partnership} — ${policy.title} (${policy.id})`,
    `${stageTitle(policy, stage)}: ${stage.owner}`,
    `Stage started  ${started.stageStartedAt}`,
    `Case opened    ${started.caseOpenedAt}`,
    '',
  ];
  if (deadlines.length === 0) lines.push('No deadline applies at this stage.');
  for (const deadline of deadlines) {
    lines.push(`${KIND_TITLES[deadline.kind]}: ${describeDue(deadline.due, tz)} (${isoLocal(deadline.due, tz)})`);
    lines.push(`  ${deadline.label}`);
    if (deadline.kind === 'target') {
      lines.push('  (the deadline is due soon from here: no reminders of its own)');
    } else {
      lines.push(
        `  due-soon reminder  ${deadline.dueSoonAt ? shortDateTime(deadline.dueSoonAt, tz) : `none (${noDueSoonReason(deadline)})`}`,
      );
      lines.push(`  overdue notice     ${deadline.overdueAt ? shortDateTime(deadline.overdueAt, tz) : 'none'}`);
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

function noDueSoonReason(deadline: Deadline): string {
  return deadline.timescale.unit === 'hours'
    ? `an hour deadline with no target: ${describeTimescale(deadline.timescale)} is too short`
    : 'the working day before is not after the start';
}
