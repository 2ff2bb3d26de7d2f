import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eml, messageIdOf } from '../../support/eml.js';
import { harness, JANE, RAJ, SSP, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.dynamo.close();
});

describe('concurrent messages', () => {
  it('20 messages on one case at once all land on it, and it ends at the highest stage', async () => {
    const first = eml({
      from: JANE,
      to: RAJ,
      cc: SSP,
      subject: 'Professional disagreement',
      text: 'Raising this at Stage 1 of the resolution policy.',
    });
    const opened = await h.ingest(first);
    const ref = opened.caseRef ?? '';
    const stages = [2, 3, 4, 5];
    const messages = Array.from({ length: 20 }, (_, i) =>
      eml({
        from: i % 2 ? RAJ : JANE,
        to: i % 2 ? JANE : RAJ,
        cc: SSP,
        subject: 'RE: Professional disagreement',
        text: i % 3 === 0 ? 'Noted, speak tomorrow.' : `I am escalating this to Stage ${stages[i % stages.length] ?? 2}.`,
        inReplyTo: messageIdOf(first),
        references: [messageIdOf(first)],
      }),
    );
    const outcomes = await Promise.all(messages.map((raw) => h.ingest(raw)));
    expect(outcomes.every((o) => o.caseRef === ref)).toBe(true);
    const stored = await h.store.getCase(ref);
    expect(new Set(stored?.messages)).toEqual(new Set([messageIdOf(first), ...messages.map(messageIdOf)]));
    expect(stored?.messages).toHaveLength(21);
    expect(stored?.history).toHaveLength(21);
    expect(stored?.stage).toBe('5');
    // The stage only ever went up along the history.
    const ranks = stored?.history.map((e) => Number(e.stage)) ?? [];
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('reference numbers never repeat when many cases open at once', async () => {
    const openers = Array.from({ length: 25 }, (_, i) =>
      eml({
        from: JANE,
        to: RAJ,
        cc: SSP,
        subject: `Professional disagreement ${i}`,
        text: 'I am raising this as a Stage 2 discussion under the resolution policy.',
      }),
    );
    const outcomes = await Promise.all(openers.map((raw) => h.ingest(raw)));
    const refs = outcomes.map((o) => o.caseRef);
    expect(new Set(refs).size).toBe(25);
    expect([...refs].sort()).toEqual(Array.from({ length: 25 }, (_, i) => `SSP-2026-${String(i + 1).padStart(4, '0')}`));
  });

  it('two messages of one new thread arriving together open one case, not two', async () => {
    const root = '<thread-root@agency.example>';
    const both = [JANE, RAJ].map((from, i) =>
      eml({
        from,
        to: i ? JANE : RAJ,
        cc: SSP,
        subject: 'Re: Professional disagreement',
        text: 'I am raising this at Stage 2 of the resolution policy.',
        inReplyTo: root,
        references: [root],
      }),
    );
    const outcomes = await Promise.all(both.map((raw) => h.ingest(raw)));
    expect(new Set(outcomes.map((o) => o.caseRef)).size).toBe(1);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['noted', 'opened']);
  });
});
