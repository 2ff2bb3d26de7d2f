import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { periodDays } from '../../../cli/commands/report.js';
import { run } from './run.js';

const COMMANDS = ['policies', 'deadline', 'explain', 'replay', 'serve', 'report', 'demo'];

describe('each command explains itself', () => {
  it.each(COMMANDS)('%s --help: usage, what it does, every option with its meaning, and an example', async (name) => {
    const { code, stdout, stderr } = await run(name, '--help');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(new RegExp(`^usage: escalations ${name}\\b`));
    expect(stdout).toMatch(/^Example/m);
    expect(stdout).toMatch(new RegExp(`^  npm run --silent escalations -- ${name}\\b`, 'm'));
    expect(stdout).toMatch(/^ {2}-h, --help +print this help$/m);
    // Every option in the usage line has a line of its own that says what it means.
    const options = [...(stdout.split('\n')[0] ?? '').matchAll(/--([a-z-]+)/g)].map((m) => m[1]);
    for (const option of options) expect(stdout).toMatch(new RegExp(`^ {2}--${option ?? ''}\\b.* {2}\\w`, 'm'));
    expect(await run(name, '-h')).toEqual({ code, stdout, stderr });
    expect(await run('help', name)).toEqual({ code, stdout, stderr });
  });

  it('prints help even beside options it would refuse, and refuses unknown options otherwise', async () => {
    expect((await run('deadline', '--bogus', '--help')).code).toBe(0);
    const refused = await run('deadline', '--bogus');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Unknown option '--bogus'");
  });

  it('marks required options in the usage line and optional ones in brackets', async () => {
    const { stdout } = await run('deadline', '--help');
    expect(stdout.split('\n')[0]).toBe(
      'usage: escalations deadline --policy <id|file.json> --stage <id> --from <instant|date> [--case-opened <instant|date>] [--closure-day <date>...] [--json]',
    );
  });
});

describe('dates where a day is meant', () => {
  it('deadline --from takes a date alone: the start of that day, in the policy timezone', async () => {
    const { code, stdout } = await run('deadline', '--policy', 'swindon', '--stage', '3', '--from', '2026-12-23', '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { stageStartedAt: string; deadlines: { kind: string; due: string }[] };
    expect(parsed.stageStartedAt).toBe('2026-12-23T00:00:00+00:00');
    expect(parsed.deadlines[0]).toMatchObject({ kind: 'deadline', due: '2027-01-04T17:00:00+00:00' });
  });

  it('replay --until takes a date alone: the clock runs on to the end of that day', async () => {
    const replayUntil = (until: string) =>
      run(
        'replay',
        '--policy',
        'swindon',
        '--mailbox',
        'safeguardingpartnership@swindon.example',
        '--until',
        until,
        'examples/swindon/01.eml',
      );
    const byDate = await replayUntil('2026-11-06');
    expect([byDate.code, byDate.stderr]).toEqual([0, '']);
    expect(byDate.stdout).toBe((await replayUntil('2026-11-06T23:59:59.999')).stdout);
    expect(byDate.stdout).toContain('"kind": "due-soon"'); // 09:00 on the 6th, the working day before the 9th
    expect((await replayUntil('2026-11-06T00:00')).stdout).not.toContain('"kind": "due-soon"');
  });
});

describe('report period', () => {
  const now = DateTime.fromISO('2026-12-01T09:00', { zone: 'Europe/London' });

  it.each([
    [{}, { from: '2026-11-01', to: '2026-11-30' }],
    [{ month: '2026-02' }, { from: '2026-02-01', to: '2026-02-28' }],
    [{ month: '2024-02' }, { from: '2024-02-01', to: '2024-02-29' }],
    [
      { from: '2026-11-03', to: '2026-11-10' },
      { from: '2026-11-03', to: '2026-11-10' },
    ],
  ])('%j → %j (last month by default)', (args, period) => {
    expect(periodDays(args, now)).toEqual(period);
  });

  it('is last month across a new year', () => {
    expect(periodDays({}, DateTime.fromISO('2027-01-15T09:00', { zone: 'Europe/London' }))).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
  });

  it.each([
    [['--month', '2026-11', '--from', '2026-11-01', '--to', '2026-11-30'], 'give --month, or --from and --to, not both'],
    [['--from', '2026-11-01'], '--from and --to go together'],
    [['--from', '2026-11-30', '--to', '2026-11-01'], 'the period ends before it starts'],
    [['--month', '2026-13'], '--month: not a month such as 2026-11'],
  ])('refuses %j', async (argv, message) => {
    const { code, stderr } = await run('report', ...argv, '--data', '/nonexistent');
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('replay --mailbox', () => {
  it('warns on standard error when no message was addressed to it, and still replays', async () => {
    const typo = await run('replay', '--policy', 'swindon', '--mailbox', 'safeguardingpartnership@swindn.example', 'examples/swindon');
    expect(typo.code).toBe(0);
    expect(typo.stderr).toBe(
      'escalations: replay: warning: no message is addressed to safeguardingpartnership@swindn.example (To or Cc): is --mailbox the address they were copied to?\n',
    );
    expect((JSON.parse(typo.stdout) as { cases: unknown[] }).cases).toBeDefined();
    const right = await run('replay', '--policy', 'swindon', '--mailbox', 'safeguardingpartnership@swindon.example', 'examples/swindon');
    expect(right.stderr).toBe('');
    expect((JSON.parse(right.stdout) as { cases: unknown[] }).cases).toHaveLength(1);
  });
});
