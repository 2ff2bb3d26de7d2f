import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

describe('npm run demo', () => {
  it('replays a thread for each of the five policies and prints a readable timeline per case', async () => {
    const { stdout } = await exec(process.execPath, ['bin/escalations.mjs', 'demo'], { cwd: root });
    for (const ref of ['SSP-2026-0001', 'HERSP-2026-0001', 'WSCB-2026-0001', 'TWSP-2026-0001', 'SSCP-2026-0001'])
      expect(stdout).toContain(`${ref}  `);
    expect(stdout.match(/^ {2}Outcome: resolved at /gm)).toHaveLength(5);
    expect(stdout).toContain(
      '  Mon 2 Nov 2026, 09:30 GMT   opened at Stage 2 Inter-agency Discussion, deadline by 5pm on Monday 9 November 2026',
    );
    expect(stdout).toContain('  Tue 17 Nov 2026, 09:00 GMT  overdue email to 3 people (the partnership copied)');
    expect(stdout).toContain('  Thu 5 Nov 2026, 16:30 GMT   overdue email to 3 people (the partnership copied)'); // Hull's 24 working hours
    // Records for the partnership: Telford's Appendix 3 from Stage 3, and a closure summary for every case.
    expect(stdout).toContain('  Wed 18 Nov 2026, 10:00 GMT  pre-filled form emailed to the partnership');
    expect(stdout.match(/closure summary emailed to the partnership, with 1 form$/gm)).toHaveLength(5);
  }, 60_000);
});
