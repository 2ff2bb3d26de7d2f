import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DateTime } from 'luxon';
import * as z from 'zod';
import { option } from './command.js';
import { UsageError } from './errors.js';

/** The shape of an ISO 8601 date and time; the offset is optional (then it is local time). */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
/** A day alone, where a day is what is meant. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The option every command that works under a policy takes. */
export const policyOption = () =>
  option.string(
    '<id|file.json>',
    'a built-in policy id (see `policies`) or the path of a policy .json file',
    z.string({ error: 'required: a built-in policy id (see `policies`) or the path of a policy .json file' }),
  );

/**
 * An instant or a day, checked for shape here and read in the policy's timezone by parseInstant
 * once the policy is known.
 */
export const instantText = (required = 'an ISO 8601 instant or date') =>
  z.string({ error: required }).refine((value) => ISO_INSTANT.test(value) || ISO_DATE.test(value), {
    error: (issue) =>
      `'${String(issue.input)}' is not an ISO 8601 instant or date such as 2026-12-23T10:00:00Z, 2026-12-23T10:00 (local time) or 2026-12-23`,
  });

/**
 * An instant given on the command line; without an offset it is the policy's local time. A date
 * alone is the start of that day, or its end where the option means "up to and including".
 */
export function parseInstant(option: string, text: string, timezone: string, day: 'start' | 'end' = 'start'): DateTime {
  const instant = ISO_INSTANT.test(text) || ISO_DATE.test(text) ? DateTime.fromISO(text, { zone: timezone }) : null;
  if (!instant?.isValid) {
    throw new UsageError(
      `--${option}: '${text}' is not an ISO 8601 instant or date such as 2026-12-23T10:00:00Z, 2026-12-23T10:00 (${timezone} time) or 2026-12-23`,
    );
  }
  const local = instant.setZone(timezone);
  return ISO_DATE.test(text) && day === 'end' ? local.endOf('day') : local;
}

/**
 * The older way, three declarations per option (parseArgs options, a zod schema, a usage line):
 * kept only so that a command written that way still builds; declare new commands with
 * defineCommand (cli/command.ts) instead, which derives all three from one.
 */
export function parseCommandArgs<S extends z.ZodType>(
  command: string,
  argv: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
  schema: S,
): z.infer<S> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    const first = ((error as Error).message.split('. ')[0] ?? 'invalid arguments').replace(/\.$/, '');
    throw new UsageError(
      `${command}: ${first} (accepted: ${Object.keys(options)
        .map((name) => `--${name}`)
        .join(', ')})`,
      { cause: error },
    );
  }
  const result = schema.safeParse({ ...parsed.values, positionals: parsed.positionals });
  if (!result.success) {
    const problems = result.error.issues.map((issue) =>
      issue.path[0] === undefined || issue.path[0] === 'positionals' ? issue.message : `--${String(issue.path[0])}: ${issue.message}`,
    );
    throw new UsageError(`${command}: ${problems.join('; ')}`, { cause: result.error });
  }
  return result.data;
}
