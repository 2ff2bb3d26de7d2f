import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REQUEST_LIMITS } from '../../../lib/aws/request-timeouts.js';
import { InProcessReminderBook } from '../../../lib/local/in-process-reminder-book.js';
import { SendInProgressError } from '../../../lib/outgoing/send-once.js';
import { inSendingOrder } from '../../../lib/reminders/booking.js';
import { allReminders, type PlannedReminder } from '../../../lib/reminders/plan.js';
import { remind } from '../../../lib/remind.js';
import { resyncOpenCases } from '../../../lib/resync.js';
import { ingest } from '../../../lib/ingest.js';
import type { ReminderBook } from '../../../lib/ports.js';
import { FixedClock } from '../../support/fakes.js';
import { deployment, harness, MAILBOX, opener, type Harness } from '../cases/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.dynamo.close();
});

const policy =
  deployment.mailboxes[0]?.policy ??
  (() => {
    throw new Error('no policy');
  })();
const london = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' });

async function openCase(book: ReminderBook = h.reminders) {
  const outcome = await ingest(
    { raw: opener(), recipients: [MAILBOX] },
    { store: h.store, mailer: h.mailer, reminders: book, clock: h.clock, deployment },
  );
  const current = await h.store.getCase(outcome.caseRef ?? '');
  if (!current) throw new Error('no case');
  return current;
}

describe('a send claimed by an invocation that died before sending', () => {
  it('is held while the lease runs (the retry fails, to come again), then sent once the lease has run out, and only once', async () => {
    const current = await openCase();
    const overdue = allReminders(current, policy, deployment).find((r) => r.kind === 'overdue' && r.deadline.kind === 'deadline');
    if (!overdue) throw new Error('no overdue reminder');
    const clock = new FixedClock(overdue.at);
    const request = { caseRef: current.ref, reminderId: overdue.id };
    // The first invocation claimed, then was killed (SES hung until the Lambda timeout).
    expect((await h.store.claimCaseSend(current.ref, overdue.id, clock.now()))?.claim).toBe('claimed');
    const before = h.mailer.sent.length;

    clock.set(overdue.at.plus({ seconds: 60 }).toISO() ?? '');
    await expect(remind(request, { store: h.store, mailer: h.mailer, deployment, clock })).rejects.toBeInstanceOf(SendInProgressError);
    expect(h.mailer.sent.length).toBe(before);

    clock.set(overdue.at.plus({ minutes: 3 }).toISO() ?? '');
    expect(await remind(request, { store: h.store, mailer: h.mailer, deployment, clock })).toMatchObject({
      outcome: 'sent',
      kind: 'overdue',
    });
    expect(await remind(request, { store: h.store, mailer: h.mailer, deployment, clock })).toMatchObject({
      outcome: 'skipped',
      reason: 'already-sent',
    });
    expect(h.mailer.sent.filter((m) => m.kind === 'overdue')).toHaveLength(1);
  });

  it('a sent mark is never given back, and claims and marks carry their expiry for DynamoDB TTL', async () => {
    const at = london('2026-11-10T09:00');
    expect(await h.store.claimSending('x/overdue', at)).toBe('claimed');
    await h.store.markSent('x/overdue', at);
    await h.store.releaseSending('x/overdue');
    expect(await h.store.claimSending('x/overdue', at.plus({ days: 30 }))).toBe('sent');
    const { Item } = await h.dynamo.doc.send(
      new (await import('@aws-sdk/lib-dynamodb')).GetCommand({ TableName: h.dynamo.table, Key: { pk: 'SENT#x/overdue', sk: 'item' } }),
    );
    expect(Item).toMatchObject({ state: 'sent', expiresAt: Math.floor(at.plus({ days: 400 }).toSeconds()) });
  });
});

describe('reminders that cannot lie', () => {
  it('after closure days are added, the overdue notice booked on the old date does nothing; the re-sync books the new one, sent on its day', async () => {
    const current = await openCase(new InProcessReminderBook(h.clock, []));
    const isOverdue = (r: PlannedReminder) => r.kind === 'overdue' && r.deadline.kind === 'deadline';
    const old = allReminders(current, policy, deployment).find(isOverdue);
    expect(old?.at.toISO()).toBe(london('2026-11-10T09:00').toISO());

    // Deploy: the partnership is closed on Thursday 5 and Friday 6 November.
    const closed = { ...deployment, closureDays: ['2026-11-05', '2026-11-06'] };
    const at = new FixedClock(london('2026-11-10T09:00'));
    expect(
      await remind(
        { caseRef: current.ref, reminderId: old?.id ?? '' },
        { store: h.store, mailer: h.mailer, deployment: closed, clock: at },
      ),
    ).toMatchObject({
      outcome: 'skipped',
      reason: 'not-in-plan',
    });
    expect(h.mailer.sent.filter((m) => m.kind === 'overdue')).toHaveLength(0);

    const newBook = new InProcessReminderBook(h.clock, closed.closureDays);
    expect(await resyncOpenCases({ store: h.store, reminders: newBook, deployment: closed })).toEqual({
      synced: 1,
      unknownMailbox: 0,
      failed: [],
    });
    // The case's schedule names its first reminder under the new closure days.
    const plan = inSendingOrder(current, policy, closed);
    expect(newBook.list().map((r) => r.reminderId)).toEqual([plan.find((r) => r.at > h.clock.now())?.id]);
    const rebooked = plan.find(isOverdue);
    expect(rebooked?.at.toISO()).toBe(london('2026-11-12T09:00').toISO());
    const request = { caseRef: current.ref, reminderId: rebooked?.id ?? '' };
    // Fired early (a stale schedule): nothing.
    expect(await remind(request, { store: h.store, mailer: h.mailer, deployment: closed, clock: at })).toMatchObject({
      reason: 'not-yet-due',
    });
    at.set('2026-11-12T09:00');
    expect(await remind(request, { store: h.store, mailer: h.mailer, deployment: closed, clock: at })).toMatchObject({ outcome: 'sent' });
    expect(h.mailer.sent.find((m) => m.kind === 'overdue')?.text).toContain('Wednesday 11 November');
  });
});

describe('SDK request limits', () => {
  let server: Server;
  beforeEach(async () => {
    server = createServer(() => undefined); // accepts and never answers: a hung SES
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('a hung SES call fails with a timeout instead of holding the function until it is killed', async () => {
    const { port } = server.address() as AddressInfo;
    const ses = new SESClient({
      ...REQUEST_LIMITS,
      // The same handler settings, a shorter wait so the test is quick.
      requestHandler: { ...REQUEST_LIMITS.requestHandler, requestTimeout: 300 },
      maxAttempts: 1,
      endpoint: `http://127.0.0.1:${String(port)}`,
      region: 'eu-west-2',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await expect(ses.send(new SendRawEmailCommand({ RawMessage: { Data: Buffer.from('x') } }))).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(REQUEST_LIMITS.requestHandler.requestTimeout * REQUEST_LIMITS.maxAttempts).toBeLessThan(30_000 / 1.5);
  });
});
