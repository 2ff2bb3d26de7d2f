import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { readSignals } from '../../../lib/signals/read.js';
import { aboutSomethingElse, namesTheDisagreement } from '../../../lib/signals/topic.js';

const swindon = builtInPolicy('swindon');
const read = (newText: string) =>
  readSignals({ newText, historyText: '', cleanSubject: 'Update', attachments: [] }, swindon, { currentStage: '2' });
const resolves = (text: string) => read(text).resolved;
const escalates = (text: string) => read(text).escalateTo;

describe('what a resolution is said of', () => {
  it.each([
    'Agreed, Tuesday works for me.',
    "Agreed we'll do a joint visit on Thursday.",
    'Agreed - I will send the chronology tomorrow.',
    'The IT issue is now resolved so you should be able to open the chronology.',
    'The access problem with Egress is sorted now.',
    "Dad's housing benefit claim has been settled.",
    'We reached agreement on the interpreter booking.',
    "I'm content with the chronology you sent.",
    'All agreed for the meeting at 10.',
  ])('other business, no resolution: %s', (text) => {
    expect(resolves(text)).toBe(false);
  });

  it.each([
    'We have resolved this.',
    'The disagreement has been resolved.',
    'Following our meeting this morning the dispute has been resolved - contact stays supervised.',
    'The disagreement about Child A was resolved at Stage Two following my meeting on 3 February.',
    'For the record, the concern has now been resolved between us as senior managers.',
    "Perfect, that's resolved then.",
    "I'm happy that's resolved.",
    'The matter between health and the council is now resolved.',
    "We've reached a shared understanding on this one - thank you.",
    'The school have withdrawn their challenge.',
    'The Trust is happy for this to be closed.',
    "There's no further action needed on the disagreement.",
    'So resolved at Stage One.',
    "I'm satisfied with the explanation.",
    'Happy for this to come off the SSCP list.',
  ])('the disagreement, resolved: %s', (text) => {
    expect(resolves(text)).toBe(true);
  });

  it.each([
    ['the disagreement', true],
    ['the professional disagreement about child a', true],
    ['this', true],
    ['the it issue', false],
    ['the access problem with egress', false],
    ["dad's housing benefit claim", false],
    ['the interpreter booking', false],
    ["the panel's final decision", true],
  ])('%s names the disagreement: %s', (phrase, expected) => {
    expect(namesTheDisagreement(phrase)).toBe(expected);
  });

  it('never throws and stays within its clause, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), fc.nat(600), fc.string({ maxLength: 40 }), (clause, index, match) => {
        expect(typeof aboutSomethingElse(clause, Math.min(index, clause.length), match)).toBe('boolean');
      }),
    );
  });
});

describe('warnings are not steps taken', () => {
  it.each([
    "If I haven't heard anything from you by close of play Wednesday I'll be asking Mr Perrin to take this to your team manager under stage 3.",
    "Craig - if we haven't agreed a way forward by tomorrow lunchtime, I'll ask my TM to speak to your DI under Step 3.",
    "In the absence of a reply by Monday I'll refer this up to stage 3.",
    'We will refer this to stage 3 by Friday.',
  ])('%s', (text) => {
    expect(escalates(text)).toBeNull();
  });

  it.each([
    ['We have not been able to agree, so I am escalating this to stage 3.', '3'],
    ["I'd ask that this goes to the Head of Service for a decision.", '4'],
  ])('a step taken or asked for now: %s', (text, stage) => {
    expect(escalates(text)).toBe(stage);
  });
});
