import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import { ingest } from '../../../lib/ingest.js';
import { SendInProgressError } from '../../../lib/outgoing/send-once.js';
import { FixedClock, RecordingMailer, RecordingReminderBook } from '../../support/fakes.js';
import { Crash, failingOnce, faultOf, faultsAt } from '../../support/faults.js';
import { deployment, harness, MAILBOX, opener, reply, type Harness } from '../cases/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.dynamo.close();
});

/** One ingest's dependencies, each of which a fault may be put in; the store object is the same one on the retry (a warm container). */
function dependencies() {
  return {
    store: new DynamoCaseStore(h.dynamo.doc, h.dynamo.table),
    mailer: new RecordingMailer(),
    reminders: new RecordingReminderBook(),
  };
}
type Dependencies = ReturnType<typeof dependencies>;
const withFault = (deps: Dependencies, fault: string): Dependencies => {
  const { dependency, method, when } = faultOf(fault);
  const key = dependency as keyof Dependencies;
  return { ...deps, [key]: failingOnce(deps[key], method, when) };
};
const run = (deps: Dependencies, raw: Buffer, clock = h.clock) => ingest({ raw, recipients: [MAILBOX] }, { ...deps, clock, deployment });

/** The steps after the case write: the thread keys are none here (a first message's, a reply's are known). */
const finishing = ['reminders.sync', 'mailer.send', 'store.markCaseSent', 'store.recordCaseMessage'];
// A death after a send and before its mark is the one duplicate possible (lib/outgoing/send-once.ts).
const duplicates = ['mailer.send after', 'store.markCaseSent before'];

describe('the acknowledgement, claimed with the write of the case it acknowledges', () => {
  const steps = ['store.lookup', 'store.nextNumber', 'store.claimThread', 'store.createCase', ...finishing];
  it.each(faultsAt(steps, duplicates))('a fault at %s: the retry opens the case and acknowledges it once, at once', async (fault) => {
    const deps = dependencies();
    const faulty = withFault(deps, fault);
    const first = opener();
    await expect(run(faulty, first)).rejects.toBeInstanceOf(Crash);
    // Lambda's first retry, within the lease: a claim the failed attempt made was given back.
    // (A number handed out before a fault is burnt: the case may be the next one.)
    const { caseRef } = await run(faulty, first);
    expect(await run(faulty, first)).toMatchObject({ outcome: 'ignored', reason: 'duplicate' });
    expect(deps.mailer.sent.filter((m) => m.kind === 'acknowledgement')).toHaveLength(1);
    const stored = await h.store.getCase(caseRef ?? '');
    expect(stored?.acknowledgedAt).not.toBeNull();
    expect(stored?.sends?.[`acknowledgement:${caseRef ?? ''}`]).toMatchObject({ state: 'sent' });
  });

  it('costs no claim of its own: the case write claims it, and its sent mark records the acknowledgement', async () => {
    const deps = dependencies();
    h.dynamo.resetCount();
    await run(deps, opener());
    expect(Object.fromEntries(h.dynamo.requests)).toEqual({ BatchGetItemCommand: 1, UpdateItemCommand: 2, PutItemCommand: 3 });
  });

  it('left claimed by a process that died after writing the case: held for the lease, then sent once', async () => {
    const deps = dependencies();
    // Died: the case was written with its claim, and nothing gave the claim back.
    const dead = { ...deps, store: failingOnce(failingOnce(deps.store, 'releaseCaseSend', 'before'), 'createCase', 'after') };
    const first = opener();
    await expect(run(dead, first)).rejects.toBeInstanceOf(Crash);
    const retry = dependencies();
    await expect(run({ ...retry, mailer: deps.mailer }, first)).rejects.toBeInstanceOf(SendInProgressError);
    const later = new FixedClock(h.clock.now().plus({ minutes: 3 }));
    expect(await run({ ...retry, mailer: deps.mailer }, first, later)).toMatchObject({ outcome: 'noted', caseRef: 'SSP-2026-0001' });
    expect(deps.mailer.sent.filter((m) => m.kind === 'acknowledgement')).toHaveLength(1);
  });
});

describe('the closure summary, claimed with the write that resolves the case', () => {
  const steps = ['store.lookup', 'store.getCase', 'store.updateCase', ...finishing];
  it.each(faultsAt(steps, duplicates))('a fault at %s: the retry resolves the case and sends its summary once', async (fault) => {
    const deps = dependencies();
    const first = opener();
    await run(deps, first);
    const resolution = reply(first, 'Our managers met this morning. The disagreement has been resolved.');
    const faulty = withFault(deps, fault);
    await expect(run(faulty, resolution)).rejects.toBeInstanceOf(Crash);
    expect(await run(faulty, resolution)).toMatchObject({ caseRef: 'SSP-2026-0001' });
    expect(await run(faulty, resolution)).toMatchObject({ outcome: 'ignored', reason: 'duplicate' });
    expect(deps.mailer.sent.filter((m) => m.kind === 'closure')).toHaveLength(1);
    expect(await h.store.getCase('SSP-2026-0001')).toMatchObject({ status: 'resolved' });
  });
});
