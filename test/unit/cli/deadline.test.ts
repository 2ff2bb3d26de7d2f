import { describe, expect, it } from 'vitest';
import { run } from './run.js';

interface DeadlineJson {
  policy: string;
  stage: string;
  stageStartedAt: string;
  caseOpenedAt: string;
  deadlines: {
    kind: string;
    stage: string | null;
    id: string;
    due: string;
    reminders: { dueSoon: string | null; overdue: string | null };
  }[];
}

async function deadlineJson(...argv: string[]): Promise<DeadlineJson> {
  const { code, stdout, stderr } = await run('deadline', ...argv, '--json');
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as DeadlineJson;
}

describe('escalations deadline', () => {
  it('prints the stage deadline, its reminders and the overall deadline (Christmas 2026)', async () => {
    const result = await deadlineJson('--policy', 'swindon', '--stage', '3', '--from', '2026-12-23T10:00');
    expect(result).toMatchObject({ policy: 'swindon', stage: '3', stageStartedAt: '2026-12-23T10:00:00+00:00' });
    expect(result.deadlines.map((d) => [d.kind, d.stage, d.due, d.reminders.dueSoon, d.reminders.overdue])).toEqual([
      ['deadline', '3', '2027-01-04T17:00:00+00:00', '2026-12-31T09:00:00+00:00', '2027-01-05T09:00:00+00:00'],
      ['overall', null, '2027-01-20T17:00:00+00:00', '2027-01-19T09:00:00+00:00', '2027-01-21T09:00:00+00:00'],
    ]);
  });

  it('counts hours across the clocks going back, from an instant with an offset', async () => {
    const result = await deadlineJson('--policy', 'hull-east-riding', '--stage', '4', '--from', '2026-10-23T15:00:00+01:00');
    expect(result.deadlines.map((d) => [d.kind, d.due])).toEqual([
      ['target', '2026-10-26T15:00:00+00:00'],
      ['deadline', '2026-10-27T15:00:00+00:00'],
      ['overall', '2026-11-24T17:00:00+00:00'],
    ]);
  });

  it('counts overall deadlines from --case-opened and honours --closure-day', async () => {
    const opened = await deadlineJson(
      '--policy',
      'wiltshire',
      '--stage',
      '1',
      '--from',
      '2026-12-23T10:00Z',
      '--case-opened',
      '2026-12-21T10:00Z',
    );
    expect(opened.deadlines.map((d) => d.due)).toEqual(['2026-12-30T17:00:00+00:00']);
    const closed = await deadlineJson(
      ...['--policy', 'wiltshire', '--stage', '1', '--from', '2026-12-23T10:00Z', '--case-opened', '2026-12-21T10:00Z'],
      ...['--closure-day', '2026-12-29', '--closure-day', '2026-12-30'],
    );
    expect(closed.deadlines.map((d) => d.due)).toEqual(['2027-01-04T17:00:00+00:00']);
  });

  it('says when a stage has no deadline of its own', async () => {
    const { stdout } = await run('deadline', '--policy', 'wiltshire', '--stage', '3', '--from', '2026-11-23T10:00');
    expect(stdout).toContain('Deadline: by 5pm on Thursday 26 November 2026 (2026-11-26T17:00:00+00:00)');
    expect(stdout).not.toContain('Overall');
  });

  it('writes the plain output for a person', async () => {
    const { stdout } = await run('deadline', '--policy', 'swindon', '--stage', '3', '--from', '2026-12-23T10:00');
    expect(stdout).toContain('Stage 3 Team/Service Manager: Line managers or second-tier managers of both agencies');
    expect(stdout).toContain('Deadline: by 5pm on Monday 4 January 2027 (2027-01-04T17:00:00+00:00)');
    expect(stdout).toContain('due-soon reminder  Thu 31 Dec 2026, 09:00 GMT');
    expect(stdout).toContain('overdue notice     Tue 5 Jan 2027, 09:00 GMT');
  });

  it('explains a missing due-soon reminder of an hour deadline', async () => {
    const { stdout } = await run('deadline', '--policy', 'hull-east-riding', '--stage', '1', '--from', '2026-11-20T16:00');
    expect(stdout).toContain('Deadline: by 4pm on Monday 23 November 2026');
    expect(stdout).toContain('due-soon reminder  none (an hour deadline with no target');
  });

  it.each([
    [['--policy', 'swindn', '--stage', '3', '--from', '2026-12-23T10:00'], "unknown policy 'swindn': use one of swindon, hull-east-riding"],
    [['--policy', 'swindon', '--stage', '9', '--from', '2026-12-23T10:00'], "policy 'swindon' has no stage '9': use one of 1, 2, 3, 4, 5"],
    [['--policy', 'swindon', '--stage', '3', '--from', 'yesterday'], "--from: 'yesterday' is not an ISO 8601 instant or date such as"],
    [['--policy', 'swindon', '--stage', '3', '--from', '2026-02-30T10:00'], "--from: '2026-02-30T10:00' is not an ISO 8601 instant"],
    [['--policy', 'swindon', '--stage', '3', '--from', '2026-12-32'], "--from: '2026-12-32' is not an ISO 8601 instant"],
    [['--policy', 'swindon', '--from', '2026-12-23T10:00'], "--stage: required: the stage's id"],
    [
      ['--policy', 'swindon', '--stage', '3', '--from', '2026-12-23T10:00', '--bogus'],
      "Unknown option '--bogus' (accepted: --policy, --stage, --from",
    ],
    [['--policy', 'swindon', '--stage', '3', '--from', '2026-12-23T10:00', 'extra'], 'deadline takes no arguments besides its options'],
    [
      ['--policy', 'swindon', '--stage', '3', '--from', '2026-12-23T10:00', '--closure-day', '29/12/2026'],
      '--closure-day: each closure day is a date',
    ],
    [
      ['--policy', 'swindon', '--stage', '3', '--from', '2026-12-23T10:00', '--case-opened', '2026-12-24T10:00'],
      '--case-opened: a case opens before',
    ],
    [
      ['--policy', '/no/such/policy.json', '--stage', '3', '--from', '2026-12-23T10:00'],
      "invalid policy file '/no/such/policy.json': cannot be read (ENOENT)",
    ],
  ])('rejects %j with one line and exit code 2', async (argv, message) => {
    const { code, stdout, stderr } = await run('deadline', ...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });
});
