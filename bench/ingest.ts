import { readdir, readFile } from 'node:fs/promises';
import type { SchedulerClient } from '@aws-sdk/client-scheduler';
import { simpleParser } from 'mailparser';
import { DateTime } from 'luxon';
import { DynamoCaseStore } from '../lib/aws/dynamo-case-store.js';
import { SchedulerReminderBook } from '../lib/aws/scheduler-reminder-book.js';
import { ingest, type IngestDependencies } from '../lib/ingest.js';
import { InProcessReminderBook } from '../lib/local/in-process-reminder-book.js';
import { Outbox } from '../lib/local/outbox.js';
import { VirtualClock } from '../lib/local/virtual-clock.js';
import { MAILPARSER_OPTIONS } from '../lib/mail/parse.js';
import { aCase } from '../test/support/case.js';
import { startDynamo } from '../test/support/dynalite.js';
import { deployment, MAILBOX, policy } from './deployment.js';
import { pairedRatio, throughput } from './measure.js';
import { replaysOf, storeCallsOfPass, threadsOfPass } from './corpus-passes.js';
import { replay, type StoreCall } from './store-replay.js';

const corpusDir = new URL('../test/fixtures/mail/', import.meta.url).pathname;

/** Rounds measured, after one warm-up pass of each task; each round is one pass over the corpus per task. */
const WARMUP = 1;
const ROUNDS = 9;

/**
 * Bare mailparser against the full local ingest (parse, classify, the DynamoDB adapter on the
 * embedded server, reminders, records, outbox) over the labelled corpus, and against the store
 * alone: the very calls ingest made on its store for the same messages, made again through the
 * same adapter and server with nothing else (bench/store-replay.ts). Each task is a pass over the
 * whole corpus, so that every round compares the same messages. Goals: ingest at least 25 % of
 * parse, and at least 80 % of the store alone (docs/performance.md, 'Ingest against the store').
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
  // The first pass, one recorded, the warm-up, the rounds, and one to count requests.
  const passes = Array.from({ length: 2 + WARMUP + ROUNDS + 1 }, (_, pass) => corpus.map((raw) => threadsOfPass(raw, pass)));
  const ingestPass = async (raws: readonly Buffer[] | undefined, on: IngestDependencies = deps) => {
    if (!raws) throw new Error('the bench ran more passes of ingest than it prepared');
    for (const raw of raws) await ingest({ raw, recipients: [MAILBOX] }, on);
  };
  try {
    // Pass 0 opens the corpus's cases first; pass 1 meets the same state as every pass after it, and is recorded.
    await ingestPass(passes[0]);
    const recorded = await storeCallsOfPass(passes[1] ?? [], deps);
    const replays = replaysOf(recorded, 1, WARMUP + ROUNDS + 1);
    const storePass = async (calls: readonly StoreCall[][] | undefined) => {
      if (!calls) throw new Error('the bench ran more passes of the store than it prepared');
      for (const message of calls) await replay(store, message);
    };
    let [i, s] = [2, 0];
    const result = await throughput(
      {
        parse: async () => {
          for (const raw of corpus) await simpleParser(raw, MAILPARSER_OPTIONS);
        },
        ingest: () => ingestPass(passes[i++]),
        store: () => storePass(replays[s++]),
      },
      // Each round runs one pass of each task: at least one call, and a pass takes more than the 1 ms.
      { warmup: WARMUP, rounds: ROUNDS, roundMs: 1 },
    );
    const perMessage = (rate: number | undefined) => Math.round((rate ?? 0) * corpus.length);
    dynamo.resetCount();
    await ingestPass(passes[i++]);
    const ingestRequests = dynamo.requestCount() / corpus.length;
    dynamo.resetCount();
    await storePass(replays[s++]);
    const storeRequests = dynamo.requestCount() / corpus.length;
    // Requests for a first message (opens a case) and a follow-up in its thread.
    dynamo.resetCount();
    const first = Buffer.from(
      `From: a@one.example\r\nTo: b@two.example\r\nCc: ${MAILBOX}\r\nSubject: Professional disagreement\r\nMessage-ID: <first@one.example>\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n\r\nRaising this at Stage 2 of the resolution policy.\r\n`,
    );
    await ingest({ raw: first, recipients: [MAILBOX] }, deps);
    const dynamoRequestsFirst = dynamo.requestCount();
    dynamo.resetCount();
    const followUp = Buffer.from(
      `From: b@two.example\r\nTo: a@one.example\r\nCc: ${MAILBOX}\r\nSubject: RE: Professional disagreement\r\nMessage-ID: <second@two.example>\r\nIn-Reply-To: <first@one.example>\r\nReferences: <first@one.example>\r\nDate: Tue, 3 Nov 2026 10:00:00 +0000\r\n\r\nI am escalating this to Stage 3.\r\n`,
    );
    await ingest({ raw: followUp, recipients: [MAILBOX] }, deps);
    const dynamoRequestsFollowUp = dynamo.requestCount();
    return {
      bench: 'ingest',
      corpusMessages: corpus.length,
      parseMsgsPerSec: perMessage(result.rates.parse),
      ingestMsgsPerSec: perMessage(result.rates.ingest),
      ingestToParseRatio: Number(pairedRatio(result, 'ingest', 'parse').toFixed(3)),
      ingestToParseGoal: 0.25,
      storeMsgsPerSec: perMessage(result.rates.store),
      storeToParseRatio: Number(pairedRatio(result, 'store', 'parse').toFixed(3)),
      ingestToStoreRatio: Number(pairedRatio(result, 'ingest', 'store').toFixed(3)),
      ingestToStoreGoal: 0.8,
      ingestRequests: Number(ingestRequests.toFixed(2)),
      storeRequests: Number(storeRequests.toFixed(2)),
      dynamoRequestsFirst,
      dynamoRequestsFollowUp,
    };
  } finally {
    await dynamo.close();
  }
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
