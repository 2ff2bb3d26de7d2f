import { describe, expect, it } from 'vitest';
import { splitNewText } from '../../../lib/mail/new-text.js';

describe('the new text of a message', () => {
  it.each([
    [
      'Outlook quoted block',
      'Escalating to Stage 3.\n\nFrom: Bob <bob@a.example>\nSent: 30 October 2026 16:02\nTo: Jane\nSubject: RE: x\n\nThis is resolved.',
    ],
    [
      'Outlook underscore separator',
      'Escalating to Stage 3.\n\n________________________________\nFrom: Bob\nSent: Friday\n\nThis is resolved.',
    ],
    ['Original Message', 'Escalating to Stage 3.\n\n-----Original Message-----\nFrom: Bob\nThis is resolved.'],
    ['Gmail', 'Escalating to Stage 3.\n\nOn Mon, 2 Nov 2026 at 10:15, Bob <bob@a.example> wrote:\n> This is resolved.'],
    [
      'Gmail, wrapped',
      'Escalating to Stage 3.\n\nOn Mon, 2 Nov 2026 at 10:15, Bob Jones <bob.jones@a.example>\nwrote:\n> This is resolved.',
    ],
    [
      'Apple Mail',
      'Escalating to Stage 3.\n\nSent from my iPhone\n\n> On 2 Nov 2026, at 10:15, Bob <bob@a.example> wrote:\n>\n> This is resolved.',
    ],
    ['Gmail forward', 'Escalating to Stage 3.\n\n---------- Forwarded message ---------\nFrom: Bob <bob@a.example>\n\nThis is resolved.'],
    ['Apple forward', 'Escalating to Stage 3.\n\nBegin forwarded message:\n\nFrom: Bob <bob@a.example>\n\nThis is resolved.'],
    ['German Outlook', 'Escalating to Stage 3.\n\nVon: Bob <bob@a.example>\nGesendet: Montag\nAn: Jane\n\nThis is resolved.'],
    ['a disclaimer', 'Escalating to Stage 3.\n\nThis email and any attachments are confidential. If it is not resolved, contact us.'],
    ['a signature', 'Escalating to Stage 3.\n\nKind regards,\nJane\nResolution lead'],
  ])('leaves out %s', (_, body) => {
    const { newText, historyText } = splitNewText(body);
    expect(newText).toContain('Escalating to Stage 3.');
    expect(newText).not.toMatch(/resolved|Resolution lead/i);
    if (!/disclaimer|signature/.test(_)) expect(historyText).toContain('This is resolved.');
  });

  it('keeps a message with no history whole, and drops quoted lines inside it', () => {
    expect(splitNewText('Line one.\r\n\r\nLine two.').newText).toBe('Line one.\n\nLine two.');
    expect(splitNewText('Reply above.\n> quoted\n> more').newText).toBe('Reply above.');
  });

  it('does not take a From: line in the text for history unless a date follows', () => {
    expect(splitNewText('From: my side, we agree.\nThanks').newText).toBe('From: my side, we agree.\nThanks');
  });
});
