import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { startLocalRuntime } from '../../lib/local/runtime.js';
import { builtInPolicy } from '../../lib/policy/registry.js';
import { eml } from '../support/eml.js';
import { RuntimeEvents } from '../support/runtime-events.js';
import { FixedClock } from '../support/fakes.js';

const MAILBOX = 'safeguardingpartnership@swindon.example';
const PARTNERSHIP = 'business.unit@swindon.example';
const deployment = {
  mailboxes: [{ address: MAILBOX, policy: builtInPolicy('swindon'), partnershipAddresses: [PARTNERSHIP], monitoringAddress: MAILBOX }],
  fromAddress: 'escalations@partnership.example',
  loopId: 'escalations@partnership.example',
  closureDays: [],
  maxRecipients: 10,
  agencies: {},
};
const JANE = 'Jane Smith <jane.smith@swindon-council.example>';
const RAJ = 'Raj Patel <raj.patel@gwh-nhs.example>';

async function send(port: number, raw: Buffer, from: string): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  await transport.sendMail({ envelope: { from, to: [MAILBOX] }, raw });
  transport.close();
}

describe('commands by mail over real SMTP to the local runtime', () => {
  it('a review request’s one-click link opens the case; a #stage reply corrects it; each is confirmed by mail', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'corrections-smtp-'));
    const clock = new FixedClock(DateTime.fromISO('2026-11-02T10:15', { zone: 'Europe/London' }));
    const lines: string[] = [];
    const events = new RuntimeEvents();
    const log = (line: string) => {
      lines.push(line);
      events.notify();
    };
    const runtime = await startLocalRuntime({ deployment, dataDir, smtpPort: 0, clock, log, tickMs: 20, onTick: events.notify });
    try {
      const outboxFile = (part: string) => readdirSync(join(dataDir, 'outbox')).find((name) => name.includes(part));
      // A message naming an unknown case goes to review.
      await send(
        runtime.smtpPort,
        eml({ from: JANE, to: RAJ, cc: MAILBOX, subject: '[SSP-2026-0999] Discharge plan', text: 'We are escalating to Stage 2.' }),
        'jane.smith@swindon-council.example',
      );
      const reviewFile = await events.until(() => outboxFile('-review-'));
      const review = await simpleParser(readFileSync(join(dataDir, 'outbox', reviewFile)));
      expect(review.subject).toMatch(/^Review needed \[review [0-9a-f]{24}\]: /);
      // The plain part lists each command with its link; the HTML part has them as links.
      expect(review.text).toContain('- Open as a case at Stage 2 Inter-agency Discussion: <mailto:');
      const hrefs = [...String(review.html).matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => ({
        href: m[1] ?? '',
        label: m[2] ?? '',
      }));
      const openAt2 = hrefs.find((link) => link.label === 'Open as a case at Stage 2 Inter-agency Discussion');
      expect(openAt2).toBeDefined();
      const mailto = new URL((openAt2?.href ?? '').replace(/&amp;/g, '&'));
      expect(mailto.pathname).toBe(MAILBOX);
      const prefilled = { subject: mailto.searchParams.get('subject') ?? '', body: mailto.searchParams.get('body') ?? '' };
      expect(prefilled.body).toBe('#open stage 2\r\n');

      // One click and one send: the mail client sends what the link prefilled.
      const clicked = eml({ from: `Business Unit <${PARTNERSHIP}>`, to: MAILBOX, subject: prefilled.subject, text: prefilled.body });
      await send(runtime.smtpPort, clicked, PARTNERSHIP);
      const opened = await events.until(() => runtime.store.getCase('SSP-2026-0001'));
      expect(opened).toMatchObject({ stage: '2', status: 'open' });
      await events.until(() => lines.includes('command applied SSP-2026-0001: opened'));
      const confirmation = await events.until(() => outboxFile('-confirmation-SSP-2026-0001'));
      const confirmed = await simpleParser(readFileSync(join(dataDir, 'outbox', confirmation)));
      expect(confirmed.to).toMatchObject({ value: [{ address: PARTNERSHIP }] });
      expect(confirmed.subject).toMatch(/Correction applied: #open stage 2$/);

      // A #stage reply moves it on; its reminders are re-booked for the new stage.
      clock.set('2026-11-03T09:00');
      await send(
        runtime.smtpPort,
        eml({
          from: PARTNERSHIP,
          to: MAILBOX,
          subject: 'Re: [SSP-2026-0001] Professional disagreement recorded',
          text: '#stage 4\n\nAgreed at the panel.',
        }),
        PARTNERSHIP,
      );
      await events.until(async () => (await runtime.store.getCase('SSP-2026-0001'))?.stage === '4');
      expect(
        runtime.reminders
          .list()
          .filter((r) => r.caseRef === 'SSP-2026-0001')
          .every((r) => r.reminderId.includes('stage-4') || r.reminderId.includes('overall')),
      ).toBe(true);
    } finally {
      await runtime.stop();
    }
  });
});
