import { parseArgs } from 'node:util';
import * as z from 'zod';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

/**
 * One declaration per option: node's parser, the zod validation and the help text are all
 * derived from it, so an option cannot be parsed without being validated and documented.
 *
 * Adding a command takes a few lines in cli/commands/<name>.ts:
 *
 *   export const hello = defineCommand({
 *     name: 'hello',
 *     summary: 'Greets someone.',
 *     options: { name: option.string('<who>', 'who to greet', z.string().default('world')) },
 *     examples: ['hello --name Jane'],
 *     run: (args, io) => { io.out(`Hello, ${args.name}`); return Promise.resolve(); },
 *   });
 *
 * then adding `hello` to COMMANDS in cli/main.ts. `hello --help` and the top-level help follow.
 */
export interface OptionSpec<S extends z.ZodType = z.ZodType> {
  kind: 'string' | 'boolean';
  multiple: boolean;
  /** Shown after the option's name in help: `<date>`. */
  placeholder: string;
  /** What the option means, one line. */
  description: string;
  schema: S;
  short?: string;
}

export const option = {
  /** An option with a value; its schema says whether it is required and what it accepts. */
  string<S extends z.ZodType>(placeholder: string, description: string, schema: S, extra: { short?: string } = {}): OptionSpec<S> {
    return { kind: 'string', multiple: false, placeholder, description, schema, ...extra };
  },
  /** An option that may be given several times; each value is checked by `item`. */
  list<S extends z.ZodType>(placeholder: string, description: string, item: S): OptionSpec<z.ZodDefault<z.ZodArray<S>>> {
    return { kind: 'string', multiple: true, placeholder, description, schema: z.array(item).default([]) };
  },
  /** A switch: present or not. */
  flag(description: string): OptionSpec<z.ZodDefault<z.ZodBoolean>> {
    return { kind: 'boolean', multiple: false, placeholder: '', description, schema: z.boolean().default(false) };
  },
};

export interface PositionalSpec<S extends z.ZodType = z.ZodType> {
  /** As shown in the usage line: `<file.eml|folder>...`. */
  usage: string;
  description: string;
  schema: S;
}

export type Options = Record<string, OptionSpec>;
export type Args<O extends Options, P extends z.ZodType = z.ZodType<string[]>> = { [K in keyof O]: z.output<O[K]['schema']> } & {
  positionals: z.output<P>;
};

export interface CommandSpec<O extends Options, P extends z.ZodType> {
  name: string;
  /** One line, for the list of commands. */
  summary: string;
  /** Paragraphs shown by `<command> --help`, after the summary. */
  description?: string;
  options: O;
  /** Omitted: the command takes no arguments besides its options. */
  positionals?: PositionalSpec<P>;
  /** Complete command lines, without the `escalations` in front. */
  examples: string[];
  run(args: Args<O, P>, io: Io): Promise<void>;
}

export interface Command {
  name: string;
  summary: string;
  usage(): string;
  help(): string;
  run(argv: readonly string[], io: Io): Promise<void>;
}

/** `--help` or `-h` anywhere among a command's arguments: its help is printed instead of running it. */
export class HelpRequested extends Error {
  override readonly name = 'HelpRequested';
}

const NO_POSITIONALS = z.array(z.string()).max(0);

export function defineCommand<O extends Options, P extends z.ZodType = z.ZodType<string[]>>(spec: CommandSpec<O, P>): Command {
  const parserOptions = Object.fromEntries([
    ...Object.entries(spec.options).map(([name, o]) => [
      name,
      { type: o.kind, multiple: o.multiple, ...(o.short === undefined ? {} : { short: o.short }) },
    ]),
    ['help', { type: 'boolean', short: 'h' }],
  ]) as Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
  const positionals = spec.positionals?.schema ?? NO_POSITIONALS;
  const schema = z.object({
    ...Object.fromEntries(Object.entries(spec.options).map(([name, o]) => [name, o.schema])),
    positionals,
  });
  const required = (o: OptionSpec) => !o.schema.safeParse(undefined).success;
  const optionUsage = ([name, o]: [string, OptionSpec]) => {
    const text = `--${name}${o.placeholder ? ` ${o.placeholder}` : ''}${o.multiple ? '...' : ''}`;
    return required(o) ? text : `[${text}]`;
  };
  const usage = () =>
    [spec.name, ...Object.entries(spec.options).map(optionUsage), ...(spec.positionals ? [spec.positionals.usage] : [])].join(' ');
  const help = () => {
    const rows: [string, string][] = Object.entries(spec.options).map(([name, o]) => [
      `${o.short ? `-${o.short}, ` : ''}--${name}${o.placeholder ? ` ${o.placeholder}` : ''}`,
      `${o.description}${required(o) ? ' (required)' : ''}${o.multiple ? ' (repeatable)' : ''}`,
    ]);
    if (spec.positionals) rows.unshift([spec.positionals.usage, spec.positionals.description]);
    rows.push(['-h, --help', 'print this help']);
    const width = Math.max(...rows.map(([left]) => left.length));
    return [
      `usage: escalations ${usage()}`,
      '',
      spec.summary,
      ...(spec.description ? ['', spec.description] : []),
      '',
      spec.positionals ? 'Arguments and options:' : 'Options:',
      ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
      '',
      spec.examples.length > 1 ? 'Examples:' : 'Example:',
      ...spec.examples.map((example) => `  npm run --silent escalations -- ${example}`),
    ].join('\n');
  };
  const parse = (argv: readonly string[]): Args<O, P> => {
    let parsed: { values: Record<string, unknown>; positionals: string[] };
    try {
      parsed = parseArgs({ args: [...argv], options: parserOptions, allowPositionals: true, strict: true });
    } catch (error) {
      if (argv.includes('--help') || argv.includes('-h')) throw new HelpRequested(help());
      // node's messages are clear but long: keep their first sentence and name what is accepted.
      const first = ((error as Error).message.split('. ')[0] ?? 'invalid arguments').replace(/\.$/, '');
      const accepted = [...Object.keys(spec.options).map((name) => `--${name}`), '--help'];
      throw new UsageError(`${spec.name}: ${first} (accepted: ${accepted.join(', ')})`, { cause: error });
    }
    const { help: wantsHelp, ...values } = parsed.values;
    if (wantsHelp) throw new HelpRequested(help());
    const result = schema.safeParse({ ...values, positionals: parsed.positionals });
    if (!result.success) {
      const problems = result.error.issues.map((issue) => describeIssue(issue, spec.name, spec.positionals !== undefined));
      throw new UsageError(`${spec.name}: ${problems.join('; ')}`, { cause: result.error });
    }
    return result.data as Args<O, P>;
  };
  return { name: spec.name, summary: spec.summary, usage, help, run: (argv, io) => spec.run(parse(argv), io) };
}

/** `--from: required: …`; problems with positional arguments keep their own words. */
function describeIssue(issue: z.core.$ZodIssue, command: string, takesPositionals: boolean): string {
  const option = issue.path[0];
  if (option === 'positionals') return takesPositionals ? issue.message : `${command} takes no arguments besides its options`;
  return option === undefined ? issue.message : `--${String(option)}: ${issue.message}`;
}
