import { LocalStoreError } from '../lib/local/embedded-dynamo.js';
import { LocalConfigError } from '../lib/local/local-config.js';
import { UnreadableMailError } from '../lib/mail/errors.js';
import { InvalidPolicyError, UnknownPolicyError, UnknownStageError } from '../lib/policy/errors.js';
import { CASE_USAGE, caseCommand } from './commands/case.js';
import { DEADLINE_USAGE, deadlineCommand } from './commands/deadline.js';
import { EXPLAIN_USAGE, explainCommand } from './commands/explain.js';
import { POLICIES_USAGE, policiesCommand } from './commands/policies.js';
import { REDRIVE_USAGE, redriveCommand } from './commands/redrive.js';
import { REPLAY_USAGE, replayCommand } from './commands/replay.js';
import { REPORT_USAGE, reportCommand } from './commands/report.js';
import { SERVE_USAGE, serveCommand } from './commands/serve.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

const COMMANDS: Record<string, { usage: string; run: (argv: readonly string[], io: Io) => Promise<void> }> = {
  policies: { usage: POLICIES_USAGE, run: policiesCommand },
  deadline: { usage: DEADLINE_USAGE, run: deadlineCommand },
  explain: { usage: EXPLAIN_USAGE, run: explainCommand },
  replay: { usage: REPLAY_USAGE, run: replayCommand },
  serve: { usage: SERVE_USAGE, run: serveCommand },
  report: { usage: REPORT_USAGE, run: reportCommand },
  case: { usage: CASE_USAGE, run: caseCommand },
  redrive: { usage: REDRIVE_USAGE, run: redriveCommand },
};

const USAGE = ['usage: npm run --silent escalations -- <command>', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n');

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
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`escalations: unknown command '${name}': use one of ${Object.keys(COMMANDS).join(', ')}`);
    return 2;
  }
  try {
    await command.run(rest, io);
    return 0;
  } catch (error) {
    if (USER_ERRORS.some((kind) => error instanceof kind)) {
      io.err(`escalations: ${(error as Error).message}`);
      return 2;
    }
    io.err(`escalations: internal error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
