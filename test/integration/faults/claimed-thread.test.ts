import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import { ingest } from '../../../lib/ingest.js';
import { MAX_ID_LENGTH } from '../../../lib/mail/parse.js';
import { eml, messageIdOf } from '../../support/eml.js';
import { deployment, harness, JANE, MAILBOX, opener, RAJ, reply, SSP, type Harness } from '../cases/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.dynamo.close();
});

class Crash extends Error {}

/** The harness's store with one method made to fail once, as a timeout or a killed process would. */
function failingOnce(
  method: 'createCase' | 'addThreadKeys' | 'claimThread' | 'recordCaseMessage',
  when: 'before' | 'after',
): DynamoCaseStore {
  const store = new DynamoCaseStore(h.dynamo.doc, h.dynamo.table);
  const original = store[method].bind(store) as (...args: unknown[]) => Promise<unknown>;
  let failed = false;
  (store as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    if (failed) return original(...args);
    failed = true;
    if (when === 'after') await original(...args);
    throw new Crash(`${method} ${when}`);
  };
  return store;
}

const ingestWith = (store: DynamoCaseStore, raw: Buffer) =>
  ingest({ raw, recipients: [MAILBOX] }, { store, mailer: h.mailer, reminders: h.reminders, clock: h.clock, deployment });

describe('a thread claimed for a case that was never written', () => {
  it('crash after the claim, before the case: the retry writes the case under the claimed reference, burning no number', async () => {
    const first = opener();
    const store = failingOnce('createCase', 'before');
    await expect(ingestWith(store, first)).rejects.toBeInstanceOf(Crash);
    expect(await h.store.getCase('SSP-2026-0001')).toBeNull();

    expect(await ingestWith(store, first)).toMatchObject({ outcome: 'opened', caseRef: 'SSP-2026-0001' });
    expect(await h.ingest(reply(first, 'Escalating to Stage 3.'))).toMatchObject({ outcome: 'advanced', caseRef: 'SSP-2026-0001' });
    expect(h.mailer.sent.filter((m) => m.kind === 'acknowledgement')).toHaveLength(1);
    // The next case takes the next number: the crash cost none.
    expect(await h.ingest(opener())).toMatchObject({ outcome: 'opened', caseRef: 'SSP-2026-0002' });
  });

  it('crash after the claim, before the case: a later message of the thread that opens it writes the case, and the retry joins it', async () => {
    const first = opener();
    await expect(ingestWith(failingOnce('createCase', 'before'), first)).rejects.toBeInstanceOf(Crash);
    const second = reply(first, 'I disagree with the decision and am escalating to Stage 3 of the resolution policy.');
    expect(await h.ingest(second)).toMatchObject({ outcome: 'opened', caseRef: 'SSP-2026-0001' });
    expect(await h.ingest(first)).toMatchObject({ caseRef: 'SSP-2026-0001' });
    const stored = await h.store.getCase('SSP-2026-0001');
    expect(new Set(stored?.messages)).toEqual(new Set([messageIdOf(first), messageIdOf(second)]));
  });

  it('crash after the case, before its record: the retry finishes, once', async () => {
    const first = opener();
    await expect(ingestWith(failingOnce('createCase', 'after'), first)).rejects.toBeInstanceOf(Crash);
    expect(await h.store.getCase('SSP-2026-0001')).not.toBeNull();
    await expect(ingestWith(failingOnce('recordCaseMessage', 'before'), first)).rejects.toBeInstanceOf(Crash);
    expect(await h.ingest(first)).toMatchObject({ outcome: 'noted', caseRef: 'SSP-2026-0001' });
    expect(await h.ingest(first)).toMatchObject({ outcome: 'ignored', reason: 'duplicate' });
    expect(h.mailer.sent.filter((m) => m.kind === 'acknowledgement')).toHaveLength(1);
    expect((await h.store.getCase('SSP-2026-0001'))?.messages).toEqual([messageIdOf(first)]);
  });

  it('a reply naming mail never seen: crash before its new thread keys, then before its record; the retry finishes, once, and a reply to it matches', async () => {
    const first = opener();
    await h.ingest(first);
    const unseen = '<forked@agency.example>';
    const escalation = eml({
      from: RAJ,
      to: JANE,
      cc: SSP,
      subject: 'RE: Professional disagreement',
      text: 'Escalating to Stage 3.',
      inReplyTo: messageIdOf(first),
      references: [messageIdOf(first), unseen],
    });
    await expect(ingestWith(failingOnce('addThreadKeys', 'before'), escalation)).rejects.toBeInstanceOf(Crash);
    await expect(ingestWith(failingOnce('recordCaseMessage', 'before'), escalation)).rejects.toBeInstanceOf(Crash);
    expect(await h.ingest(escalation)).toMatchObject({ outcome: 'noted', caseRef: 'SSP-2026-0001' });
    expect(await h.ingest(escalation)).toMatchObject({ outcome: 'ignored', reason: 'duplicate', caseRef: 'SSP-2026-0001' });
    const stored = await h.store.getCase('SSP-2026-0001');
    expect(stored?.messages).toEqual([messageIdOf(first), messageIdOf(escalation)]);
    expect(stored?.history.filter((e) => e.event === 'advanced')).toHaveLength(1);
    // Both the key it named and its own lead a later message to the case.
    for (const key of [unseen, messageIdOf(escalation)]) {
      const later = eml({
        from: JANE,
        to: RAJ,
        cc: SSP,
        subject: 'RE: Professional disagreement',
        text: 'Thanks.',
        inReplyTo: key,
        references: [key],
      });
      expect(await h.ingest(later)).toMatchObject({ caseRef: 'SSP-2026-0001' });
    }
  });

  it('an opener copied to 6,000 people opens a case whose item stays bounded, and a reply matches it', async () => {
    const crowd = Array.from({ length: 6000 }, (_, i) => `person.${i}@agency-${i % 400}.example`).join(', ');
    const first = eml({
      from: JANE,
      to: RAJ,
      cc: `${SSP}, ${crowd}`,
      subject: 'Professional disagreement',
      text: 'Escalating to Stage 2 of the resolution policy.',
    });
    expect(await h.ingest(first)).toMatchObject({ outcome: 'opened', caseRef: 'SSP-2026-0001' });
    const stored = await h.store.getCase('SSP-2026-0001');
    expect(Buffer.byteLength(JSON.stringify(stored))).toBeLessThan(100_000);
    expect(stored?.stageContacts).not.toContain(MAILBOX);
    expect(await h.ingest(reply(first, 'Escalating to Stage 3.'))).toMatchObject({ outcome: 'advanced', caseRef: 'SSP-2026-0001' });
  });

  it('a Message-ID and a reference over 2,048 bytes are kept as their hash, and the thread still matches', async () => {
    const long = `<${'x'.repeat(3000)}@agency.example>`;
    const first = eml({
      from: JANE,
      to: RAJ,
      cc: SSP,
      subject: 'Professional disagreement',
      text: 'Escalating to Stage 2 of the resolution policy.',
      id: long,
    });
    const opened = await h.ingest(first);
    expect(opened).toMatchObject({ outcome: 'opened' });
    expect(opened.messageId.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    const answer = eml({
      from: RAJ,
      to: JANE,
      cc: SSP,
      subject: 'RE: x',
      text: 'Escalating to Stage 3.',
      inReplyTo: long,
      references: [long],
    });
    expect(await h.ingest(answer)).toMatchObject({ outcome: 'advanced', caseRef: opened.caseRef });
  });
});
