import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
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

/** The runtime's log, and a way to wait for a line: each step is awaited on the line logged once it is done. */
function logLines() {
  const lines: string[] = [];
  const waiting: { test: (line: string) => boolean; resolve: () => void }[] = [];
  return {
    lines,
    log: (line: string) => {
      lines.push(line);
      for (const waiter of waiting.filter((w) => w.test(line))) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve();
      }
    },
    logged: (test: (line: string) => boolean) =>
      lines.some(test) ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ test, resolve })),
  };
}

describe('the local runtime', () => {
  it('takes real SMTP mail through a thread, keeps cases and pending reminders across a restart, and fires reminders on its clock', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-runtime-'));
    const clock = new FixedClock(DateTime.fromISO('2026-11-02T10:15', { zone: 'Europe/London' }));
    const { lines, log, logged } = logLines();
    const start = () => startLocalRuntime({ deployment, dataDir, smtpPort: 0, clock, log, tickMs: 20 });
    let runtime: LocalRuntime = await start();

    const opener = eml({
      from: JANE,
      to: RAJ,
      cc: MAILBOX,
      subject: 'Professional disagreement',
      text: 'I am raising this as a Stage 2 inter-agency discussion under the resolution policy.',
    });
    await send(runtime.smtpPort, opener);
    await logged((line) => line === 'case SSP-2026-0001 opened, now at stage 2');
    expect((await runtime.store.getCase('SSP-2026-0001'))?.stage).toBe('2');
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
    await logged((line) => line === 'case SSP-2026-0001 advanced, now at stage 3');
    expect((await runtime.store.getCase('SSP-2026-0001'))?.stage).toBe('3');
    await send(runtime.smtpPort, replyTo('Thank you, I can confirm this is now resolved.'));
    await logged((line) => line === 'case SSP-2026-0001 resolved, now at stage 3');

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
    await logged((line) => line.startsWith('reminders booked for SSP-2026-0002'));
    const pending = runtime.reminders.list().map((r) => r.name);
    expect(pending.length).toBeGreaterThan(0);
    await runtime.stop();

    runtime = await start();
    expect((await runtime.store.getCase('SSP-2026-0001'))?.status).toBe('resolved');
    expect(runtime.reminders.list().map((r) => r.name)).toEqual(pending);
    clock.set('2026-11-03T09:00'); // Stage 1's due-soon reminder: 09:00 the working day before its 2-day deadline
    // The line is logged once the reminder's email is written: wait on it, then look for the file.
    await logged((line) => line === 'reminder sent: due-soon for SSP-2026-0002');
    expect(readdirSync(join(dataDir, 'outbox')).some((name) => name.includes('due-soon-SSP-2026-0002'))).toBe(true);
    await runtime.stop();
  });

  it('`serve` starts with the sample configuration, opens a case from the example its banner gives, and stops cleanly on Ctrl-C', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'serve-'));
    const child = spawn(process.execPath, ['bin/escalations.mjs', 'serve', '--port', '0', '--data', dataDir], {
      cwd: new URL('../../', import.meta.url).pathname,
    });
    let output = '';
    const waiting: { text: string; resolve: () => void }[] = [];
    const printed = (text: string) =>
      output.includes(text) ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ text, resolve }));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const waiter of waiting.filter((w) => output.includes(w.text))) waiter.resolve();
    });
    // The banner is printed once serve listens for Ctrl-C: waiting on it is waiting on the handler.
    await printed('Press Ctrl-C to stop.');
    expect(output).toMatch(/takes mail for safeguardingpartnership@swindon\.example \(policy swindon\)/);

    // A newcomer pastes the banner's example into a shell: it opens a case on the sample mailbox.
    const lines = output.split('\n');
    const example = lines[lines.findIndex((line) => line.startsWith('Copy the mailbox on a message')) + 1]?.trim() ?? '';
    expect(example).toContain('examples/swindon/01.eml');
    const { stdout } = await promisify(execFile)('sh', ['-c', example], { cwd: new URL('../../', import.meta.url).pathname });
    expect(stdout.trim()).toBe('sent');
    await printed('-0001 opened, now at stage 2'); // SSP-<this year>-0001: serve runs on the real clock
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
    const { log, logged } = logLines();
    const runtime = await startLocalRuntime({ deployment: withPublic, dataDir, smtpPort: 0, clock, log, tickMs: 20 });
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
      // The line is logged once the acknowledgement's email is written: wait on it, then read the file.
      await logged((line) => line.startsWith('email acknowledgement for SSP-2026-0001'));
      const ack = readdirSync(join(dataDir, 'outbox')).find((name) => name.includes('acknowledgement-SSP-2026-0001'));
      const mail = readFileSync(join(dataDir, 'outbox', ack ?? ''), 'utf8');
      expect(mail).toMatch(new RegExp(`^Reply-To: ${PUBLIC}`, 'm'));
      expect(mail).toContain(`copy ${PUBLIC}`);
      expect(mail).not.toContain(MAILBOX);
    } finally {
      await runtime.stop();
    }
  });
});
