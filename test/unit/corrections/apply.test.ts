import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { appliedAlready, correctCase, mergeCases } from '../../../lib/corrections/apply.js';
import type { Command } from '../../../lib/corrections/commands.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { aCase } from '../../support/case.js';

const policy = builtInPolicy('swindon');
const context = { policy, at: DateTime.fromISO('2026-11-04T11:00:00Z'), by: 'ssp@x.example', messageId: '<c1@x>' };

describe('correctCase', () => {
  it.each<[string, Partial<ReturnType<typeof aCase>>, Command[], string | RegExp]>([
    ['stage up', {}, [{ kind: 'stage', stage: '3' }], 'moved from stage 1 to stage 3'],
    ['stage down', { stage: '4' }, [{ kind: 'stage', stage: '2' }], 'moved from stage 4 to stage 2'],
    ['unknown stage', {}, [{ kind: 'stage', stage: '7' }], /has no stage 7/],
    ['stage on a resolved case', { status: 'resolved' }, [{ kind: 'stage', stage: '2' }], /is resolved: send #reopen first/],
    ['reopen an open case', {}, [{ kind: 'reopen' }], /is open already/],
    ['resolve twice', { status: 'resolved' }, [{ kind: 'resolved' }], /is resolved already/],
    ['withdraw twice', { status: 'withdrawn' }, [{ kind: 'not-a-case' }], /is withdrawn already/],
    ['due today at 17:00 is still to come', {}, [{ kind: 'due', date: '2026-11-04' }], "stage 1's deadline set to 2026-11-04, 17:00"],
    ['due yesterday', {}, [{ kind: 'due', date: '2026-11-03' }], /has passed/],
    ['another policy', { policyId: 'sunderland' }, [{ kind: 'resolved' }], /under another policy/],
  ])('%s', (_name, overrides, commands, expected) => {
    const result = correctCase(aCase(overrides), commands, context);
    if (typeof expected === 'string') expect(result).toMatchObject({ done: [expected] });
    else expect('refused' in result && result.refused).toMatch(expected);
  });

  it('is pure, all or nothing: either refused, or exactly one history entry more, naming the sender, at the next version', () => {
    const commandArb = fc.oneof(
      fc.constantFrom('1', '2', '3', '4', '5', '9').map((stage): Command => ({ kind: 'stage', stage })),
      fc.constantFrom<Command>({ kind: 'resolved' }, { kind: 'reopen' }, { kind: 'not-a-case' }),
      fc.constantFrom('2026-11-01', '2026-11-20').map((date): Command => ({ kind: 'due', date })),
    );
    fc.assert(
      fc.property(fc.constantFrom('open', 'resolved', 'withdrawn' as const), fc.array(commandArb, { maxLength: 3 }), (status, commands) => {
        const before = aCase({ status: status as 'open' });
        const frozen = JSON.stringify(before);
        const result = correctCase(before, commands, context);
        expect(JSON.stringify(before)).toBe(frozen);
        if ('refused' in result) return;
        expect(result.case.history).toHaveLength(before.history.length + 1);
        expect(result.case.history.at(-1)).toMatchObject({ from: 'ssp@x.example', messageId: '<c1@x>', status: result.case.status });
        expect(result.case.version).toBe(before.version + 1);
        expect(appliedAlready(result.case, '<c1@x>')).toBe(true);
      }),
    );
  });
});

describe('mergeCases', () => {
  const a = aCase({
    ref: 'SSP-2026-0001',
    messages: ['<a@x>'],
    threadKeys: ['<a@x>'],
    participants: ['a@x.example'],
    domains: ['x.example'],
  });
  const b = aCase({
    ref: 'SSP-2026-0002',
    messages: ['<b@x>'],
    threadKeys: ['<b@x>', '<b0@x>'],
    participants: ['b@y.example'],
    domains: ['y.example'],
  });
  it('moves messages, people and thread keys, and withdraws the merged case', () => {
    const merged = mergeCases(b, a, context);
    expect(merged).toMatchObject({
      source: { status: 'withdrawn', version: b.version + 1 },
      into: { messages: ['<a@x>', '<b@x>'], threadKeys: ['<a@x>', '<b@x>', '<b0@x>'], domains: ['x.example', 'y.example'] },
    });
  });
  it.each<[string, ReturnType<typeof aCase>, ReturnType<typeof aCase>, RegExp]>([
    ['into itself', a, a, /into itself/],
    ['into a withdrawn case', b, { ...a, status: 'withdrawn' }, /is withdrawn: merge into a case that stands/],
    ['across policies', b, { ...a, policyId: 'sunderland' }, /another mailbox or policy/],
  ])('refuses a merge %s', (_name, source, into, why) => {
    const merged = mergeCases(source, into, context);
    expect('refused' in merged && merged.refused).toMatch(why);
  });
});
