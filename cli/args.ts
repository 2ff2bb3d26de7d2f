import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DateTime } from 'luxon';
import type * as z from 'zod';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's arguments with node's own parser, then validates the values with zod, so
 * that every problem is a UsageError naming the option and what it accepts.
 */
export function parseCommandArgs<S extends z.ZodType>(command: string, argv: readonly string[], options: Options, schema: S): z.infer<S> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    // node's messages are clear but long: keep their first sentence and name what is accepted.
    const first = ((error as Error).message.split('. ')[0] ?? 'invalid arguments').replace(/\.$/, '');
    const accepted = Object.keys(options).map((name) => `--${name}`);
    throw new UsageError(`${command}: ${first} (accepted: ${accepted.join(', ')})`, { cause: error });
  }
  const result = schema.safeParse({ ...parsed.values, positionals: parsed.positionals });
  if (!result.success) {
    throw new UsageError(`${command}: ${result.error.issues.map(describeOptionIssue).join('; ')}`, { cause: result.error });
  }
  return result.data;
}

/** `--from: required: …`; problems with positional arguments keep their own words. */
function describeOptionIssue(issue: z.core.$ZodIssue): string {
  const option = issue.path[0];
  return option === 'positionals' || option === undefined ? issue.message : `--${String(option)}: ${issue.message}`;
}

/** The shape of an ISO 8601 date and time; the offset is optional (then it is local time). */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

/** An instant given on the command line; without an offset it is the policy's local time. */
export function parseInstant(option: string, text: string, timezone: string): DateTime {
  const instant = ISO_INSTANT.test(text) ? DateTime.fromISO(text, { zone: timezone }) : null;
  if (!instant?.isValid) {
    throw new UsageError(
      `--${option}: '${text}' is not an ISO 8601 instant such as 2026-12-23T10:00:00Z or 2026-12-23T10:00 (${timezone} time)`,
    );
  }
  return instant.setZone(timezone);
}
