import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { forwardedHeaderBlocks } from '../../../lib/mail/forwarded.js';
import { boundedHtml, MAX_HTML_CHARS, MAX_HTML_DEPTH } from '../../../lib/mail/html-text.js';
import { splitNewText } from '../../../lib/mail/new-text.js';
import { MAX_EXAMINED, resetWork, work } from '../../../lib/mail/scan.js';
import { signatureStart } from '../../../lib/mail/signature.js';
import { cleanSubject } from '../../../lib/mail/subject.js';

/**
 * Linear time without a clock: every pattern in lib/mail reads a line through scan.ts, which
 * counts what it hands over. A pattern given at most MAX_EXAMINED characters does bounded work
 * whatever it backtracks, so "each input bounded, and their total at most a constant times the
 * message" is linear time. The CPU per MB of hostile messages is measured by `npm run bench`.
 */
const FRAGMENTS = [
  'On ',
  'on ',
  'wrote',
  'wrote:',
  ' wrote ',
  'schrieb',
  'a écrit :',
  '写道：',
  'написал:',
  'skrev',
  'Am ',
  'Le ',
  'Op ',
  ':',
  '：',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  '\u00a0',
  '\u200b',
  '>',
  '> ',
  '-',
  '--',
  '-----',
  '_',
  '__________',
  '<',
  '>',
  '@',
  'a@b.example',
  '<a@b.example>',
  'From:',
  'From: ',
  'Sent:',
  'Date:',
  'To:',
  'Von:',
  '发件人:',
  '差出人:',
  '2014-03-20 ',
  '02.04.2012 ',
  '2013/7/20 ',
  '1',
  '12:30',
  'Thanks',
  'Thanks,',
  'Regards,',
  'Regards, Jane',
  'Kind regards',
  'Sent from my iPhone',
  '-----Original Message-----',
  'Begin forwarded message:',
  'reply above this line',
  'x',
  'word',
  'Escalating to stage 2.',
  '(',
  ')',
  '"',
  ',',
  '.',
  '*',
];

const hostileText = fc.oneof(
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 3000 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 5000 }),
  // one fragment repeated: long lines and many lines of the same thing
  fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 1, max: 20_000 })).map(([part, times]) => part.repeat(times)),
  fc
    .tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...FRAGMENTS), fc.integer({ min: 1, max: 5_000 }))
    .map(([a, b, times]) => `${a}${b}\n`.repeat(times)),
);

/** Characters examined per character of input (and per line), at most: a constant. */
const PER_CHAR = 40;

function assertLinear(text: string) {
  const lines = text.split('\n').length;
  expect(work.longest).toBeLessThanOrEqual(MAX_EXAMINED);
  expect(work.examined).toBeLessThanOrEqual(PER_CHAR * (text.length + lines));
}

describe('linear time in lib/mail', () => {
  beforeEach(() => {
    resetWork();
  });

  it('splitNewText examines a bounded part of each line, a bounded number of times', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        resetWork();
        splitNewText(text);
        assertLinear(text);
      }),
      { numRuns: 150 },
    );
  });

  it('signatureStart reads each line a bounded number of times', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        resetWork();
        const lines = text.split('\n');
        const start = signatureStart(lines);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(start).toBeLessThanOrEqual(lines.length);
        assertLinear(text);
      }),
      { numRuns: 150 },
    );
  });

  it('the hostile inputs of the issue stay within the bound', () => {
    const inputs = [
      `Reply.\n\nOn ${'wrote '.repeat(50_000)}`,
      `Reply.\n\nOn 1 ${'wrote: '.repeat(50_000)}`,
      `Reply.\n\n${'Thanks\n\n'.repeat(50_000)}`,
      `Reply.\n\n${'Thanks\n\n'.repeat(50_000)}${'long line '.repeat(20)}`,
      `Reply.\n${' '.repeat(300_000)}x`,
      '> q\na\n'.repeat(50_000),
      'On 1 May, Bob\n'.repeat(30_000),
    ];
    for (const text of inputs) {
      resetWork();
      splitNewText(text);
      assertLinear(text);
    }
  });

  it('doubling the message at most doubles the work (plus a constant)', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        resetWork();
        splitNewText(text);
        const once = work.examined;
        resetWork();
        splitNewText(`${text}\n${text}`);
        expect(work.examined).toBeLessThanOrEqual(2 * once + 4 * MAX_EXAMINED * 8);
      }),
      { numRuns: 100 },
    );
  });

  it('forwardedHeaderBlocks examines at most 4,000 characters of a quoted header line', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('From: ', 'To: ', 'Cc: ', ''), (text, field) => {
        resetWork();
        const lines = `${field}${text}`.split('\n');
        const blocks = forwardedHeaderBlocks(lines);
        expect(blocks.length).toBeLessThanOrEqual(lines.length);
        expect(work.longest).toBeLessThanOrEqual(4000);
        expect(work.examined).toBeLessThanOrEqual(text.length + field.length + lines.length);
      }),
      { numRuns: 150 },
    );
  });

  it('bounds the HTML given to html-to-text in size and depth', () => {
    const tags = fc.constantFrom(
      '<div>',
      '</div>',
      '<p>',
      '</p>',
      '<br>',
      '<img src=x/>',
      '<blockquote>',
      '</blockquote>',
      '<style>',
      '</style>',
      '<!--',
      '-->',
      '<',
      '>',
      'text ',
      '<a href="x">',
      '</a>',
      '<span class=y>',
    );
    const html = fc.oneof(
      fc.array(tags, { maxLength: 5000 }).map((parts) => parts.join('')),
      fc.integer({ min: 1, max: 100_000 }).map((depth) => `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`),
      fc.integer({ min: 1, max: 200_000 }).map((n) => `${'<style>'.repeat(n)}${'<!--'.repeat(n)}`),
    );
    fc.assert(
      fc.property(html, (input) => {
        const out = boundedHtml(input);
        expect(out.length).toBeLessThanOrEqual(Math.min(input.length, MAX_HTML_CHARS));
        let depth = 0;
        let deepest = 0;
        for (const match of out.matchAll(/<(\/?)(div|p|blockquote|a|span)\b[^<>]*>/g)) {
          depth = match[1] ? Math.max(0, depth - 1) : depth + 1;
          deepest = Math.max(deepest, depth);
        }
        expect(deepest).toBeLessThanOrEqual(MAX_HTML_DEPTH);
      }),
      { numRuns: 100 },
    );
  });

  it('cleans 100,000 reply prefixes off a subject', () => {
    expect(cleanSubject(`${'Re: '.repeat(100_000)}Stage 2`)).toBe('Stage 2');
    expect(cleanSubject(`${'RE: [EXTERNAL] Fwd: '.repeat(20_000)}Stage 2`)).toBe('Stage 2');
  });
});
