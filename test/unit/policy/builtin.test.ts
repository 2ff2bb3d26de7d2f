import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarFor } from '../../../lib/policy/calendar.js';
import { stageDeadlines } from '../../../lib/policy/deadlines.js';
import { builtInPolicies, builtInPolicy } from '../../../lib/policy/registry.js';
import { PolicySchema } from '../../../lib/policy/schema.js';
import { iso, london } from '../calendar/london.js';

const seedsDir = new URL('./fixtures/seeds/', import.meta.url);
/** The seed's text as a quote is compared with it: markdown emphasis and line breaks dropped. */
const normalise = (text: string) => text.replace(/\*/g, '').replace(/\s+/g, ' ');
const seedText = (seed: string) => normalise(readFileSync(new URL(seed, seedsDir), 'utf8'));

describe('the built-in policies', () => {
  it('are the five of the seeds, in a fixed order', () => {
    expect(builtInPolicies().map((p) => p.id)).toEqual(['swindon', 'hull-east-riding', 'wiltshire', 'telford-wrekin', 'sunderland']);
    expect(new Set(builtInPolicies().map((p) => p.source.seed))).toEqual(new Set(readdirSync(seedsDir)));
    expect(new Set(builtInPolicies().map((p) => p.referencePrefix)).size).toBe(5);
  });

  it.each(builtInPolicies().map((p) => [p.id, p] as const))('%s: every citation quotes its seed word for word', (_, policy) => {
    const text = seedText(policy.source.seed);
    const citations = [
      ...policy.stages.flatMap((stage) => [
        stage.target?.source,
        stage.deadline?.source,
        stage.roles?.source,
        ...(stage.roles?.also ?? []).map((more) => more.source),
      ]),
      ...policy.overall.map((o) => o.source),
      ...policy.forms.map((f) => f.source),
    ].filter((c) => c !== undefined);
    expect(citations.length).toBeGreaterThan(0);
    for (const citation of citations) {
      for (const fragment of citation.quote.split(' … ')) expect(text, citation.clause).toContain(normalise(fragment));
    }
  });

  it.each(builtInPolicies().map((p) => [p.id, p] as const))('%s: every stage name appears in its seed', (_, policy) => {
    const text = seedText(policy.source.seed).toLowerCase();
    for (const stage of policy.stages) {
      const words = stage.name
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((w) => w.length > 3);
      for (const word of words) expect(text, stage.name).toContain(word);
    }
  });

  it.each(builtInPolicies().map((p) => [p.id, p] as const))(
    '%s: the stages managers take a disagreement to have roles, and no role names two stages',
    (_, policy) => {
      // The practitioners' own stages have no role to escalate to; every stage from the top down to the line manager's has.
      const withRoles = policy.stages.filter((stage) => stage.roles);
      expect(withRoles.length).toBeGreaterThanOrEqual(3);
      expect(policy.stages.at(-1)?.roles).toBeDefined();
      expect(policy.stages.slice(policy.stages.findIndex((stage) => stage.roles)).every((stage) => stage.roles)).toBe(true);
      const names = policy.stages.flatMap((stage) => [
        ...(stage.roles?.names ?? []),
        ...(stage.roles?.also ?? []).flatMap((more) => more.names),
      ]);
      expect(new Set(names).size).toBe(names.length);
    },
  );

  it('stay valid after a JSON round trip, as an admin would copy one', () => {
    for (const policy of builtInPolicies()) expect(PolicySchema.parse(JSON.parse(JSON.stringify(policy)))).toEqual(policy);
  });
});

// Every stage started (and the case opened) on Thu 17 Dec 2026 14:00, just before Christmas:
// working days after it are 18, 21, 22, 23, 24, 29, 30, 31 Dec, then 4 Jan…
const STARTED = '2026-12-17T14:00';
const WD = {
  2: '2026-12-21T17:00:00+00:00',
  3: '2026-12-22T17:00:00+00:00',
  4: '2026-12-23T17:00:00+00:00',
  5: '2026-12-24T17:00:00+00:00',
  7: '2026-12-30T17:00:00+00:00',
  17: '2027-01-14T17:00:00+00:00',
  22: '2027-01-21T17:00:00+00:00',
  25: '2027-01-26T17:00:00+00:00',
};
const H24 = '2026-12-18T14:00:00+00:00';
const H48 = '2026-12-21T14:00:00+00:00';
const MONTH = '2027-01-15T17:00:00+00:00'; // Sun 17 Jan, so the Friday before

type Row = [policy: string, stage: string, target: string | null, deadline: string | null, overall: string[]];
const stages: Row[] = [
  ['swindon', '1', null, WD[2], [WD[17]]],
  ['swindon', '2', null, WD[5], [WD[17]]],
  ['swindon', '3', null, WD[5], [WD[17]]],
  ['swindon', '4', null, WD[5], [WD[17]]],
  ['swindon', '5', null, WD[5], []],
  ['hull-east-riding', '1', null, H24, [WD[22]]],
  ['hull-east-riding', '2', null, H24, [WD[22]]],
  ['hull-east-riding', '3', H24, WD[5], [WD[22]]],
  ['hull-east-riding', '4', H24, H48, [WD[22]]],
  ['hull-east-riding', '5', H24, H48, [WD[22]]],
  ['hull-east-riding', '6', H24, H48, [WD[22]]],
  ['hull-east-riding', '7', WD[3], WD[5], [WD[22]]],
  ['wiltshire', '0', null, null, [WD[5]]],
  ['wiltshire', '1', null, null, [WD[5]]],
  ['wiltshire', '2', null, null, [WD[5]]],
  ['wiltshire', '3', null, WD[3], []],
  ['telford-wrekin', '1', null, WD[7], [WD[25]]],
  ['telford-wrekin', '2', null, WD[4], [WD[25]]],
  ['telford-wrekin', '3', H24, WD[3], [WD[25]]],
  ['telford-wrekin', '4', null, WD[4], [WD[25]]],
  ['telford-wrekin', '5', null, WD[7], [WD[25]]],
  ['sunderland', '1', null, WD[5], [MONTH]],
  ['sunderland', '2', null, WD[5], [MONTH]],
  ['sunderland', '3', null, WD[5], [MONTH]],
  ['sunderland', '4', null, WD[5], [MONTH]],
];

describe('the deadlines of each stage', () => {
  it('cover every stage of every policy', () => {
    const covered = new Set(stages.map(([p, s]) => `${p}/${s}`));
    for (const policy of builtInPolicies()) for (const stage of policy.stages) expect(covered).toContain(`${policy.id}/${stage.id}`);
  });

  it.each(stages)('%s stage %s', (policyId, stageId, target, deadline, overall) => {
    const policy = builtInPolicy(policyId);
    const started = london(STARTED);
    const deadlines = stageDeadlines(policy, { stageId, stageStartedAt: started, caseOpenedAt: started }, calendarFor(policy));
    const dueOf = (kind: string) => deadlines.filter((d) => d.kind === kind).map((d) => iso(d.due));
    expect(dueOf('target')).toEqual(target ? [target] : []);
    expect(dueOf('deadline')).toEqual(deadline ? [deadline] : []);
    expect(dueOf('overall')).toEqual(overall);
  });

  it('count overall deadlines from the opening, stage deadlines from the stage start', () => {
    const policy = builtInPolicy('swindon');
    const deadlines = stageDeadlines(
      policy,
      { stageId: '3', stageStartedAt: london('2026-11-09T09:00'), caseOpenedAt: london('2026-11-02T10:15') },
      calendarFor(policy),
    );
    expect(deadlines.map((d) => [d.id, iso(d.due), iso(d.dueSoonAt), iso(d.overdueAt)])).toEqual([
      ['stage-3-deadline', '2026-11-16T17:00:00+00:00', '2026-11-13T09:00:00+00:00', '2026-11-17T09:00:00+00:00'],
      ['overall-day-17', '2026-11-25T17:00:00+00:00', '2026-11-24T09:00:00+00:00', '2026-11-26T09:00:00+00:00'],
    ]);
    expect(deadlines[0]?.label).toBe(
      'The line manager contacts their opposite number in the partner agency, copying in the Swindon Safeguarding Partnership, within 5 working days',
    );
  });

  it('give a target no reminders of its own: the deadline is due soon at the target', () => {
    const policy = builtInPolicy('hull-east-riding');
    const started = london('2026-11-23T10:00');
    const [target, deadline] = stageDeadlines(
      policy,
      { stageId: '4', stageStartedAt: started, caseOpenedAt: started },
      calendarFor(policy),
    );
    expect(target?.kind).toBe('target');
    expect([target?.dueSoonAt, target?.overdueAt]).toEqual([null, null]);
    expect(iso(deadline?.dueSoonAt ?? null)).toBe('2026-11-24T10:00:00+00:00');
    expect(iso(deadline?.overdueAt ?? null)).toBe('2026-11-25T10:00:00+00:00');
  });

  it('honour the deployment closure days', () => {
    const policy = builtInPolicy('swindon');
    const started = london('2026-11-23T10:00');
    const clock = { stageId: '1', stageStartedAt: started, caseOpenedAt: started };
    expect(iso(stageDeadlines(policy, clock, calendarFor(policy))[0]?.due ?? null)).toBe('2026-11-25T17:00:00+00:00');
    expect(iso(stageDeadlines(policy, clock, calendarFor(policy, ['2026-11-24']))[0]?.due ?? null)).toBe('2026-11-26T17:00:00+00:00');
  });
});
