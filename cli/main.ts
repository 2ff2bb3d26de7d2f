import { LocalStoreError } from '../lib/local/errors.js';
import { LocalConfigError } from '../lib/local/local-config.js';
import { UnreadableMailError } from '../lib/mail/errors.js';
import { InvalidPolicyError, UnknownPolicyError, UnknownStageError } from '../lib/policy/errors.js';
import pkg from '../package.json' with { type: 'json' };
import { HelpRequested, type Command } from './command.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

/**
 * Every command, in the order the help lists them. A new command is declared with defineCommand
 * (cli/command.ts) in its own module and added here. Each is loaded only when used: `policies`
 * need not load the mail parser and the AWS SDK that `replay` needs (about 0.5 s of start-up).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  policies: async () => (await import('./commands/policies.js')).policies,
  deadline: async () => (await import('./commands/deadline.js')).deadline,
  explain: async () => (await import('./commands/explain.js')).explain,
  replay: async () => (await import('./commands/replay.js')).replay,
  serve: async () => (await import('./commands/serve.js')).serve,
  report: async () => (await import('./commands/report.js')).report,
  demo: async () => (await import('./commands/demo.js')).demo,
  case: async () => (await import('./commands/case.js')).caseCommand,
  redrive: async () => (await import('./commands/redrive.js')).redrive,
};
const NAMES = Object.keys(COMMANDS);

/** The command of that name, or undefined. */
async function load(name: string | undefined): Promise<Command | undefined> {
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name]?.() : undefined;
}

async function topLevelHelp(): Promise<string> {
  const commands = await Promise.all(NAMES.map(async (name) => (await load(name)) as Command));
  const width = Math.max(...NAMES.map((name) => name.length));
  return [
    'usage: npm run --silent escalations -- <command> [options]',
    '',
    'The escalation mailbox on this machine: tracks professional-disagreement escalations from the mail a',
    'safeguarding partnership is copied on, and reminds managers before and after each deadline of its policy.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Each command explains itself: `<command> --help` (or -h) gives its options, their meaning and an example.',
    '',
    'Examples:',
    '  npm run --silent escalations -- policies swindon',
    '  npm run --silent escalations -- deadline --policy swindon --stage 3 --from 2026-12-23',
    '  npm run --silent escalations -- deadline --help',
    '  npm start                      # serve: the local runtime, with a sample mailbox',
    '',
    'Options: -h, --help  this help;  -V, --version  the version',
  ].join('\n');
}

/** Errors the person at the keyboard can fix: one line, exit code 2. */
const USER_ERRORS = [
  UsageError,
  UnknownPolicyError,
  UnknownStageError,
  InvalidPolicyError,
  UnreadableMailError,
  LocalConfigError,
  LocalStoreError,
];

/** Runs one command; returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(await topLevelHelp());
    return 2;
  }
  if (name === '--help' || name === '-h') {
    io.out(await topLevelHelp());
    return 0;
  }
  if (name === '--version' || name === '-V') {
    io.out(`escalations ${pkg.version}`);
    return 0;
  }
  const command = await load(name === 'help' ? rest[0] : name);
  if (name === 'help') {
    io.out(command ? command.help() : await topLevelHelp());
    return 0;
  }
  if (!command) {
    io.err(`escalations: unknown command '${name}': use one of ${NAMES.join(', ')} (or --help)`);
    return 2;
  }
  try {
    await command.run(rest, io);
    return 0;
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.out(error.message);
      return 0;
    }
    if (USER_ERRORS.some((kind) => error instanceof kind)) {
      io.err(`escalations: ${(error as Error).message}`);
      return 2;
    }
    io.err(`escalations: internal error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
