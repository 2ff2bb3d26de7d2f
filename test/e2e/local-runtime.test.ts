import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { createTransport } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from '../../lib/local/runtime.js';
import { builtInPolicy } from '../../lib/policy/registry.js';
import { eml, messageIdOf } from '../support/eml.js';
import { FixedClock } from '../support/fakes.js';

const MAILBOX = 'safeguardingpartnership@swindon.example';
const deployment = {
  mailboxes: [{ address: MAILBOX, policy: builtInPolicy('swindon'), partnershipAddresses: [MAILBOX], monitoringAddress: MAILBOX }],
  fromAddress: 'escalations@partnership.example',
  loopId: 'escalations@partnership.example',
  closureDays: [],
  maxRecipients: 10,
  agencies: {},
};
const JANE = 'Jane Smith <jane.smith@swindon-council.example>';
const RAJ = 'Raj Patel <raj.patel@gwh-nhs.example>';

async function send(port: number, raw: Buffer): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  await transport.sendMail({ envelope: { from: 'jane.smith@swindon-council.example', to: [MAILBOX] }, raw });
  transport.close();
}

async function eventually<T>(probe: () => Promise<T | null | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the local runtime', () => {
  it('takes real SMTP mail through a thread, keeps cases and pending reminders across a restart, and fires reminders on its clock', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-runtime-'));
    const clock = new FixedClock(DateTime.fromISO('2026-11-02T10:15', { zone: 'Europe/London' }));
    const lines: string[] = [];
    const start = () => startLocalRuntime({ deployment, dataDir, smtpPort: 0, clock, log: (line) => lines.push(line), tickMs: 20 });
    let runtime: LocalRuntime = await start();

    const opener = eml({
      from: JANE,
      to: RAJ,
      cc: MAILBOX,
      subject: 'Professional disagreement',
      text: 'I am raising this as a Stage 2 inter-agency discussion under the resolution policy.',
    });
    await send(runtime.smtpPort, opener);
    const opened = await eventually(() => runtime.store.getCase('SSP-2026-0001'), 'the case to open');
    expect(opened.stage).toBe('2');
    const replyTo = (text: string) =>
      eml({
        from: RAJ,
        to: JANE,
        cc: MAILBOX,
        subject: 'RE: Professional disagreement',
        text,
        inReplyTo: messageIdOf(opener),
        references: [messageIdOf(opener)],
      });
    await send(runtime.smtpPort, replyTo('We still disagree, so I am escalating this to Stage 3.'));
    await eventually(async () => (await runtime.store.getCase('SSP-2026-0001'))?.stage === '3', 'the case to advance');
    await send(runtime.smtpPort, replyTo('Thank you, I can confirm this is now resolved.'));
    await eventually(() => Promise.resolve(lines.includes('case SSP-2026-0001 resolved, now at stage 3')), 'the case to resolve');

    const outbox = readdirSync(join(dataDir, 'outbox'));
    const ack = outbox.find((name) => name.includes('acknowledgement-SSP-2026-0001'));
    expect(ack).toBeDefined();
    expect(readFileSync(join(dataDir, 'outbox', ack ?? ''), 'utf8')).toMatch(/^Subject: \[SSP-2026-0001\] /m);
    expect(lines).toContain('case SSP-2026-0001 opened, now at stage 2');
    expect(lines).toContain('case SSP-2026-0001 advanced, now at stage 3');
    expect(lines).toContain('case SSP-2026-0001 resolved, now at stage 3');

    // A second case stays open: its reminders must survive a restart.
    await send(
      runtime.smtpPort,
      eml({
        from: JANE,
        to: RAJ,
        cc: MAILBOX,
        subject: 'Another professional disagreement',
        text: 'Raising this at Stage 1 of the resolution policy.',
      }),
    );
    await eventually(
      () => Promise.resolve(lines.some((line) => line.startsWith('reminders booked for SSP-2026-0002'))),
      'the second case’s reminders',
    );
    const pending = runtime.reminders.list().map((r) => r.name);
    expect(pending.length).toBeGreaterThan(0);
    await runtime.stop();

    runtime = await start();
    expect((await runtime.store.getCase('SSP-2026-0001'))?.status).toBe('resolved');
    expect(runtime.reminders.list().map((r) => r.name)).toEqual(pending);
    clock.set('2026-11-03T09:00'); // Stage 1's due-soon reminder: 09:00 the working day before its 2-day deadline
    await eventually(
      () => Promise.resolve(readdirSync(join(dataDir, 'outbox')).some((name) => name.includes('due-soon-SSP-2026-0002'))),
      'the reminder to fire',
    );
    // The outbox file is written before the runtime logs the reminder's outcome: wait for the line.
    await eventually(() => Promise.resolve(lines.includes('reminder sent: due-soon for SSP-2026-0002')), 'the reminder to be logged');
    await runtime.stop();
  });

  it('`serve` starts with the sample configuration and stops cleanly on Ctrl-C', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'serve-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/escalations.ts', 'serve', '--port', '0', '--data', dataDir], {
      cwd: new URL('../../', import.meta.url).pathname,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(() => Promise.resolve(output.includes('Press Ctrl-C to stop.')), 'the banner');
    expect(output).toMatch(/takes mail for safeguardingpartnership@swindon\.example \(policy swindon\)/);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(output).toContain('Stopped.');
  });
  it('accepts mail at a mailbox’s public address, and its acknowledgement names that address and sets Reply-To to it', async () => {
    const PUBLIC = 'safeguarding@swindon-ssp.example';
    const dataDir = mkdtempSync(join(tmpdir(), 'local-public-'));
    const clock = new FixedClock(DateTime.fromISO('2026-11-02T10:15', { zone: 'Europe/London' }));
    const withPublic = { ...deployment, mailboxes: deployment.mailboxes.map((m) => ({ ...m, publicAddress: PUBLIC })) };
    const runtime = await startLocalRuntime({ deployment: withPublic, dataDir, smtpPort: 0, clock, log: () => undefined, tickMs: 20 });
    try {
      const raw = eml({
        from: JANE,
        to: RAJ,
        cc: PUBLIC,
        subject: 'Professional disagreement',
        text: 'I am raising this as a Stage 2 inter-agency discussion under the resolution policy.',
      });
      const transport = createTransport({ host: '127.0.0.1', port: runtime.smtpPort, secure: false, ignoreTLS: true });
      await transport.sendMail({ envelope: { from: 'jane.smith@swindon-council.example', to: [PUBLIC] }, raw });
      transport.close();
      await eventually(() => runtime.store.getCase('SSP-2026-0001'), 'the case to open');
      const ack = await eventually(
        () => Promise.resolve(readdirSync(join(dataDir, 'outbox')).find((name) => name.includes('acknowledgement-SSP-2026-0001'))),
        'the acknowledgement',
      );
      const mail = readFileSync(join(dataDir, 'outbox', ack), 'utf8');
      expect(mail).toMatch(new RegExp(`^Reply-To: ${PUBLIC}`, 'm'));
      expect(mail).toContain(`copy ${PUBLIC}`);
      expect(mail).not.toContain(MAILBOX);
    } finally {
      await runtime.stop();
    }
  });
});
