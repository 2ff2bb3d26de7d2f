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
import { decideOnStage } from '../../lib/cases/hypothetical.js';
import type { Outcome } from '../../lib/cases/route.js';
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
  usage: '<file.eml>...',
  description: 'the messages, as raw MIME: one JSON object per line with --json when several are given',
  schema: z.array(z.string()).min(1, { error: 'explain takes one or more .eml files' }),
};

export const explain = defineCommand({
  name: 'explain',
  summary:
    'What the product understood of each message: people, flags, verdicts, new text, signals with their evidence, and the outcome ingest would take.',
  options: OPTIONS,
  positionals: POSITIONALS,
  examples: [
    'explain --policy swindon --stage 2 test/fixtures/mail/swindon-02-escalate-stage3-outlook.eml',
    'explain --policy swindon --json examples/swindon/*.eml',
  ],
  run: explainCommand,
});

/** What the product understood of one message, for the admin who wants to know why it did what it did. */
async function explainCommand(args: Args<typeof OPTIONS, typeof POSITIONALS.schema>, io: Io): Promise<void> {
  const policy = await resolvePolicy(args.policy);
  if (args.stage !== undefined) findStage(policy, args.stage);
  const several = args.positionals.length > 1;
  let failed = 0;
  for (const path of args.positionals) {
    let explained: { message: Message; reading: Reading; outcome: Outcome };
    try {
      const raw = await readFile(path).catch((error: unknown) => {
        throw new UsageError(`explain: cannot read '${path}' (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
      });
      const message = await parseMessage(raw, { ownLoop: LOCAL_SENDER });
      const { reading, outcome } = decideOnStage(message, policy, args.stage, { includeHistory: true });
      explained = { message, reading, outcome };
    } catch (error) {
      // One file that cannot be read never stops the others: its line says why.
      if (!several) throw error;
      failed++;
      io.out(
        args.json
          ? JSON.stringify({ file: path, error: (error as Error).message })
          : `${path}\n  cannot be explained: ${(error as Error).message}\n`,
      );
      continue;
    }
    const { message, reading, outcome } = explained;
    if (args.json) io.out(JSON.stringify({ file: path, ...asJson(message, reading), outcome }, null, several ? undefined : 2));
    else io.out(`${several ? `${path}\n` : ''}${asText(message, reading, policy, args.stage, outcome)}${several ? '\n' : ''}`);
  }
  if (failed > 0) throw new UsageError(`explain: ${failed} of ${args.positionals.length} files could not be explained`);
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
      raisesDisagreement: reading.raisesDisagreement ?? false,
      namedStage: reading.namedStage ?? null,
      frame: reading.frame ?? null,
      review: reading.review,
    },
  };
}

const person = (p: Participant) => (p.name ? `${p.name} <${p.address}>` : p.address);

function asText(message: Message, reading: Reading, policy: Policy, currentStage: string | undefined, decided: Outcome): string {
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
  lines.push('', `Outcome  ${outcome(message, decided, policy)}`);
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
        'after-failed': 'names as failed the stage before',
        'writer-manages': "is written by the practitioner's manager, at the line manager's stage:",
        'writer-role': 'is written by someone in a role the policy gives',
        role: 'escalates (to a role the policy gives it) to',
        next: "escalates (to 'the next stage') to",
        past: 'mentions, in the past or of another case,',
        conditional: 'mentions, under a condition,',
        negated: 'mentions, negated,',
        question: 'asks about escalating to',
        modal: 'mentions, as a possibility or a wish,',
        counterfactual: 'mentions, as a step not taken,',
        history: 'quoted history mentions',
        'other-procedure': "mentions, of another procedure (not this policy's)",
        ladder: 'mentions, setting out the stages one by one,',
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
    case 'disagreement':
      return 'raises a disagreement with a decision';
    case 'frame':
      return `is about other business (${signal.frame})`;
  }
}

function outcome(message: Message, decided: Outcome, policy: Policy): string {
  const title = (stage: string | undefined) => (stage ? stageTitle(policy, findStage(policy, stage)) : '');
  switch (decided.kind) {
    case 'ignored':
      if (message.flags.ownMail) return "ignored: the system's own mail";
      if (message.flags.bounce) return 'ignored: a bounce';
      if (message.flags.autoReply) return 'ignored: an automatic reply';
      return `ignored: ${decided.reason ?? ''}`;
    case 'unrelated':
      return 'unrelated to the resolution process: ignored, unless its thread belongs to a case';
    case 'review':
      return `sent to the partnership for review: ${decided.reason ?? ''}`;
    case 'open':
      return `opens a case at ${title(decided.stage)}`;
    case 'escalate':
      return `escalates the case to ${title(decided.stage)} (never backwards)`;
    case 'resolve':
      return 'resolves the case';
    case 'note':
      return `recorded on the case as a note${decided.reason ? `: ${decided.reason}` : ''}`;
  }
}
