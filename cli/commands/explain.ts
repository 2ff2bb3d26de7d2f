import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import * as z from 'zod';
import { shortDateTime } from '../../lib/calendar/wording.js';
import type { Message, Participant } from '../../lib/mail/message.js';
import { LOCAL_SENDER } from '../../lib/local/local-config.js';
import { parseMessage } from '../../lib/mail/parse.js';
import { resolvePolicy } from '../../lib/policy/registry.js';
import type { Policy } from '../../lib/policy/schema.js';
import { findStage, stageTitle } from '../../lib/policy/stages.js';
import { readSignals } from '../../lib/signals/read.js';
import type { Reading, Signal } from '../../lib/signals/types.js';
import { policyOption } from '../args.js';
import { defineCommand, option, type Args } from '../command.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';

const OPTIONS = {
  policy: policyOption(),
  stage: option.string('<id>', "the case's current stage, if the message belongs to one", z.string().optional()),
  json: option.flag('print one JSON object instead of text'),
};

const POSITIONALS = {
  usage: '<file.eml>',
  description: 'the message, as raw MIME',
  schema: z.array(z.string()).length(1, { error: 'explain takes exactly one .eml file' }),
};

export const explain = defineCommand({
  name: 'explain',
  summary:
    'What the product understood of one message: people, flags, verdicts, new text, signals with their evidence, and what it would do.',
  options: OPTIONS,
  positionals: POSITIONALS,
  examples: ['explain --policy swindon --stage 2 test/fixtures/mail/swindon-02-escalate-stage3-outlook.eml'],
  run: explainCommand,
});

/** What the product understood of one message, for the admin who wants to know why it did what it did. */
async function explainCommand(args: Args<typeof OPTIONS, typeof POSITIONALS.schema>, io: Io): Promise<void> {
  const policy = await resolvePolicy(args.policy);
  if (args.stage !== undefined) findStage(policy, args.stage);
  const path = args.positionals[0] ?? '';
  const raw = await readFile(path).catch((error: unknown) => {
    throw new UsageError(`explain: cannot read '${path}' (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
  });
  const message = await parseMessage(raw, { ownLoop: LOCAL_SENDER });
  const reading = readSignals(message, policy, { currentStage: args.stage }, { includeHistory: true });
  io.out(args.json ? JSON.stringify(asJson(message, reading), null, 2) : asText(message, reading, policy, args.stage));
}

function asJson(message: Message, reading: Reading) {
  return {
    messageId: message.messageId,
    date: message.date?.toISOString() ?? null,
    from: message.from,
    to: message.to,
    cc: message.cc,
    subject: message.subject,
    cleanSubject: message.cleanSubject,
    referenceTags: message.referenceTags,
    inReplyTo: message.inReplyTo,
    references: message.references,
    attachments: message.attachments,
    forwarded: message.forwarded,
    flags: message.flags,
    flagReasons: message.flagReasons,
    verdicts: message.verdicts,
    newText: message.newText,
    signals: reading.signals,
    reading: {
      escalateTo: reading.escalateTo,
      resolved: reading.resolved,
      forms: reading.forms,
      aboutProcess: reading.aboutProcess,
      review: reading.review,
    },
  };
}

const person = (p: Participant) => (p.name ? `${p.name} <${p.address}>` : p.address);

function asText(message: Message, reading: Reading, policy: Policy, currentStage: string | undefined): string {
  const tz = policy.timezone;
  const lines = [
    `Message  ${message.messageId}${message.messageIdDerived ? ' (no Message-ID: derived from the bytes)' : ''}`,
    `Date     ${message.date ? shortDateTime(DateTime.fromJSDate(message.date), tz) : 'missing or invalid'}`,
    `From     ${message.from ? person(message.from) : 'missing'}`,
    `To       ${message.to.map(person).join(', ') || '—'}`,
    `Cc       ${message.cc.map(person).join(', ') || '—'}`,
    `Subject  ${message.subject || '—'}`,
    `         read as "${message.cleanSubject}"${message.referenceTags.length ? `, case reference ${message.referenceTags.join(', ')}` : ''}`,
    `Thread   ${message.inReplyTo ? `replies to ${message.inReplyTo}` : 'starts a thread'}; ${message.references.length} earlier message(s) referenced`,
    `Files    ${message.attachments.map((a) => `${a.filename ?? '(unnamed)'} (${a.contentType}, ${a.size} bytes)`).join(', ') || 'none'}`,
  ];
  for (const forwarded of message.forwarded) {
    lines.push(
      `Forwarded/quoted mail from ${forwarded.from.map(person).join(', ') || 'unknown'}: its people count, its text gives no signals`,
    );
  }
  lines.push('', `Flags    ${message.flagReasons.join('; ') || 'none: written by a person'}`);
  const v = message.verdicts;
  lines.push(
    `Verdicts spam ${v.spam ?? '—'}, virus ${v.virus ?? '—'}, SPF ${v.spf ?? '—'}, DKIM ${v.dkim ?? '—'}, DMARC ${v.dmarc ?? '—'} (— = no verdict given)`,
  );
  lines.push('', 'New text (only what the sender wrote in this message):');
  lines.push(...(message.newText ? message.newText.split('\n').map((line) => `  | ${line}`) : ['  (none)']));
  lines.push(
    '',
    `Signals, read with policy '${policy.id}'${currentStage ? ` and the case at stage ${currentStage}` : ' for a message with no case yet'}:`,
  );
  if (reading.signals.length === 0) lines.push('  none');
  for (const signal of reading.signals)
    lines.push(`  - ${describeSignal(signal, policy)} [${signal.strength}]`, `      "${signal.evidence}"`);
  lines.push('', `Outcome  ${outcome(message, reading, policy)}`);
  return lines.join('\n');
}

function describeSignal(signal: Signal, policy: Policy): string {
  switch (signal.kind) {
    case 'stage': {
      const title = stageTitle(policy, findStage(policy, signal.stage));
      const how: Record<typeof signal.how, string> = {
        phrase: 'escalates to',
        subject: 'escalates (subject names a higher stage) to',
        form: "escalates (the stage's form is sent) to",
        mention: 'mentions',
        past: 'mentions, in the past,',
        conditional: 'mentions, under a condition,',
        negated: 'mentions, negated,',
        question: 'asks about escalating to',
        history: 'quoted history mentions',
      };
      return `${how[signal.how]} ${title}`;
    }
    case 'escalation':
      return 'escalates without naming a stage';
    case 'resolution':
      return signal.resolved ? 'says the disagreement is resolved' : `speaks of resolution (${signal.how}): not a resolution`;
    case 'form':
      return `${signal.attached ? 'sends' : 'mentions'} the form '${policy.forms.find((f) => f.id === signal.form)?.name ?? signal.form}' (${signal.via})`;
    case 'process':
      return 'uses the words of the resolution process';
  }
}

function outcome(message: Message, reading: Reading, policy: Policy): string {
  if (message.flags.ownMail) return "ignored: the system's own mail";
  if (message.flags.bounce) return 'ignored: a bounce';
  if (message.flags.autoReply) return 'ignored: an automatic reply';
  if (message.verdicts.spam === 'FAIL' || message.verdicts.virus === 'FAIL') return 'ignored: spam or virus verdict FAIL';
  if (reading.review) return `sent to the partnership for review: ${reading.review}`;
  if (reading.escalateTo) return `escalates the case to ${stageTitle(policy, findStage(policy, reading.escalateTo))} (never backwards)`;
  if (reading.resolved) return 'resolves the case';
  return reading.aboutProcess
    ? 'about the resolution process: opens a case if it belongs to none, else a note'
    : 'unrelated to the resolution process, unless its thread belongs to a case';
}
