import { readdir, readFile } from 'node:fs/promises';
import type { SchedulerClient } from '@aws-sdk/client-scheduler';
import { simpleParser } from 'mailparser';
import { DateTime } from 'luxon';
import { DynamoCaseStore } from '../lib/aws/dynamo-case-store.js';
import { SchedulerReminderBook } from '../lib/aws/scheduler-reminder-book.js';
import { ingest } from '../lib/ingest.js';
import { InProcessReminderBook } from '../lib/local/in-process-reminder-book.js';
import { Outbox } from '../lib/local/outbox.js';
import { VirtualClock } from '../lib/local/virtual-clock.js';
import { MAILPARSER_OPTIONS } from '../lib/mail/parse.js';
import { aCase } from '../test/support/case.js';
import { startDynamo } from '../test/support/dynalite.js';
import { deployment, MAILBOX, policy } from './deployment.js';
import { pairedRatio, throughput } from './measure.js';

const corpusDir = new URL('../test/fixtures/mail/', import.meta.url).pathname;

/**
 * Bare mailparser against the full local ingest (parse, classify, the DynamoDB adapter on the
 * embedded server, reminders, outbox) over the labelled corpus. Each ingest gets a fresh
 * Message-ID, so none is cut short as a duplicate. Goal: ingest at least 25 % of parse.
 *
 * Beside them, the store alone: the requests a follow-up message makes, through the same adapter
 * and server with nothing else. Ingest cannot be faster than that, so its ratio to parse is the
 * ceiling of ingest's.
 */
export async function benchIngest(): Promise<Record<string, number | string>> {
  const corpus = await Promise.all(
    (await readdir(corpusDir))
      .filter((n) => n.endsWith('.eml'))
      .sort()
      .map((n) => readFile(corpusDir + n)),
  );
  const dynamo = await startDynamo();
  const store = new DynamoCaseStore(dynamo.doc, dynamo.table);
  const clock = new VirtualClock(DateTime.fromISO('2026-11-02T10:00:00Z'));
  const deps = { store, mailer: new Outbox(clock), reminders: new InProcessReminderBook(clock, []), clock, deployment };
  let n = 0;
  /**
   * Each pass over the corpus is a new set of threads: its Message-IDs and the In-Reply-To and
   * References that point at them get the pass's prefix. Replaying the same threads again and
   * again would pile hundreds of messages onto a few cases, which real cases never reach.
   */
  const unique = (raw: Buffer) => {
    const pass = Math.floor(n++ / corpus.length);
    const text = raw.toString('latin1');
    const end = text.search(/\r?\n\r?\n/);
    const head = text
      .slice(0, end)
      .replace(/^(Message-ID|In-Reply-To|References):[^\n]*(\n[ \t][^\n]*)*/gim, (header) => header.replace(/</g, `<p${pass}-`));
    return Buffer.from(head + text.slice(end), 'latin1');
  };
  const followUpStore = await storeOfAFollowUp(store);
  try {
    let i = 0;
    const result = await throughput(
      {
        parse: () => simpleParser(corpus[i++ % corpus.length] ?? Buffer.alloc(0), MAILPARSER_OPTIONS),
        ingest: () => ingest({ raw: unique(corpus[n % corpus.length] ?? Buffer.alloc(0)), recipients: [MAILBOX] }, deps),
        store: followUpStore,
      },
      { warmup: 100, rounds: 9, roundMs: 400 },
    );
    dynamo.resetCount();
    await followUpStore();
    const storeRequests = dynamo.requestCount();
    // Requests for a first message (opens a case) and a follow-up in its thread.
    dynamo.resetCount();
    const first = Buffer.from(
      `From: a@one.example\r\nTo: b@two.example\r\nCc: ${MAILBOX}\r\nSubject: Professional disagreement\r\nMessage-ID: <first-${n}@one.example>\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n\r\nRaising this at Stage 2 of the resolution policy.\r\n`,
    );
    await ingest({ raw: first, recipients: [MAILBOX] }, deps);
    const dynamoRequestsFirst = dynamo.requestCount();
    dynamo.resetCount();
    const followUp = Buffer.from(
      `From: b@two.example\r\nTo: a@one.example\r\nCc: ${MAILBOX}\r\nSubject: RE: Professional disagreement\r\nMessage-ID: <second-${n}@two.example>\r\nIn-Reply-To: <first-${n}@one.example>\r\nReferences: <first-${n}@one.example>\r\nDate: Tue, 3 Nov 2026 10:00:00 +0000\r\n\r\nI am escalating this to Stage 3.\r\n`,
    );
    await ingest({ raw: followUp, recipients: [MAILBOX] }, deps);
    const dynamoRequestsFollowUp = dynamo.requestCount();
    return {
      bench: 'ingest',
      corpusMessages: corpus.length,
      parseMsgsPerSec: Math.round(result.rates.parse ?? 0),
      ingestMsgsPerSec: Math.round(result.rates.ingest ?? 0),
      ingestToParseRatio: Number(pairedRatio(result, 'ingest', 'parse').toFixed(3)),
      ingestToParseGoal: 0.25,
      storeMsgsPerSec: Math.round(result.rates.store ?? 0),
      storeToParseRatio: Number(pairedRatio(result, 'store', 'parse').toFixed(3)),
      ingestToStoreRatio: Number(pairedRatio(result, 'ingest', 'store').toFixed(3)),
      ingestToStoreGoal: 0.8,
      storeRequests,
      dynamoRequestsFirst,
      dynamoRequestsFollowUp,
    };
  } finally {
    await dynamo.close();
  }
}

/**
 * What the store does for a follow-up with no subject reference, in ingest's order: look up the
 * message and its thread, read the case, write it under its version, add the thread keys, record
 * the message. Each call is a new message on one case.
 */
async function storeOfAFollowUp(store: DynamoCaseStore): Promise<() => Promise<void>> {
  let current = aCase({ ref: 'SSP-2026-9999', mailbox: MAILBOX, stage: '2' });
  await store.createCase(current);
  let k = 0;
  return async () => {
    const messageId = `<store-${String(k++)}@bench.example>`;
    const found = await store.lookup({ messageId, refs: [], policyId: policy.id, threadKeys: ['<opener@bench.example>', messageId] });
    if (found.message) throw new Error('a new Message-ID was found recorded');
    const stored = (await store.getCase(current.ref)) ?? current;
    current = { ...stored, version: stored.version + 1 };
    await store.updateCase(current, stored.version);
    await store.addThreadKeys(policy.id, current.ref, [messageId]);
    await store.recordMessage({
      messageId,
      caseRef: current.ref,
      outcome: 'noted',
      at: '2026-11-03T10:00:00.000Z',
      sha256: '0'.repeat(64),
    });
  };
}

/** Scheduler calls when a case moves from Stage 2 to Stage 3: one list, the new stage's bookings, the old stage's deletions. */
export async function benchScheduler(): Promise<Record<string, number | string>> {
  const stage2 = aCase({ mailbox: MAILBOX, stage: '2' });
  const clock = new VirtualClock(DateTime.fromISO('2026-11-05T10:00:00Z'));
  let calls = 0;
  // Scheduler cannot run here: a stand-in that counts every call.
  const scheduler = { send: () => (calls++, Promise.resolve({})) };
  const settings = {
    groupName: 'g',
    targetArn: 'arn:aws:lambda:::function:r',
    roleArn: 'arn:aws:iam:::role/r',
    deadLetterArn: 'arn:aws:sqs:::d',
    maximumRetryAttempts: 4,
    maximumEventAgeInSeconds: 3600,
  };
  const book = new SchedulerReminderBook(scheduler as unknown as SchedulerClient, settings, clock, [], () => Promise.resolve());
  await book.sync({ ...stage2, stage: '3', stageStartedAt: '2026-11-05T10:00:00.000Z', version: 2 }, policy, stage2);
  return { bench: 'scheduler', schedulerCallsPerStageChange: calls };
}
