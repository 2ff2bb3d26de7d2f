import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import { reviewTokenOf } from '../../../lib/cases/review.js';
import { ingest } from '../../../lib/ingest.js';
import type { CaseStore } from '../../../lib/ports.js';
import { eml } from '../../support/eml.js';
import { startDynamo, type EmbeddedDynamo } from '../../support/dynalite.js';
import { FixedClock, RecordingMailer, RecordingReminderBook } from '../../support/fakes.js';
import { deployment, JANE, MAILBOX, RAJ, SSP } from '../cases/harness.js';

/** The real store, with one call to `method` (its `nth`) failing as a crash or a refused request would. */
function failingOnce(store: DynamoCaseStore, method: keyof CaseStore, nth = 1): CaseStore {
  let calls = 0;
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const bound = (value as (...a: unknown[]) => unknown).bind(target);
      if (property !== method) return bound;
      return (...args: unknown[]) => {
        if (++calls === nth) return Promise.reject(new Error(`injected fault in ${method}`));
        return bound(...args);
      };
    },
  });
}

let dynamo: EmbeddedDynamo;
let store: DynamoCaseStore;
let mailer: RecordingMailer;
let reminders: RecordingReminderBook;
const clock = new FixedClock(DateTime.fromISO('2026-11-02T10:00', { zone: 'Europe/London' }));
beforeEach(async () => {
  dynamo = await startDynamo();
  store = new DynamoCaseStore(dynamo.doc, dynamo.table);
  mailer = new RecordingMailer();
  reminders = new RecordingReminderBook();
});
afterEach(async () => {
  await dynamo.close();
});

const deliver = (raw: Buffer, on: CaseStore = store, verdicts = {}) =>
  ingest({ raw, recipients: [MAILBOX], verdicts }, { store: on, mailer, reminders, clock, deployment });
const opener = (subject: string) =>
  eml({
    from: JANE,
    to: RAJ,
    cc: SSP,
    subject,
    text: 'Raj,\n\nI am raising this with you as a Stage 2 inter-agency discussion under the resolution policy.\n\nJane',
  });
const command = (subject: string, text: string) => eml({ from: SSP, to: SSP, subject: `Re: ${subject}`, text });

async function openCase(subject: string): Promise<string> {
  const outcome = await deliver(opener(subject));
  if (outcome.outcome !== 'opened') throw new Error(outcome.outcome);
  return outcome.caseRef;
}

/** Every step of a command, failing in turn: the retry of the same message finishes the job, each effect once. */
describe('a command by mail, with a fault between each pair of steps, then delivered again', () => {
  const steps: [keyof CaseStore, number][] = [
    ['lookup', 1],
    ['getCase', 1],
    ['updateCase', 1],
    ['logCorrection', 1],
    ['claimSending', 1],
    ['recordMessage', 1],
  ];
  it.each(steps)('#stage with a fault in %s', async (method, nth) => {
    const ref = await openCase('Professional disagreement - discharge plan');
    const sentBefore = mailer.sent.length;
    const raw = command(`[${ref}] x`, '#stage 4');
    await expect(deliver(raw, failingOnce(store, method, nth))).rejects.toThrow(/injected fault/);
    await deliver(raw);
    await deliver(raw); // and once more: a duplicate now
    const stored = await store.getCase(ref);
    expect(stored?.stage).toBe('4');
    expect(stored?.history.filter((h) => h.event === 'corrected')).toHaveLength(1);
    expect(mailer.sent.slice(sentBefore).filter((m) => m.kind === 'confirmation')).toHaveLength(1);
    expect(reminders.synced.at(-1)).toMatchObject({ ref, stage: '4' });
  });

  it('a confirmation SES refused is sent by the retry, once', async () => {
    const ref = await openCase('Professional disagreement - discharge plan');
    const raw = command(`[${ref}] x`, '#resolved');
    const refusing = { send: () => Promise.reject(new Error('injected: SES refused')) };
    await expect(ingest({ raw, recipients: [MAILBOX] }, { store, mailer: refusing, reminders, clock, deployment })).rejects.toThrow(
      /SES refused/,
    );
    await deliver(raw);
    await deliver(raw);
    expect(mailer.sent.filter((m) => m.kind === 'confirmation')).toHaveLength(1);
    expect((await store.getCase(ref))?.history.filter((h) => h.event === 'corrected')).toHaveLength(1);
  });

  it.each([1, 2])('#merge with the %s-th case write failing', async (nth) => {
    const into = await openCase('Professional disagreement - discharge plan');
    const from = await openCase('Professional disagreement - school place');
    const raw = command(`[${from}] x`, `#merge ${into}`);
    await expect(deliver(raw, failingOnce(store, 'updateCase', nth))).rejects.toThrow(/injected fault/);
    await deliver(raw);
    const [left, joined] = [await store.getCase(from), await store.getCase(into)];
    expect(left?.status).toBe('withdrawn');
    expect(left?.history.filter((h) => h.event === 'merged')).toHaveLength(1);
    expect(joined?.history.filter((h) => h.event === 'merged')).toHaveLength(1);
    expect(joined?.messages).toHaveLength(2);
    expect(mailer.sent.filter((m) => m.kind === 'confirmation')).toHaveLength(1);
  });

  it.each<[keyof CaseStore, number]>([
    ['nextNumber', 1],
    ['settleReview', 1],
    ['claimThread', 1],
    ['createCase', 1],
    ['addThreadKeys', 1],
  ])('#open on a review with a fault in %s opens one case and acknowledges it once', async (method, nth) => {
    await deliver(opener('Professional disagreement - discharge plan'), store, { spf: 'FAIL', dkim: 'FAIL', dmarc: 'GRAY' });
    const request = mailer.sent.find((m) => m.kind === 'review');
    expect(reviewTokenOf(request?.subject ?? '')).not.toBeNull();
    const raw = command(request?.subject ?? '', '#open stage 2');
    await expect(deliver(raw, failingOnce(store, method, nth))).rejects.toThrow(/injected fault/);
    const outcome = await deliver(raw);
    expect(outcome).toMatchObject({ outcome: 'command', applied: true, reason: 'opened' });
    // One case (a number taken before a fault may be skipped, as when ingest loses a race: numbers stay unique).
    const cases = (await Promise.all(['SSP-2026-0001', 'SSP-2026-0002'].map((ref) => store.getCase(ref)))).filter((c) => c !== null);
    expect(cases.map((c) => c.ref)).toEqual([outcome.caseRef]);
    expect(mailer.sent.filter((m) => m.kind === 'acknowledgement')).toHaveLength(1);
    expect(cases[0]?.history.map((h) => h.event)).toEqual(['opened', 'corrected']);
  });
});
