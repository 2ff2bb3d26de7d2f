/**
 * The partnership's commands by mail (docs/design.md, 'Corrections'): lines at the very start of
 * a message's newly written text, one command a line, as ticket systems read them. Pure: what
 * the lines say, before any case is looked at.
 */
export type Command =
  | { kind: 'stage'; stage: string }
  | { kind: 'resolved' }
  | { kind: 'reopen' }
  | { kind: 'open'; stage: string | null }
  | { kind: 'not-a-case' }
  | { kind: 'merge'; into: string }
  /** `date`: an ISO calendar date (yyyy-MM-dd), local to the policy. */
  | { kind: 'due'; date: string };

export type CommandKind = Command['kind'];

export type ParsedCommands =
  /** The text does not start with a command line. */
  | { kind: 'none' }
  | { kind: 'commands'; commands: Command[] }
  /** It starts with command lines, but they cannot be applied as written: nothing is. */
  | { kind: 'invalid'; problems: string[] };

/** What the reply to an invalid command lists. */
export const COMMAND_HELP: readonly string[] = [
  '#stage <n>        set the case to stage <n> (either way); its deadlines start again from now',
  '#resolved         resolve the case',
  '#reopen           reopen a resolved or withdrawn case',
  '#open [stage <n>] open a case from the message under review (default: the first stage)',
  '#not-a-case       withdraw a case opened in error, or dismiss a review',
  '#merge <REF>      move this case into case <REF> and withdraw this one',
  '#due <date>       set the current stage\'s deadline to that date, 17:00 (e.g. "#due 2026-12-04")',
];

/** At most this many command lines are read: more is not a correction. */
const MAX_LINES = 10;
/** A command line: `#word` and what follows, on one line of bounded length. */
const LINE = /^#([a-z-]{1,20})(?:[ \t]+(.{0,80}))?$/i;
const STAGE_ID = /^[0-9a-z]{1,4}$/i;
const REFERENCE = /^[A-Z]{2,8}-\d{4}-\d{4,6}$/;

/**
 * The command lines at the start of `text` (blank lines before and between them are skipped;
 * the first other line ends them). Unknown commands, bad arguments, repeats that differ, and
 * commands that contradict each other make the whole message invalid.
 */
export function parseCommands(text: string): ParsedCommands {
  const lines = commandLines(text);
  if (lines.length === 0) return { kind: 'none' };
  const problems: string[] = [];
  const commands: Command[] = [];
  if (lines.length > MAX_LINES) problems.push(`more than ${MAX_LINES} command lines`);
  for (const line of lines.slice(0, MAX_LINES)) {
    const parsed = parseLine(line);
    if (typeof parsed === 'string') problems.push(parsed);
    else if (!commands.some((c) => sameCommand(c, parsed))) commands.push(parsed);
  }
  if (problems.length === 0) problems.push(...contradictions(commands));
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'commands', commands };
}

/** True when the text holds a command line anywhere (quoted with `>` or not): for commands left in a quoted history. */
export function mentionsCommand(text: string): boolean {
  return text.split('\n').some((line) => {
    const match = LINE.exec(line.replace(/^[\s>]+/, '').trimEnd());
    return match !== null && KNOWN.has((match[1] ?? '').toLowerCase());
  });
}

/** Command lines, as written, from the start of the text. */
function commandLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.split('\n', MAX_LINES * 4)) {
    const line = raw.trim();
    if (line === '') continue;
    if (!line.startsWith('#')) break;
    lines.push(line);
  }
  return lines;
}

const KNOWN = new Set(['stage', 'resolved', 'resolve', 'reopen', 'open', 'not-a-case', 'merge', 'due']);

function parseLine(line: string): Command | string {
  const match = LINE.exec(line);
  if (!match) return `"${clip(line)}" is not a command`;
  const word = (match[1] ?? '').toLowerCase();
  const rest = (match[2] ?? '').trim();
  const bare = (command: Command): Command | string => (rest === '' ? command : `#${word} takes nothing after it`);
  switch (word) {
    case 'stage':
      return STAGE_ID.test(rest) ? { kind: 'stage', stage: rest.toLowerCase() } : '#stage needs a stage number, e.g. "#stage 3"';
    case 'resolved':
    case 'resolve':
      return bare({ kind: 'resolved' });
    case 'reopen':
      return bare({ kind: 'reopen' });
    case 'not-a-case':
      return bare({ kind: 'not-a-case' });
    case 'open': {
      if (rest === '') return { kind: 'open', stage: null };
      const stage = /^stage[ \t]+([0-9a-z]{1,4})$/i.exec(rest)?.[1];
      return stage ? { kind: 'open', stage: stage.toLowerCase() } : '#open takes nothing, or "stage <n>", e.g. "#open stage 2"';
    }
    case 'merge': {
      const ref = rest.replace(/^\[(.*)\]$/, '$1').toUpperCase();
      return REFERENCE.test(ref) ? { kind: 'merge', into: ref } : '#merge needs a case reference, e.g. "#merge SSP-2026-0007"';
    }
    case 'due': {
      const date = isoDate(rest);
      return date ? { kind: 'due', date } : `#due needs a date such as 2026-12-04 or 04/12/2026, not "${clip(rest)}"`;
    }
    default:
      return `#${clip(word)} is not a command`;
  }
}

/** yyyy-MM-dd or dd/MM/yyyy (the UK's way), checked to be a real date. */
function isoDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : uk
      ? [Number(uk[3]), Number(uk[2]), Number(uk[1])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(year)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function sameCommand(a: Command, b: Command): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A message is one decision: a status command (`#resolved`, `#open`, `#not-a-case`, `#merge`)
 * stands alone; `#reopen`, `#stage` and `#due` may go together; the same command twice with
 * different arguments contradicts itself.
 */
function contradictions(commands: readonly Command[]): string[] {
  const problems: string[] = [];
  const kinds = commands.map((c) => c.kind);
  for (const kind of new Set(kinds)) {
    if (kinds.filter((k) => k === kind).length > 1) problems.push(`#${kind} is given twice with different values`);
  }
  const alone = commands.find((c) => c.kind === 'resolved' || c.kind === 'open' || c.kind === 'not-a-case' || c.kind === 'merge');
  if (alone && commands.length > 1) {
    const others = commands.filter((c) => c !== alone).map((c) => `#${c.kind}`);
    problems.push(`#${alone.kind} cannot go with ${others.join(', ')}: send one decision at a time`);
  }
  return problems;
}

/** A command as a person would write it: for confirmations and the history. */
export function describeCommand(command: Command): string {
  switch (command.kind) {
    case 'stage':
      return `#stage ${command.stage}`;
    case 'open':
      return command.stage ? `#open stage ${command.stage}` : '#open';
    case 'merge':
      return `#merge ${command.into}`;
    case 'due':
      return `#due ${command.date}`;
    default:
      return `#${command.kind}`;
  }
}

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
