import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { startLocalRuntime } from '../../lib/local/runtime.js';
import { builtInPolicy } from '../../lib/policy/registry.js';
import { aCase } from '../support/case.js';
import { RuntimeEvents } from '../support/runtime-events.js';
import { FixedClock } from '../support/fakes.js';

const MAILBOX = 'safeguardingpartnership@swindon.example';
const deployment = {
  mailboxes: [
    {
      address: MAILBOX,
      policy: builtInPolicy('swindon'),
      partnershipAddresses: [MAILBOX],
      monitoringAddress: 'monitoring@swindon.example',
    },
  ],
  fromAddress: 'escalations@partnership.example',
  loopId: 'escalations@partnership.example',
  closureDays: [],
  maxRecipients: 10,
  agencies: {},
};

describe('the local runtime’s weekly picture', () => {
  it('sends it on its clock on Monday from 08:00 London time, once, and nothing on the days after', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'digest-local-'));
    const clock = new FixedClock(DateTime.fromISO('2026-11-30T07:59', { zone: 'Europe/London' }));
    const lines: string[] = [];
    let ticks = 0;
    const events = new RuntimeEvents();
    const runtime = await startLocalRuntime({
      deployment,
      dataDir,
      smtpPort: 0,
      clock,
      log: (line) => {
        lines.push(line);
        events.notify();
      },
      tickMs: 10,
      onTick: () => {
        ticks++;
        events.notify();
      },
    });
    /** Two looks after now: the runtime has seen the clock's time. */
    const seen = async () => {
      const after = ticks + 2;
      await events.until(() => ticks >= after);
    };
    try {
      await runtime.store.createCase(
        aCase({
          ref: 'SSP-2026-0001',
          mailbox: MAILBOX,
          stage: '2',
          openedAt: '2026-11-16T10:00:00.000Z',
          stageStartedAt: '2026-11-16T10:00:00.000Z',
        }),
      );
      const digests = () => readdirSync(join(dataDir, 'outbox')).filter((name) => name.includes('-digest-'));
      // Before 08:00: nothing.
      await seen();
      expect(digests()).toEqual([]);
      clock.set('2026-11-30T08:00');
      const [file] = await events.until(() => (digests().length ? digests() : null));
      await events.until(() => lines.includes('weekly digest sent for 2026-11-30: 1 mailbox(es)'));
      const mail = await simpleParser(readFileSync(join(dataDir, 'outbox', file ?? '')));
      expect(mail.to).toMatchObject({ value: [{ address: 'monitoring@swindon.example' }] });
      expect(mail.subject).toBe('Escalations this week: 1 open, 1 overdue, 0 to review (Mon 30 Nov 2026)');
      expect(mail.text).toContain(
        '- SSP-2026-0001: Stage 2 Inter-agency Discussion; opened Mon 16 Nov 2026; due Mon 23 Nov 2026 (OVERDUE);',
      );
      // Later that Monday and the next day: nothing more.
      clock.set('2026-11-30T15:00');
      await seen();
      clock.set('2026-12-01T08:00');
      await seen();
      expect(digests()).toHaveLength(1);
    } finally {
      await runtime.stop();
    }
  });
});
