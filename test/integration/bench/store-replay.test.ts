import { readdir, readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaysOf, storeCallsOfPass, threadsOfPass } from '../../../bench/corpus-passes.js';
import { deployment } from '../../../bench/deployment.js';
import { replay, StoreReplayError, type StoreCall } from '../../../bench/store-replay.js';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import { InProcessReminderBook } from '../../../lib/local/in-process-reminder-book.js';
import { Outbox } from '../../../lib/local/outbox.js';
import { VirtualClock } from '../../../lib/local/virtual-clock.js';
import { startDynamo, type EmbeddedDynamo } from '../../support/dynalite.js';

const corpusDir = new URL('../../fixtures/mail/', import.meta.url).pathname;

/** The bench's store task (bench/ingest.ts): ingest's own store calls for a pass of the corpus, made again under new names. */
describe('the store replayed for the ingest bench', () => {
  let dynamo: EmbeddedDynamo;
  let store: DynamoCaseStore;
  let recorded: StoreCall[][];
  let ingestedRequests: Record<string, number>;
  const requestsOf = async (work: () => Promise<void>) => {
    dynamo.resetCount();
    await work();
    return Object.fromEntries([...dynamo.requests].sort());
  };

  beforeAll(async () => {
    dynamo = await startDynamo();
    store = new DynamoCaseStore(dynamo.doc, dynamo.table);
    const clock = new VirtualClock(DateTime.fromISO('2026-11-02T10:00:00Z'));
    const deps = { store, mailer: new Outbox(clock), reminders: new InProcessReminderBook(clock, []), clock, deployment };
    const names = (await readdir(corpusDir)).filter((n) => n.endsWith('.eml')).sort();
    const corpus = await Promise.all(names.map((n) => readFile(corpusDir + n)));
    await storeCallsOfPass(
      corpus.map((raw) => threadsOfPass(raw, 0)),
      deps,
    );
    const ingested = await requestsOf(async () => {
      recorded = await storeCallsOfPass(
        corpus.map((raw) => threadsOfPass(raw, 1)),
        deps,
      );
    });
    expect(Object.keys(ingested).length).toBeGreaterThan(3);
    ingestedRequests = ingested;
  });

  afterAll(async () => {
    await dynamo.close();
  });

  it('makes the same requests as ingest, each with the outcome it had, again and again', async () => {
    const [first, second] = replaysOf(recorded, 1, 2);
    for (const replayed of [first, second]) {
      expect(
        await requestsOf(async () => {
          for (const calls of replayed ?? []) await replay(store, calls);
        }),
      ).toEqual(ingestedRequests);
    }
  });

  it('writes under names of its own: none of the recorded pass’s Message-IDs, references or review tokens', () => {
    const [replayed] = replaysOf(recorded, 1, 1);
    const text = JSON.stringify(replayed);
    const refs = recorded
      .flat()
      .filter((c) => c.method === 'createCase')
      .map((c) => (c.args[0] as { ref: string }).ref);
    const tokens = recorded
      .flat()
      .filter((c) => c.method === 'openReview')
      .map((c) => (c.args[0] as { token: string }).token);
    expect(refs.length).toBeGreaterThan(0);
    expect(tokens.length).toBeGreaterThan(0);
    for (const name of ['<p1-', ...refs, ...tokens]) expect(text).not.toContain(name);
  });

  it('stops when a call comes out otherwise than it did in ingest: it would measure something else', async () => {
    const replayed = replaysOf(recorded, 1, 4)[3] ?? [];
    const run = async () => {
      for (const calls of replayed) await replay(store, calls);
    };
    await run();
    // Made again under the same names, the cases exist and the threads are claimed.
    await expect(run()).rejects.toThrow(StoreReplayError);
  });
});
