import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { run } from './run.js';

describe('escalations policies', () => {
  it('lists the five policies', async () => {
    const { code, stdout } = await run('policies');
    expect(code).toBe(0);
    for (const id of ['swindon', 'hull-east-riding', 'wiltshire', 'telford-wrekin', 'sunderland'])
      expect(stdout).toMatch(new RegExp(`^${id} `, 'm'));
    expect(stdout).toMatch(/^sunderland\s+SSCP\s+4\s+1 calendar month\s+Sunderland Safeguarding Children Partnership$/m);
  });

  it('lists them as JSON', async () => {
    const list = JSON.parse((await run('policies', '--json')).stdout) as { id: string; stages: string[] }[];
    expect(list.map((p) => [p.id, p.stages.length])).toEqual([
      ['swindon', 5],
      ['hull-east-riding', 7],
      ['wiltshire', 4],
      ['telford-wrekin', 5],
      ['sunderland', 4],
    ]);
  });

  it('explains one: stages, owners, timescales with their clause, forms and source', async () => {
    const { code, stdout } = await run('policies', 'telford-wrekin');
    expect(code).toBe(0);
    expect(stdout).toContain('Source: 003_e808e6f083a932d2.txt');
    expect(stdout).toContain('Stage 3 Senior Managers/Designated Safeguarding Leads');
    expect(stdout).toContain(
      '  Target: 24 working hours from the start of the stage — the issue is referred in writing using the TWSP Resolution',
    );
    expect(stdout).toContain('  Form: Appendix 3 – TWSP Resolution and Escalation Referral Form (used from this stage on)');
    expect(stdout).toContain('Overall: 25 working days from the opening of the case, for the whole process');
  });

  it('explains stages without a timescale and the form at resolution', async () => {
    const { stdout } = await run('policies', 'wiltshire');
    expect(stdout).toMatch(/Stage 0 Pre-escalation[^\n]*\n(?:[^\n]*\n)*?\s+No timescale of its own\./);
    expect(stdout).toContain('for up to and including stage 2');
    expect(stdout).toContain("Form at resolution: WSCB 'Notification of an Escalation' form");
  });

  it('prints one as JSON, exactly the validated policy', async () => {
    expect(JSON.parse((await run('policies', 'sunderland', '--json')).stdout)).toEqual(builtInPolicy('sunderland'));
  });

  it('explains a policy file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'policies-')), 'local.json');
    writeFileSync(path, JSON.stringify({ ...builtInPolicy('swindon'), id: 'swindon-local', referencePrefix: 'SWL' }));
    const { code, stdout } = await run('policies', path);
    expect(code).toBe(0);
    expect(stdout).toContain("policy 'swindon-local', case references SWL-<year>-<number>");
  });

  it.each([
    [['nope'], "unknown policy 'nope': use one of swindon"],
    [['swindon', 'sunderland'], 'policies takes at most one policy id or file'],
    [['--verbose'], "Unknown option '--verbose' (accepted: --json)"],
  ])('rejects %j with one line and exit code 2', async (argv, message) => {
    const { code, stderr } = await run('policies', ...argv);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });
});

describe('escalations', () => {
  it('names the commands it has when given an unknown one', async () => {
    const { code, stderr } = await run('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toBe("escalations: unknown command 'frobnicate': use one of policies, deadline, explain, replay, serve, report, case\n");
  });

  it('prints its usage', async () => {
    expect(await run('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('deadline --policy <id|file.json>') as unknown });
    expect((await run()).code).toBe(2);
  });
});
