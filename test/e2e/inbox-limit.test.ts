import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { createTransport } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { startLocalRuntime } from '../../lib/local/runtime.js';
import { MAX_MESSAGE_BYTES } from '../../lib/mail/parse.js';
import { builtInPolicy } from '../../lib/policy/registry.js';
import { eml } from '../support/eml.js';
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

describe('the local inbox over its size limit', () => {
  it('answers 552 to a message over 40 MB, keeps nothing of it, and takes the next message', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'inbox-limit-'));
    const lines: string[] = [];
    const runtime = await startLocalRuntime({
      deployment,
      dataDir,
      smtpPort: 0,
      clock: new FixedClock(DateTime.fromISO('2026-11-02T10:15', { zone: 'Europe/London' })),
      log: (line) => lines.push(line),
    });
    const transport = createTransport({ host: '127.0.0.1', port: runtime.smtpPort, secure: false, ignoreTLS: true });
    const envelope = { from: 'jane.smith@swindon-council.example', to: [MAILBOX] };
    try {
      const large = Buffer.concat([
        eml({ from: 'jane.smith@swindon-council.example', to: MAILBOX, subject: 'Large', text: 'x' }),
        Buffer.alloc(MAX_MESSAGE_BYTES, 'a'),
      ]);
      await expect(transport.sendMail({ envelope, raw: large })).rejects.toMatchObject({ responseCode: 552 });
      expect(readdirSync(join(dataDir, 'spool')).filter((name) => name !== '.incoming')).toEqual([]);
      expect(readdirSync(join(dataDir, 'spool', '.incoming'))).toEqual([]);

      const small = eml({ from: 'jane.smith@swindon-council.example', to: MAILBOX, subject: 'Small', text: 'Hello.' });
      const info = await transport.sendMail({ envelope, raw: small });
      expect(info.response).toMatch(/^250 /);
    } finally {
      transport.close();
      await runtime.stop();
    }
    expect(lines.filter((line) => line.startsWith('message failed'))).toEqual([]);
  });
});
