import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnreadableMailError } from '../../../lib/mail/errors.js';
import { MAX_MESSAGE_BYTES, parseMessage } from '../../../lib/mail/parse.js';

const OWN = { ownLoop: 'escalations@partnership.example' };
const mail = (text: string) => Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'latin1');
const corpus = new URL('../../fixtures/mail/', import.meta.url);
const corpusMessages = readdirSync(corpus)
  .filter((f) => f.endsWith('.eml'))
  .map((f) => readFileSync(new URL(f, corpus)));

const SIMPLE = `From: Jane <Jane@A.example>
To: bob@b.example, "Lee, Ann" <ann@b.example>
Subject: Re: Stage 2
Date: Mon, 2 Nov 2026 10:15:00 +0000
Message-ID: <one@a.example>
Content-Type: text/plain; charset=utf-8

Escalating to Stage 3.
`;

describe('parseMessage', () => {
  it('reads the headers that matter, addresses lower-cased and names kept', async () => {
    const message = await parseMessage(mail(SIMPLE), OWN);
    expect(message).toMatchObject({
      messageId: '<one@a.example>',
      messageIdDerived: false,
      from: { address: 'jane@a.example', name: 'Jane' },
      to: [
        { address: 'bob@b.example', name: '' },
        { address: 'ann@b.example', name: 'Lee, Ann' },
      ],
      cleanSubject: 'Stage 2',
      newText: 'Escalating to Stage 3.',
    });
    expect(message.date?.toISOString()).toBe('2026-11-02T10:15:00.000Z');
    expect(message.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('derives a Message-ID from the bytes when there is none, the same for the same bytes', async () => {
    const bytes = mail(SIMPLE.replace('Message-ID: <one@a.example>\n', ''));
    const [a, b] = await Promise.all([parseMessage(bytes, OWN), parseMessage(bytes, OWN)]);
    expect(a.messageIdDerived).toBe(true);
    expect(a.messageId).toMatch(/^<[0-9a-f]{32}@derived\.invalid>$/);
    expect(b.messageId).toBe(a.messageId);
  });

  it('turns an invalid date into no date', async () => {
    expect((await parseMessage(mail(SIMPLE.replace('Mon, 2 Nov 2026 10:15:00 +0000', 'yesterday-ish')), OWN)).date).toBeNull();
  });

  it('reads a windows-1252 body and an unknown charset without failing', async () => {
    const cp1252 = Buffer.concat([
      mail(SIMPLE.replace('utf-8', 'windows-1252').replace('Escalating to Stage 3.\n', '')),
      Buffer.from([0x92, 0x41, 0xa3, 0x35, 0x0d, 0x0a]),
    ]);
    expect((await parseMessage(cp1252, OWN)).newText).toBe('’A£5');
    expect((await parseMessage(mail(SIMPLE.replace('utf-8', 'x-unknown-charset')), OWN)).newText).toContain('Stage 3');
  });

  it('keeps every References id and the In-Reply-To', async () => {
    const message = await parseMessage(
      mail(SIMPLE.replace('Content-Type', 'In-Reply-To: <two@b.example>\nReferences: <zero@a.example>\n <two@b.example>\nContent-Type')),
      OWN,
    );
    expect(message.inReplyTo).toBe('<two@b.example>');
    expect(message.references).toEqual(['<zero@a.example>', '<two@b.example>']);
  });

  it('turns an HTML-only part inside multipart/mixed into text', async () => {
    const html = `From: a@a.example\nSubject: x\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/html; charset=utf-8\n\n<p>We are <b>moving</b> this to Stage 3.</p><blockquote>old</blockquote>\n--b--\n`;
    expect((await parseMessage(mail(html), OWN)).newText).toContain('We are moving this to Stage 3.');
  });

  it("recognises its own mail by X-Loop and the SES headers' verdicts", async () => {
    const own = SIMPLE.replace('Content-Type', 'X-Loop: Escalations@Partnership.example\nX-SES-Spam-Verdict: FAIL\nContent-Type');
    const message = await parseMessage(mail(own), OWN);
    expect(message.flags.ownMail).toBe(true);
    expect(message.verdicts.spam).toBe('FAIL');
    expect((await parseMessage(mail(own), { ...OWN, verdicts: { spam: 'PASS' } })).verdicts.spam).toBe('PASS');
  });

  const withAttachment = (megabytes: number) => {
    const big = Buffer.alloc(megabytes * 1024 * 1024, 0x41)
      .toString('base64')
      .replace(/.{76}/g, '$&\r\n');
    return mail(
      `${SIMPLE.replace('Content-Type: text/plain; charset=utf-8', 'Content-Type: multipart/mixed; boundary=b')}--b\nContent-Type: text/plain\n\nSee attached.\n--b\nContent-Type: application/pdf; name=big.pdf\nContent-Disposition: attachment; filename=big.pdf\nContent-Transfer-Encoding: base64\n\n${big}\n--b--\n`,
    );
  };

  it('counts a 28 MB attachment (the largest SES accepts, encoded) without keeping it', async () => {
    const message = await parseMessage(withAttachment(28), OWN);
    expect(message.attachments).toEqual([{ filename: 'big.pdf', contentType: 'application/pdf', size: 28 * 1024 * 1024 }]);
    expect(message.newText).toBe('See attached.');
  });

  it('refuses a message with a 30 MB attachment: base64 makes it larger than SES receives', async () => {
    const error = await parseMessage(withAttachment(30), OWN).catch((e: unknown) => e);
    expect((error as UnreadableMailError).reason).toBe('too-large');
  });

  it.each([
    ['over the SES receiving limit', Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0x41), 'too-large'],
    ['bytes that are not mail', Buffer.from([0, 1, 2, 3, 255, 254, 10, 13]), 'not-mail'],
    ['an empty buffer', Buffer.alloc(0), 'not-mail'],
  ])('refuses %s with a reason', async (_, bytes, reason) => {
    const error = await parseMessage(bytes, OWN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableMailError);
    expect((error as UnreadableMailError).reason).toBe(reason);
  });

  it('reads truncated MIME, duplicate headers and deeply nested multiparts', async () => {
    const truncated = mail(
      `${SIMPLE.replace('Content-Type: text/plain; charset=utf-8', 'Content-Type: multipart/mixed; boundary=b')}--b\nContent-Type: text/plain\n\nStage 3 now`,
    );
    expect((await parseMessage(truncated, OWN)).newText).toBe('Stage 3 now');
    const duplicated = mail(SIMPLE.replace('Subject: Re: Stage 2', 'Subject: Re: Stage 2\nSubject: Other\nFrom: x@y.example'));
    expect((await parseMessage(duplicated, OWN)).cleanSubject).toBe('Stage 2');
    let nested = 'Content-Type: text/plain\n\ndeep text\n';
    for (let depth = 0; depth < 60; depth++)
      nested = `Content-Type: multipart/mixed; boundary=b${depth}\n\n--b${depth}\n${nested}--b${depth}--\n`;
    const deep = await parseMessage(mail(`From: a@a.example\nSubject: deep\n${nested}`), OWN);
    expect(deep.subject).toBe('deep');
  });

  it('never throws anything but UnreadableMailError on mutated real messages', async () => {
    const mutation = fc.record({
      message: fc.integer({ min: 0, max: corpusMessages.length - 1 }),
      cut: fc.double({ min: 0, max: 1, noNaN: true }),
      flips: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }) }), {
        maxLength: 20,
      }),
      insert: fc.oneof(
        fc.constant(''),
        fc.constant('\r\n--b\r\n'),
        fc.constant('Content-Type: multipart/mixed; boundary=x\r\n'),
        fc.string({ maxLength: 40 }),
      ),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ message, cut, flips, insert }) => {
        const original = corpusMessages[message] ?? Buffer.alloc(0);
        const bytes = Buffer.from(original.subarray(0, Math.floor(original.length * (0.2 + 0.8 * cut))));
        for (const flip of flips) bytes[Math.floor(flip.at * (bytes.length - 1))] = flip.byte;
        const at = Math.floor(bytes.length / 2);
        const mutated = Buffer.concat([bytes.subarray(0, at), Buffer.from(insert), bytes.subarray(at)]);
        try {
          const parsed = await parseMessage(mutated, OWN);
          expect(typeof parsed.messageId).toBe('string');
          expect(typeof parsed.newText).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(UnreadableMailError);
        }
      }),
      { numRuns: 150 },
    );
  });
});
