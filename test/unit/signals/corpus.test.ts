import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMessage } from '../../../lib/mail/parse.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { readSignals } from '../../../lib/signals/read.js';

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
    const reading = readSignals(message, policy, { currentStage: expected.currentStage }, { includeHistory: true });
    // What ingest reads, without the history's mentions, must mean the same.
    const meaning = (r: typeof reading) => ({
      escalateTo: r.escalateTo,
      resolved: r.resolved,
      forms: r.forms,
      aboutProcess: r.aboutProcess,
      review: r.review,
    });
    expect(meaning(readSignals(message, policy, { currentStage: expected.currentStage }))).toEqual(meaning(reading));
    count('escalation', expected.escalateTo, reading.escalateTo, null);
    count('resolution', expected.resolved, reading.resolved, false);
    const explained = JSON.stringify({ newText: message.newText, signals: reading.signals, review: reading.review }, null, 2);
    expect(
      {
        escalateTo: reading.escalateTo,
        resolved: reading.resolved,
        aboutProcess: reading.aboutProcess,
        review: reading.review !== null,
        forms: reading.forms,
      },
      explained,
    ).toEqual({
      escalateTo: expected.escalateTo,
      resolved: expected.resolved,
      aboutProcess: expected.aboutProcess,
      review: expected.review,
      forms: expected.forms,
    });
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
