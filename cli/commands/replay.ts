import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import * as z from 'zod';
import { replay as replayMessages, type StoredMessage } from '../../lib/local/replay.js';
import type { Attachment } from '../../lib/outgoing/mail.js';
import { parseMessage } from '../../lib/mail/parse.js';
import { LOCAL_SENDER } from '../../lib/local/local-config.js';
import { resolvePolicy } from '../../lib/policy/registry.js';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../../lib/report/build.js';
import { instantText, parseInstant, policyOption } from '../args.js';
import { defineCommand, option, type Args } from '../command.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';

const OPTIONS = {
  policy: policyOption(),
  mailbox: option.string(
    '<address>',
    'the partnership mailbox the messages were copied to',
    z.email({
      error: (issue) =>
        issue.input === undefined ? 'required: the partnership mailbox address the messages were copied to' : 'not an email address',
    }),
  ),
  until: option.string(
    '<instant|date>',
    "run the clock on to here after the last message, firing reminders (a date alone: the end of that day; default: the last message's time)",
    instantText().optional(),
  ),
  forms: option.string('<folder>', 'write every pre-filled Word form the cases produced into this folder', z.string().min(1).optional()),
  report: option.string(
    '<file.html|.csv|.json>',
    "write the replayed cases' monitoring report; the extension names the format",
    z
      .string()
      .refine((path) => (REPORT_FORMATS as readonly string[]).includes(formatOf(path)), {
        error: `the file name must end in ${REPORT_FORMATS.map((f) => `.${f}`).join(', ')}: its extension names the format`,
      })
      .optional(),
  ),
};
const POSITIONALS = {
  usage: '<file.eml|folder>...',
  description: 'messages as raw MIME: files, or folders of .eml files',
  schema: z.array(z.string()).min(1, { error: 'give at least one .eml file or folder of them' }),
};

export const replay = defineCommand({
  name: 'replay',
  summary:
    'Runs the real ingest path over stored messages with a virtual clock and prints one JSON document: cases, outbox, ignored, review.',
  description:
    'Messages are processed in the order of their Date headers (ties by file name), each at its Date; reminders due in\n' +
    'between fire at their times. The document is described in docs/design.md, "Replay".',
  options: OPTIONS,
  positionals: POSITIONALS,
  examples: [
    'replay --policy swindon --mailbox safeguardingpartnership@swindon.example --until 2027-01-31 examples/swindon',
    'replay --policy swindon --mailbox safeguardingpartnership@swindon.example --report report.html --forms forms/ examples/swindon',
  ],
  run: replayCommand,
});

/** The real ingest path over stored messages with a virtual clock: one JSON document on standard output. */
async function replayCommand(args: Args<typeof OPTIONS, typeof POSITIONALS.schema>, io: Io): Promise<void> {
  const policy = await resolvePolicy(args.policy);
  const until = args.until === undefined ? undefined : parseInstant('until', args.until, policy.timezone, 'end');
  const messages = (await Promise.all(args.positionals.map(messagesAt))).flat();
  const mailbox = args.mailbox.toLowerCase();
  if (!(await someAddressedTo(mailbox, messages)))
    io.err(`escalations: replay: warning: no message is addressed to ${mailbox} (To or Cc): is --mailbox the address they were copied to?`);
  const folder = args.forms;
  if (folder !== undefined) await mkdir(folder, { recursive: true }).catch(cannotWrite(folder));
  // Forms are written as they are sent, then dropped: a long replay keeps none in memory.
  const onForm =
    folder === undefined
      ? undefined
      : (form: Attachment) => writeFile(join(folder, form.filename), form.content).catch(cannotWrite(folder));
  const result = await replayMessages({
    policy,
    mailbox,
    messages,
    ...(until ? { until } : {}),
    ...(onForm ? { onForm } : {}),
    report: args.report !== undefined,
  });
  for (const problem of result.unreadable) io.err(`escalations: replay: skipped ${problem.name}: ${problem.reason}`);
  if (args.report !== undefined && result.report) {
    const report = renderReport(result.report, formatOf(args.report) as ReportFormat);
    await writeFile(args.report, report).catch(cannotWrite(args.report));
  }
  io.out(JSON.stringify(result.document, null, 2));
}

const cannotWrite = (path: string) => (error: unknown) => {
  throw new UsageError(`replay: cannot write to '${path}': ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
};

/** `report.html` → `html`. */
function formatOf(path: string): string {
  return extname(path).slice(1).toLowerCase();
}

/** A file, or every .eml file in a folder (by name). */
async function messagesAt(path: string): Promise<StoredMessage[]> {
  const info = await stat(path).catch((error: unknown) => {
    throw new UsageError(`replay: no such file or folder '${path}'`, { cause: error });
  });
  if (info.isFile()) return [{ name: basename(path), read: () => readFile(path) }];
  const names = (await readdir(path)).filter((name) => name.toLowerCase().endsWith('.eml')).sort();
  if (names.length === 0) throw new UsageError(`replay: folder '${path}' has no .eml files`);
  return names.map((name) => ({ name, read: () => readFile(join(path, name)) }));
}

/** Whether any readable message names the mailbox among its recipients (a typo in --mailbox makes every message unrelated). */
async function someAddressedTo(mailbox: string, messages: readonly StoredMessage[]): Promise<boolean> {
  for (const stored of messages) {
    const message = await parseMessage(await stored.read(), { ownLoop: LOCAL_SENDER }).catch(() => null);
    if (message && [...message.to, ...message.cc].some((p) => p.address.toLowerCase() === mailbox)) return true;
  }
  return false;
}
