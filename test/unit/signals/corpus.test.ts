import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMessage } from '../../../lib/mail/parse.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { decideOnStage } from '../../../lib/cases/hypothetical.js';
import type { Outcome } from '../../../lib/cases/route.js';
import { stageRank } from '../../../lib/policy/stages.js';
import type { Policy } from '../../../lib/policy/schema.js';

const corpus = new URL('../../fixtures/mail/', import.meta.url);
const OWN_LOOP = 'escalations@partnership.example';

interface Expected {
  policy: string;
  currentStage?: string;
  flags: { autoReply: boolean; bounce: boolean; ownMail: boolean };
  escalateTo?: string | null;
  resolved?: boolean;
  aboutProcess?: boolean;
  review?: boolean;
  forms?: string[];
  newTextIncludes?: string[];
  newTextExcludes?: string[];
}

const names = readdirSync(corpus)
  .filter((file) => file.endsWith('.eml'))
  .map((file) => file.replace(/\.eml$/, ''))
  .sort();

/**
 * The decision a fixture's labels stand for, as ingest takes it: these fixtures were labelled with
 * what the reading should find; what matters is what ingest then does with the message.
 */
function expectedOutcome(expected: Expected, policy: Policy): Outcome['kind'] | `${Outcome['kind']} ${string}` {
  const current = expected.currentStage;
  if (expected.review) return 'review';
  if (current === undefined) {
    if (expected.escalateTo) return `open ${expected.escalateTo}`;
    return expected.aboutProcess ? 'open' : 'unrelated';
  }
  if (expected.resolved) return 'resolve';
  if (expected.escalateTo && stageRank(policy, expected.escalateTo) > stageRank(policy, current)) return `escalate ${expected.escalateTo}`;
  return 'note';
}

/** Counts for precision and recall: a detection is right only if it names the right stage. */
const tally = { escalation: { tp: 0, fp: 0, fn: 0 }, resolution: { tp: 0, fp: 0, fn: 0 } };
function count(kind: keyof typeof tally, expected: unknown, actual: unknown, negative: unknown) {
  const t = tally[kind];
  if (actual !== negative && actual === expected) t.tp++;
  else {
    if (actual !== negative) t.fp++;
    if (expected !== negative) t.fn++;
  }
}

describe('the labelled mail corpus', () => {
  it('has at least 60 messages across the five policies, each with its expectations', () => {
    expect(names.length).toBeGreaterThanOrEqual(60);
    const policies = new Set(
      names.map((name) => (JSON.parse(readFileSync(new URL(`${name}.expected.json`, corpus), 'utf8')) as Expected).policy),
    );
    expect(policies).toEqual(new Set(['swindon', 'hull-east-riding', 'wiltshire', 'telford-wrekin', 'sunderland']));
  });

  it.each(names)('%s', async (name) => {
    const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, corpus), 'utf8')) as Expected;
    const message = await parseMessage(readFileSync(new URL(`${name}.eml`, corpus)), { ownLoop: OWN_LOOP });
    expect(message.flags).toEqual(expected.flags);
    if (expected.escalateTo === undefined) return; // noise: its flags decide what happens to it

    const policy = builtInPolicy(expected.policy);
    const { reading, outcome } = decideOnStage(message, policy, expected.currentStage, { includeHistory: true });
    // What ingest reads, without the history's mentions, must mean the same.
    expect(decideOnStage(message, policy, expected.currentStage).outcome).toEqual(outcome);
    count('escalation', expected.escalateTo, reading.escalateTo, null);
    count('resolution', expected.resolved, reading.resolved, false);
    const explained = JSON.stringify({ newText: message.newText, signals: reading.signals, review: reading.review }, null, 2);
    const want = expectedOutcome(expected, policy);
    // A case opened with no stage named starts at the stage the message names, else the policy's first.
    const got = want === 'open' && outcome.kind === 'open' ? 'open' : `${outcome.kind}${outcome.stage ? ` ${outcome.stage}` : ''}`;
    expect({ outcome: got, forms: reading.forms }, explained).toEqual({ outcome: want, forms: expected.forms });
    for (const phrase of expected.newTextIncludes ?? []) expect(message.newText).toContain(phrase);
    for (const phrase of expected.newTextExcludes ?? []) expect(message.newText).not.toContain(phrase);
  });

  afterAll(() => {
    for (const [kind, { tp, fp, fn }] of Object.entries(tally)) {
      const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
      const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
      console.log(`corpus ${kind}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`);
    }
  });
});
