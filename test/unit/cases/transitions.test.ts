import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Arrival } from '../../../lib/cases/arrival.js';
import { effectOf, route } from '../../../lib/cases/route.js';
import { applyReading, openCase } from '../../../lib/cases/transitions.js';
import { NO_VERDICTS } from '../../../lib/mail/verdicts.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import type { Reading } from '../../../lib/signals/types.js';

const policy = builtInPolicy('hull-east-riding');
const NO_FLAGS = { autoReply: false, bounce: false, ownMail: false };
const reading = (over: Partial<Reading> = {}): Reading => ({
  signals: [],
  escalateTo: null,
  resolved: false,
  forms: [],
  aboutProcess: true,
  review: null,
  ...over,
});
let n = 0;
const arrival = (people = ['a@one.example', 'b@two.example']): Arrival => ({
  messageId: `<m${++n}@x>`,
  at: DateTime.fromISO('2026-11-02T10:00:00Z').plus({ minutes: n }),
  from: people[0] ?? null,
  people,
  contacts: people,
  threadKeys: [`<m${n}@x>`],
});
const fresh = () => openCase({ ref: 'HERSP-2026-0001', policy, mailbox: 'p@x.example', stage: '1', arrival: arrival() });

describe('the state machine', () => {
  it('opens at the stage escalated to, else where a disagreement names its stage, else the first', () => {
    const none = { byReference: [], unknownReferences: [], byThread: null };
    const from = { from: { address: 'a@one.example', name: '' }, verdicts: NO_VERDICTS, flags: NO_FLAGS };
    expect(route(from, reading({ escalateTo: '3' }), none, policy)).toEqual({ kind: 'open', stage: '3' });
    expect(route(from, reading({ raisesDisagreement: true, namedStage: '4' }), none, policy)).toEqual({ kind: 'open', stage: '4' });
    expect(route(from, reading({ raisesDisagreement: true }), none, policy)).toEqual({ kind: 'open', stage: '1' });
  });

  it('advances, resolves, reopens and notes, recording who opened the stage', () => {
    let current = fresh();
    const escalation = arrival(['c@three.example']);
    current = applyReading(current, escalation, effectOf(current, reading({ escalateTo: '3' }), policy)).case;
    expect([current.stage, current.stageContacts, current.stageStartedAt]).toEqual([
      '3',
      ['c@three.example'],
      escalation.at.toUTC().toISO(),
    ]);
    expect(current.domains).toEqual(['one.example', 'two.example', 'three.example']);
    current = applyReading(current, arrival(), effectOf(current, reading({ resolved: true }), policy)).case;
    expect(current.status).toBe('resolved');
    const again = applyReading(current, arrival(), effectOf(current, reading({ escalateTo: '2' }), policy));
    expect([again.event, again.case.status]).toEqual(['noted', 'resolved']);
    const reopened = applyReading(current, arrival(), effectOf(current, reading({ escalateTo: '5' }), policy));
    expect([reopened.event, reopened.case.status, reopened.case.stage, reopened.case.resolvedAt]).toEqual(['reopened', 'open', '5', null]);
  });

  it('with a review note, changes nothing but the record', () => {
    const current = fresh();
    const applied = applyReading(
      current,
      arrival(),
      effectOf(current, reading({ escalateTo: '4', resolved: true }), policy),
      'review: contradictory',
    );
    expect([applied.event, applied.case.stage, applied.case.status, applied.case.history.at(-1)?.note]).toEqual([
      'noted',
      '1',
      'open',
      'review: contradictory',
    ]);
  });

  const step = fc.record({
    escalateTo: fc.option(fc.constantFrom(...policy.stages.map((s) => s.id)), { nil: null }),
    resolved: fc.boolean(),
    repeat: fc.boolean(),
  });

  it('never moves a stage backwards, applies each message once and records every message', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let current = fresh();
        let previous: Arrival | null = null;
        for (const s of steps) {
          const next: Arrival = s.repeat && previous ? previous : arrival();
          const before = current;
          const applied = applyReading(
            current,
            next,
            effectOf(current, reading({ escalateTo: s.escalateTo, resolved: s.resolved }), policy),
          );
          if (before.messages.includes(next.messageId)) expect(applied.case).toBe(before);
          current = applied.case;
          expect(Number(current.stage)).toBeGreaterThanOrEqual(Number(before.stage));
          previous = next;
        }
        expect(new Set(current.messages).size).toBe(current.messages.length);
        expect(current.history).toHaveLength(current.messages.length);
      }),
    );
  });
});

describe('routing', () => {
  const known = { ...fresh(), domains: ['one.example'] };
  const from = (address: string) => ({ from: { address, name: '' }, verdicts: NO_VERDICTS });
  const none = { byReference: [], unknownReferences: [], byThread: null };

  it.each([
    ['a thread match', from('x@any.example'), reading(), { ...none, byThread: known }, { kind: 'apply' }],
    ['a reference from a known domain', from('x@one.example'), reading(), { ...none, byReference: [known] }, { kind: 'apply' }],
    [
      'a reference from a stranger',
      from('x@stranger.example'),
      reading(),
      { ...none, byReference: [known] },
      { kind: 'review', attribute: false },
    ],
    [
      'a reference from a stranger, in the thread',
      from('x@stranger.example'),
      reading(),
      { ...none, byReference: [known], byThread: known },
      { kind: 'apply' },
    ],
    [
      'several references',
      from('x@one.example'),
      reading(),
      { ...none, byReference: [known, { ...known, ref: 'HERSP-2026-0002' }] },
      { kind: 'review', case: null },
    ],
    [
      'an unknown reference',
      from('x@one.example'),
      reading(),
      { ...none, unknownReferences: ['HERSP-2026-0009'] },
      { kind: 'review', case: null },
    ],
    ['a new escalation', from('x@one.example'), reading({ escalateTo: '2' }), none, { kind: 'open', stage: '2' }],
    ["a new message with only the process's words", from('x@one.example'), reading(), none, { kind: 'review', case: null }],
    ['other business', from('x@one.example'), reading({ frame: 'complaint' }), none, { kind: 'ignore', reason: 'unrelated' }],
    ['a new unrelated message', from('x@one.example'), reading({ aboutProcess: false }), none, { kind: 'ignore', reason: 'unrelated' }],
    ['a new ambiguous message', from('x@one.example'), reading({ review: 'ambiguous' }), none, { kind: 'review', case: null }],
    [
      'an ambiguous message on a case',
      from('x@one.example'),
      reading({ review: 'ambiguous' }),
      { ...none, byThread: known },
      { kind: 'review', attribute: true },
    ],
    [
      'DMARC failing on a case',
      { ...from('x@one.example'), verdicts: { ...NO_VERDICTS, dmarc: 'FAIL' as const } },
      reading(),
      { ...none, byThread: known },
      { kind: 'review', attribute: false },
    ],
    [
      'SPF and DKIM failing, new',
      { ...from('x@one.example'), verdicts: { ...NO_VERDICTS, spf: 'FAIL' as const, dkim: 'FAIL' as const } },
      reading({ escalateTo: '2' }),
      none,
      { kind: 'review', case: null, reason: expect.stringMatching(/not authenticated/) as string },
    ],
    [
      'SPF failing and no DKIM: neither passes, a spoof',
      { ...from('x@one.example'), verdicts: { ...NO_VERDICTS, spf: 'FAIL' as const } },
      reading({ escalateTo: '2' }),
      none,
      { kind: 'review', case: null },
    ],
    [
      'SPF failing with DKIM passing (a forwarded message)',
      { ...from('x@one.example'), verdicts: { ...NO_VERDICTS, spf: 'FAIL' as const, dkim: 'PASS' as const } },
      reading({ escalateTo: '2' }),
      none,
      { kind: 'open' },
    ],
  ])('%s', (_, message, r, found, expected) => {
    expect(route({ flags: NO_FLAGS, ...message }, r, found, policy)).toMatchObject(expected);
  });
});
