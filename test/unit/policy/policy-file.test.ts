import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidPolicyError, UnknownPolicyError } from '../../../lib/policy/errors.js';
import { builtInPolicy, loadPolicyFile, resolvePolicy } from '../../../lib/policy/registry.js';

const dir = mkdtempSync(join(tmpdir(), 'policy-file-'));
function policyFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}
const swindonJson = () => JSON.parse(JSON.stringify(builtInPolicy('swindon'))) as Record<string, unknown> & { stages: unknown[] };

/** Sets (or, with undefined, deletes) the value at a path inside parsed JSON. */
function setAt(json: unknown, path: readonly (string | number)[], value: unknown): void {
  type Node = Record<string | number, unknown>;
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Node)[key], json) as Node;
  const last = path[path.length - 1] ?? '';
  if (value === undefined) Reflect.deleteProperty(parent, last);
  else parent[last] = value;
}

async function problemsOf(path: string): Promise<readonly string[]> {
  const error = await loadPolicyFile(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidPolicyError);
  expect((error as InvalidPolicyError).message).toContain(path);
  return (error as InvalidPolicyError).problems;
}

describe('a policy file an admin writes', () => {
  it('loads when valid, by path', async () => {
    const policy = { ...swindonJson(), id: 'swindon-local', referencePrefix: 'SWL' };
    const loaded = await resolvePolicy(policyFile('valid.json', policy));
    expect(loaded.id).toBe('swindon-local');
    expect(loaded.stages).toHaveLength(5);
  });

  it('fills the defaults a hand-written file may leave out', async () => {
    const minimal = {
      id: 'minimal',
      partnership: 'A partnership',
      title: 'A policy',
      source: { seed: 'local', published: '2026' },
      referencePrefix: 'MIN',
      timezone: 'Europe/London',
      calendar: 'england-and-wales',
      vocabulary: { stageWords: ['stage'] },
      stages: [{ id: '1', name: 'Practitioners', owner: 'Practitioners', summary: 'They talk.' }],
    };
    const loaded = await loadPolicyFile(policyFile('minimal.json', minimal));
    expect(loaded.overall).toEqual([]);
    expect(loaded.stages[0]).toMatchObject({ aliases: [], copyPartnership: false });
  });

  it.each([
    ['a bad amount', ['stages', 2, 'deadline', 'timescale', 'amount'], 0, 'stages[2].deadline.timescale.amount: Too small'],
    ['an unknown unit', ['stages', 0, 'deadline', 'timescale', 'unit'], 'fortnights', 'stages[0].deadline.timescale.unit: Invalid option'],
    ['a missing name', ['stages', 1, 'name'], undefined, 'stages[1].name: Invalid input: expected string, received undefined'],
    ['a duplicate stage', ['stages', 1, 'id'], '1', "stages: duplicate stage id '1'"],
    ['an unknown timezone', ['timezone'], 'Europe/Londres', 'timezone: not an IANA timezone'],
    ['an unknown calendar', ['calendar'], 'scotland', 'calendar: Invalid input: expected "england-and-wales"'],
    ['an unknown field', ['colour'], 'blue', '(top level): Unrecognized key: "colour"'],
    ['a lower-case prefix', ['referencePrefix'], 'ssp', 'referencePrefix: two to eight capital letters'],
    [
      'an overall deadline through a missing stage',
      ['overall', 0, 'appliesThroughStage'],
      '9',
      "overall[0].appliesThroughStage: no stage '9' in this policy",
    ],
    ['a form at a missing stage', ['forms', 0, 'stage'], '8', "forms[0].stage: no stage '8' in this policy"],
    ['stages out of order', ['stages'], swindonJson().stages.reverse(), 'stages: stages must be listed in ascending order'],
  ] as const)('names the path and the reason for %s', async (name, path, value, expected) => {
    const policy = swindonJson();
    setAt(policy, path, value);
    const problems = await problemsOf(policyFile(`${name.replace(/\W+/g, '-')}.json`, policy));
    expect(
      problems.some((p) => p.startsWith(expected)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('reports a file that is not JSON', async () => {
    expect(await problemsOf(policyFile('broken.json', '{ "id": "x",'))).toEqual([expect.stringMatching(/^not valid JSON: /)]);
  });

  it('reports a file that cannot be read', async () => {
    expect(await problemsOf(join(dir, 'missing.json'))).toEqual(['cannot be read (ENOENT)']);
  });

  it('an unknown built-in id names the ones there are', async () => {
    const error = await resolvePolicy('swindn').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownPolicyError);
    expect((error as Error).message).toBe(
      "unknown policy 'swindn': use one of swindon, hull-east-riding, wiltshire, telford-wrekin, sunderland, or the path of a policy .json file",
    );
  });
});
