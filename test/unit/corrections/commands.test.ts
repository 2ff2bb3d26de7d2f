import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCommand, mentionsCommand, parseCommands, type Command } from '../../../lib/corrections/commands.js';

describe('parseCommands', () => {
  const table: [string, ReturnType<typeof parseCommands>][] = [
    ['#stage 3', { kind: 'commands', commands: [{ kind: 'stage', stage: '3' }] }],
    ['  #STAGE 3  \n\nThanks, Jo', { kind: 'commands', commands: [{ kind: 'stage', stage: '3' }] }],
    ['#resolved', { kind: 'commands', commands: [{ kind: 'resolved' }] }],
    [
      '#reopen\n#stage 2\n#due 2026-12-04',
      { kind: 'commands', commands: [{ kind: 'reopen' }, { kind: 'stage', stage: '2' }, { kind: 'due', date: '2026-12-04' }] },
    ],
    ['#due 4/12/2026', { kind: 'commands', commands: [{ kind: 'due', date: '2026-12-04' }] }],
    ['#open', { kind: 'commands', commands: [{ kind: 'open', stage: null }] }],
    ['#open stage 2', { kind: 'commands', commands: [{ kind: 'open', stage: '2' }] }],
    ['#not-a-case', { kind: 'commands', commands: [{ kind: 'not-a-case' }] }],
    ['#merge [ssp-2026-0007]', { kind: 'commands', commands: [{ kind: 'merge', into: 'SSP-2026-0007' }] }],
    ['#stage 3\n#stage 3', { kind: 'commands', commands: [{ kind: 'stage', stage: '3' }] }],
    ['Hello\n#stage 3', { kind: 'none' }],
    ['', { kind: 'none' }],
    ['#escalate 3', { kind: 'invalid', problems: ['#escalate is not a command'] }],
    ['#stage', { kind: 'invalid', problems: ['#stage needs a stage number, e.g. "#stage 3"'] }],
    ['#resolved now please', { kind: 'invalid', problems: ['#resolved takes nothing after it'] }],
    ['#due 30/02/2026', { kind: 'invalid', problems: ['#due needs a date such as 2026-12-04 or 04/12/2026, not "30/02/2026"'] }],
    ['#due next friday', { kind: 'invalid', problems: ['#due needs a date such as 2026-12-04 or 04/12/2026, not "next friday"'] }],
    ['#merge soon', { kind: 'invalid', problems: ['#merge needs a case reference, e.g. "#merge SSP-2026-0007"'] }],
    ['#open stage', { kind: 'invalid', problems: ['#open takes nothing, or "stage <n>", e.g. "#open stage 2"'] }],
    ['#resolved\n#reopen', { kind: 'invalid', problems: ['#resolved cannot go with #reopen: send one decision at a time'] }],
    ['#not-a-case\n#stage 2', { kind: 'invalid', problems: ['#not-a-case cannot go with #stage: send one decision at a time'] }],
    ['#stage 2\n#stage 3', { kind: 'invalid', problems: ['#stage is given twice with different values'] }],
  ];
  it.each(table)('%j', (text, expected) => {
    expect(parseCommands(text)).toEqual(expected);
  });

  const commandArb: fc.Arbitrary<Command> = fc.oneof(
    fc.constantFrom('1', '2', '3', '4', '5').map((stage): Command => ({ kind: 'stage', stage })),
    fc.constant<Command>({ kind: 'resolved' }),
    fc.constant<Command>({ kind: 'reopen' }),
    fc.constant<Command>({ kind: 'not-a-case' }),
    fc.option(fc.constantFrom('1', '2', '3')).map((stage): Command => ({ kind: 'open', stage })),
    fc.integer({ min: 1, max: 9999 }).map((n): Command => ({ kind: 'merge', into: `SSP-2026-${String(n).padStart(4, '0')}` })),
    fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d): Command => ({ kind: 'due', date: d.toISOString().slice(0, 10) })),
  );

  it('reads back any single command as written, with any text after it', () => {
    fc.assert(
      fc.property(commandArb, fc.string(), (command, after) => {
        const text = `${describeCommand(command)}\n\n${after.startsWith('#') ? `x${after}` : `x ${after}`}`;
        expect(parseCommands(text)).toEqual({ kind: 'commands', commands: [command] });
      }),
    );
  });

  it('never throws, and a text not starting with "#" is never a command', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const parsed = parseCommands(text);
        if (!text.trimStart().startsWith('#')) expect(parsed).toEqual({ kind: 'none' });
        if (parsed.kind === 'invalid') expect(parsed.problems.length).toBeGreaterThan(0);
      }),
    );
  });

  it('a status command with any other command is invalid: one decision a message', () => {
    fc.assert(
      fc.property(commandArb, commandArb, (a, b) => {
        fc.pre(describeCommand(a) !== describeCommand(b));
        const alone = ['resolved', 'open', 'not-a-case', 'merge'];
        const parsed = parseCommands(`${describeCommand(a)}\n${describeCommand(b)}`);
        if (alone.includes(a.kind) || alone.includes(b.kind) || a.kind === b.kind) expect(parsed.kind).toBe('invalid');
        else expect(parsed.kind).toBe('commands');
      }),
    );
  });

  it('reads a long text in time linear in its length (bounded lines)', () => {
    const text = '#stage 3\n'.repeat(20_000);
    expect(parseCommands(text)).toEqual({ kind: 'invalid', problems: ['more than 10 command lines'] });
  });
});

describe('mentionsCommand', () => {
  it.each([
    ['> #stage 3', true],
    ['On Monday Jo wrote:\n>> #not-a-case', true],
    ['#hashtag', false],
    ['- #stage <n>  set the case to stage <n>', false],
    ['nothing here', false],
  ])('%j → %s', (text, expected) => {
    expect(mentionsCommand(text)).toBe(expected);
  });
});
