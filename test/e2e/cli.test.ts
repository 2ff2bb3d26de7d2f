import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

/** The exact contract other tools rely on: `npm run --silent escalations -- <command>`. */
async function escalations(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('npm', ['run', '--silent', 'escalations', '--', ...argv], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run --silent escalations', () => {
  it('prints one JSON document for deadline --json', async () => {
    const { code, stdout } = await escalations(
      'deadline',
      '--policy',
      'sunderland',
      '--stage',
      '2',
      '--from',
      '2026-11-25T11:00',
      '--json',
    );
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { deadlines: { kind: string; due: string }[] };
    expect(parsed.deadlines.map((d) => [d.kind, d.due])).toEqual([
      ['deadline', '2026-12-02T17:00:00+00:00'],
      ['overall', '2026-12-24T17:00:00+00:00'],
    ]);
  });

  it('exits 2 with a one-line error for an unknown policy', async () => {
    const { code, stdout, stderr } = await escalations('deadline', '--policy', 'nowhere', '--stage', '1', '--from', '2026-11-25T11:00');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n').filter((line) => line.startsWith('escalations:'))).toEqual([
      "escalations: unknown policy 'nowhere': use one of swindon, hull-east-riding, wiltshire, telford-wrekin, sunderland, or the path of a policy .json file",
    ]);
  });
});
