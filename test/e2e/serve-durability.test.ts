import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { createTransport } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { documentClient } from '../../lib/aws/dynamo-clients.js';
import { DynamoCaseStore } from '../../lib/aws/dynamo-case-store.js';
import { startEmbeddedDynamo } from '../../lib/local/embedded-dynamo.js';

const root = new URL('../../', import.meta.url).pathname;
const MAILBOX = 'safeguardingpartnership@swindon.example';
const ATTACHMENT = randomBytes(192 * 1024)
  .toString('base64')
  .replace(/.{76}/g, '$&\r\n');

interface Serve {
  child: ChildProcessWithoutNullStreams;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** `serve` as `npm start` runs it: node and the bundled CLI, nothing in between. Resolves once it says it takes mail. */
async function startServe(dataDir: string, viaNpm = false): Promise<Serve> {
  const child = viaNpm
    ? spawn('npm', ['start', '--', '--port', '0', '--data', dataDir], { cwd: root })
    : spawn(process.execPath, ['bin/escalations.mjs', 'serve', '--port', '0', '--data', dataDir], { cwd: root });
  let output = '';
  // 'close': the process has exited and every process holding its output (npm's child) has closed it.
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const ready = new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /smtp:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (port && output.includes('Press Ctrl-C to stop.')) resolve(Number(port));
    });
    void exited.then((code) => {
      reject(new Error(`serve exited (${String(code)}) before it was ready: ${output}`));
    });
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, port: await ready, output: () => output, exited };
}

/** An opener of its own case, with an attachment large enough that some messages are mid-stream when the signal comes. */
function opener(n: number, id: string): Buffer {
  return Buffer.from(
    [
      'From: Jane Smith <jane.smith@swindon-council.example>',
      'To: Raj Patel <raj.patel@gwh-nhs.example>',
      `Cc: ${MAILBOX}`,
      `Subject: Professional disagreement about a discharge plan, number ${n}`,
      'Date: Mon, 2 Nov 2026 10:00:00 +0000',
      `Message-ID: ${id}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'I am raising this as a Stage 2 inter-agency discussion under the resolution policy.',
      '--b1',
      'Content-Type: application/octet-stream; name="notes.bin"',
      'Content-Disposition: attachment; filename="notes.bin"',
      'Content-Transfer-Encoding: base64',
      '',
      ATTACHMENT,
      '--b1--',
      '',
    ].join('\r\n'),
  );
}

/**
 * Four senders, each sending one message after another, until the server goes away; `onAccepted`
 * hears of each message answered 250. Returns the ids answered 250.
 */
async function sendUntilRefused(port: number, onAccepted: (count: number) => void): Promise<string[]> {
  const accepted: string[] = [];
  let next = 0;
  const sender = async () => {
    for (;;) {
      const n = ++next;
      const id = `<durability-${n}-${Date.now()}@swindon-council.example>`;
      const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
      try {
        await transport.sendMail({ envelope: { from: 'jane.smith@swindon-council.example', to: [MAILBOX] }, raw: opener(n, id) });
        accepted.push(id);
        onAccepted(accepted.length);
      } catch {
        return;
      } finally {
        transport.close();
      }
    }
  };
  await Promise.all([sender(), sender(), sender(), sender()]);
  return accepted;
}

async function casesIn(dataDir: string) {
  const dynamo = await startEmbeddedDynamo({ path: join(dataDir, 'db'), mustExist: true });
  try {
    const store = new DynamoCaseStore(documentClient(dynamo.client), dynamo.table);
    // Each case read from its own item: after a SIGKILL the embedded server's index was once seen to list a case twice
    // (it writes an item and its index entries separately), which says nothing of the message on it.
    const listed = await store.casesOpened(DateTime.fromISO('2000-01-01T00:00Z'), DateTime.fromISO('2100-01-01T00:00Z'));
    const cases = await Promise.all([...new Set(listed.map((c) => c.ref))].map((ref) => store.getCase(ref)));
    return cases.filter((c) => c !== null);
  } finally {
    await dynamo.close();
  }
}

describe('serve keeps every message it accepted', () => {
  it('`npm start` passes SIGTERM on to serve, which stops cleanly (npm runs node itself, no shell or tsx between)', async () => {
    const serve = await startServe(mkdtempSync(join(tmpdir(), 'npm-start-')), true);
    serve.child.kill('SIGTERM');
    await serve.exited;
    expect(serve.output()).toContain('Stopping: finishing the messages in hand…\nStopped.');
  });

  it.each(['SIGTERM', 'SIGKILL'] as const)(
    'stopped by %s while messages stream in, then restarted: every message answered 250 is on a case exactly once',
    async (signal) => {
      const dataDir = mkdtempSync(join(tmpdir(), `serve-${signal}-`));
      const first = await startServe(dataDir);
      const accepted = await sendUntilRefused(first.port, (count) => {
        if (count === 12) first.child.kill(signal);
      });
      const code = await first.exited;
      if (signal === 'SIGTERM') {
        expect(code).toBe(0);
        expect(first.output()).toContain('Stopped.');
      }
      expect(accepted.length).toBeGreaterThanOrEqual(12);

      // The restart takes what the spool kept before it says it takes mail; then a clean stop releases the store.
      const second = await startServe(dataDir);
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
      expect(second.output()).not.toContain('message failed');

      const cases = await casesIn(dataDir);
      const onCases = cases.flatMap((c) => c.messages);
      for (const id of accepted) expect(onCases.filter((m) => m === id)).toHaveLength(1);
      expect(new Set(onCases).size).toBe(onCases.length);
      expect(readdirSync(join(dataDir, 'spool')).filter((name) => name.endsWith('.eml'))).toEqual([]);
    },
    120_000,
  );
});
