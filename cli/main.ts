import { LocalStoreError } from '../lib/local/embedded-dynamo.js';
import { LocalConfigError } from '../lib/local/local-config.js';
import { UnreadableMailError } from '../lib/mail/errors.js';
import { InvalidPolicyError, UnknownPolicyError, UnknownStageError } from '../lib/policy/errors.js';
import pkg from '../package.json' with { type: 'json' };
import { HelpRequested, type Command } from './command.js';
import { deadline } from './commands/deadline.js';
import { demo } from './commands/demo.js';
import { explain } from './commands/explain.js';
import { policies } from './commands/policies.js';
import { replay } from './commands/replay.js';
import { report } from './commands/report.js';
import { serve } from './commands/serve.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

/** Every command, in the order the help lists them. A new command is declared with defineCommand (cli/command.ts) and added here. */
const COMMANDS: readonly Command[] = [policies, deadline, explain, replay, serve, report, demo];

function topLevelHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: npm run --silent escalations -- <command> [options]',
    '',
    'The escalation mailbox on this machine: tracks professional-disagreement escalations from the mail a',
    'safeguarding partnership is copied on, and reminds managers before and after each deadline of its policy.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Each command explains itself: `<command> --help` (or -h) gives its options, their meaning and an example.',
    '  npm run --silent escalations -- deadline --help',
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
    io.err(topLevelHelp());
    return 2;
  }
  if (name === '--help' || name === '-h') {
    io.out(topLevelHelp());
    return 0;
  }
  if (name === '--version' || name === '-V') {
    io.out(`escalations ${pkg.version}`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === (name === 'help' ? rest[0] : name));
  if (name === 'help') {
    io.out(command ? command.help() : topLevelHelp());
    return 0;
  }
  if (!command) {
    io.err(`escalations: unknown command '${name}': use one of ${COMMANDS.map((c) => c.name).join(', ')} (or --help)`);
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
