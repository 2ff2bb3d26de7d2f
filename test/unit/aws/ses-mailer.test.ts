import { SendRawEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { simpleParser } from 'mailparser';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SesMailer } from '../../../lib/aws/ses-mailer.js';
import { PermanentSendError, TransientSendError } from '../../../lib/outgoing/errors.js';
import type { OutgoingMail } from '../../../lib/outgoing/mail.js';

const ses = mockClient(SESClient);
const mailer = new SesMailer(new SESClient({ region: 'eu-west-2' }), {
  from: 'escalations@partnership.example',
  loopId: 'escalations@partnership.example',
});
const mail: OutgoingMail = {
  kind: 'overdue',
  caseRef: 'SSP-2026-0001',
  stage: '3',
  to: ['a@agency.example', 'b@other.example'],
  cc: ['partnership@swindon.example'],
  subject: '[SSP-2026-0001] Overdue: Stage 3 Team/Service Manager',
  text: 'Case SSP-2026-0001 is at Stage 3.\n\nThis was due by 5pm on Monday 16 November 2026 & is <overdue>.',
  replyTo: 'partnership@swindon.example',
};

beforeEach(() => {
  ses.reset();
  ses.on(SendRawEmailCommand).resolves({ MessageId: 'ses-1' });
});

describe('SesMailer', () => {
  it('sends a raw message with the loop and auto-reply headers, Reply-To the partnership, and text and HTML parts', async () => {
    await mailer.send(mail);
    const input = ses.commandCalls(SendRawEmailCommand)[0]?.args[0].input;
    expect(input?.Source).toBe('escalations@partnership.example');
    expect(input?.Destinations).toEqual(['a@agency.example', 'b@other.example', 'partnership@swindon.example']);
    const parsed = await simpleParser(Buffer.from(input?.RawMessage?.Data ?? new Uint8Array()));
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.headers.get('x-auto-response-suppress')).toBe('All');
    expect(parsed.headers.get('x-loop')).toBe('escalations@partnership.example');
    expect(parsed.replyTo?.text).toBe('partnership@swindon.example');
    expect(parsed.text?.trim()).toBe(mail.text);
    expect(parsed.html).toContain('<p>Case SSP-2026-0001 is at Stage 3.</p>');
    expect(parsed.html).toContain('&amp; is &lt;overdue&gt;.');
  });

  it('sends nothing to nobody', async () => {
    await mailer.send({ ...mail, to: [], cc: [] });
    expect(ses.commandCalls(SendRawEmailCommand)).toHaveLength(0);
  });

  it('rethrows a refusal as a permanent send error naming SES’s error, never its text (which names addresses)', async () => {
    ses.on(SendRawEmailCommand).rejects(
      Object.assign(new Error('Local address contains control or whitespace: zoë@agency.example'), {
        name: 'InvalidParameterValue',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const error = await mailer.send(mail).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentSendError);
    expect((error as Error).message).toMatch(/^SES InvalidParameterValue 400 \(message digest [0-9a-f]{12}\)$/);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('agency.example');
    expect(ses.commandCalls(SendRawEmailCommand)[0]?.args[0].input).toMatchObject({
      Source: 'escalations@partnership.example',
      Destinations: ['a@agency.example', 'b@other.example', 'partnership@swindon.example'],
    });
  });

  it('rethrows throttling and other failures as transient, for the retry', async () => {
    ses
      .on(SendRawEmailCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $metadata: { httpStatusCode: 400 } }));
    await expect(mailer.send(mail)).rejects.toBeInstanceOf(TransientSendError);
  });
});
