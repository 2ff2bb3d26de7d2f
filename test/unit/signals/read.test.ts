import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { readSignals } from '../../../lib/signals/read.js';
import type { StageSignal } from '../../../lib/signals/types.js';

const swindon = builtInPolicy('swindon');
const read = (newText: string, currentStage?: string, extra: { cleanSubject?: string; historyText?: string; policy?: string } = {}) =>
  readSignals(
    { newText, historyText: extra.historyText ?? '', cleanSubject: extra.cleanSubject ?? 'Update', attachments: [] },
    extra.policy ? builtInPolicy(extra.policy) : swindon,
    { currentStage },
    { includeHistory: true },
  );
const stageHows = (text: string, stage?: string) =>
  read(text, stage)
    .signals.filter((s): s is StageSignal => s.kind === 'stage')
    .map((s) => `${s.stage}:${s.how}`);

describe('stage signals', () => {
  it.each([
    ['As we have not been able to agree, I am escalating this to Stage 3.', ['3:phrase']],
    ['I am referring it to you at Stage 4.', ['4:phrase']],
    ['Moving this to Stage 5 now.', ['5:phrase']],
    ['I would like to escalate this to stage three please.', ['3:phrase']],
    ['Please treat this as a Stage 2 escalation under the resolution policy.', ['2:phrase']],
    ['The managers have not resolved this, so I am taking it to Stage Two.', ['2:phrase']],
    ['If we cannot agree by Friday I will escalate to Stage 2.', ['2:conditional']],
    ['Hopefully this can be resolved at stage 3.', ['3:conditional']],
    ['Should we escalate to Stage 4?', ['4:conditional']],
    ['This was escalated to stage 2 last week.', ['2:past']],
    ['I am not escalating this to stage 3 at this point.', ['3:negated']],
    ["I don't think there is any need to escalate to stage 3.", ['3:negated']],
    ['We discussed it at Stage 2 and could not agree.', ['2:mention']],
    ['Stage 9 does not exist in this policy.', []],
  ])('%s', (text, expected) => {
    expect(stageHows(text, '1')).toEqual(expected);
  });

  it("reads the policy's own stage word and number words", () => {
    expect(read('This has now moved to Step 2.', '1', { policy: 'sunderland' }).escalateTo).toBe('2');
    expect(read('This has now moved to Step 2.', '1').escalateTo).toBeNull(); // Swindon has stages, not steps
    expect(read('We are escalating to stage zero.', undefined, { policy: 'wiltshire' }).escalateTo).toBe('0');
  });

  it('escalates by a subject that names a higher stage than the case is at, not a lower or equal one', () => {
    expect(read('See the subject.', '2', { cleanSubject: 'Stage 3 - disagreement' }).escalateTo).toBe('3');
    expect(read('See the subject.', '3', { cleanSubject: 'Stage 3 - disagreement' }).escalateTo).toBeNull();
    expect(read('See the subject.', undefined, { cleanSubject: 'Stage 2 - disagreement' }).escalateTo).toBe('2');
  });

  it('takes quoted history as mentions only', () => {
    const reading = read('Noted, thanks.', '2', { historyText: 'I am escalating this to Stage 4. It is now resolved.' });
    expect(reading.escalateTo).toBeNull();
    expect(reading.resolved).toBe(false);
    expect(reading.signals.map((s) => s.kind === 'stage' && s.how)).toContain('history');
    expect(reading.aboutProcess).toBe(false);
  });
});

describe('resolution signals', () => {
  it.each([
    ['Thank you, I can confirm this is now resolved.', true],
    ['We have agreed a way forward and I consider the matter closed.', true],
    ['I am happy for this to be closed as resolved.', true],
    ['This is not resolved.', false],
    ['The matter remains unresolved.', false],
    ['It cannot be resolved without the GP.', false],
    ['If this is not resolved by Friday I will escalate.', false],
    ['Once it is resolved I will update the record.', false],
  ])('%s → %s', (text, resolved) => {
    expect(read(text, '2').resolved).toBe(resolved);
  });
});

describe('review', () => {
  it.each([
    ['From our side this is now resolved. I am escalating to Stage 4.', /^contradictory/],
    ['I am escalating this to stage 3 today. I am also escalating it to stage 5 given the risk.', /several stages \(3, 5\)/],
    ['We still disagree, so I am escalating this to the Heads of Service.', /named only by its title \(4\)/],
    ['Is this now resolved from your side?', /asks whether/],
    ['I am escalating this to my line manager.', /names no stage/],
  ])('%s', (text, reason) => {
    const reading = read(text, '2');
    expect(reading.review).toMatch(reason);
    expect([reading.escalateTo, reading.resolved]).toEqual([null, false]);
  });
});

describe('forms', () => {
  it('an attached form escalates to its stage; a mention alone does not', () => {
    const attached = readSignals(
      {
        newText: 'Please see attached.',
        historyText: '',
        cleanSubject: 'Referral',
        attachments: [{ filename: 'Appendix_1_Resolution_Form.docx', contentType: 'application/msword', size: 10 }],
      },
      swindon,
      { currentStage: '4' },
    );
    expect([attached.escalateTo, attached.forms]).toEqual(['5', ['appendix-1']]);
    const mentioned = read('We may need the Appendix 1 form later.', '4');
    expect([mentioned.escalateTo, mentioned.forms]).toEqual([null, []]);
    expect(read('Appendix 10 is the flowchart.', '4').signals.some((s) => s.kind === 'form')).toBe(false);
  });
});

describe('properties', () => {
  it('never escalate from text under a condition, and never throw on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 5 }), (noise, stage) => {
        expect(read(`If we cannot agree I will escalate to Stage ${stage}.`, '1').escalateTo).toBeNull();
        const reading = read(noise, '1');
        expect(reading.escalateTo === null || swindon.stages.some((s) => s.id === reading.escalateTo)).toBe(true);
      }),
    );
  });
});
