import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import * as z from 'zod';
import { replay, type StoredMessage } from '../../lib/local/replay.js';
import type { Attachment } from '../../lib/outgoing/mail.js';
import { resolvePolicy } from '../../lib/policy/registry.js';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../../lib/report/build.js';
import { parseCommandArgs, parseInstant } from '../args.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';

export const REPLAY_USAGE =
  'replay --policy <id|file.json> --mailbox <address> [--until <ISO instant>] [--forms <folder>] [--report <file.html|.csv|.json>] <file.eml|folder>...';

const ArgsSchema = z.object({
  policy: z.string({ error: 'required: a built-in policy id (see `policies`) or the path of a policy .json file' }),
  mailbox: z.email({
    error: (issue) =>
      issue.input === undefined ? 'required: the partnership mailbox address the messages were copied to' : 'not an email address',
  }),
  until: z.string().optional(),
  forms: z.string().min(1).optional(),
  report: z
    .string()
    .refine((path) => (REPORT_FORMATS as readonly string[]).includes(formatOf(path)), {
      error: `the file name must end in ${REPORT_FORMATS.map((f) => `.${f}`).join(', ')}: its extension names the format`,
    })
    .optional(),
  positionals: z.array(z.string()).min(1, { error: 'give at least one .eml file or folder of them' }),
});

/** The real ingest path over stored messages with a virtual clock: one JSON document on standard output. */
export async function replayCommand(argv: readonly string[], io: Io): Promise<void> {
  const args = parseCommandArgs(
    'replay',
    argv,
    {
      policy: { type: 'string' },
      mailbox: { type: 'string' },
      until: { type: 'string' },
      forms: { type: 'string' },
      report: { type: 'string' },
    },
    ArgsSchema,
  );
  const policy = await resolvePolicy(args.policy);
  const until = args.until === undefined ? undefined : parseInstant('until', args.until, policy.timezone);
  const messages = (await Promise.all(args.positionals.map(messagesAt))).flat();
  const folder = args.forms;
  if (folder !== undefined) await mkdir(folder, { recursive: true }).catch(cannotWrite(folder));
  // Forms are written as they are sent, then dropped: a long replay keeps none in memory.
  const onForm =
    folder === undefined
      ? undefined
      : (form: Attachment) => writeFile(join(folder, form.filename), form.content).catch(cannotWrite(folder));
  const result = await replay({
    policy,
    mailbox: args.mailbox.toLowerCase(),
    messages,
    ...(until ? { until } : {}),
    ...(onForm ? { onForm } : {}),
  });
  for (const problem of result.unreadable) io.err(`escalations: replay: skipped ${problem.name}: ${problem.reason}`);
  if (args.report !== undefined) {
    const report = renderReport(result.report(), formatOf(args.report) as ReportFormat);
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
