import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import { aCase } from '../../support/case.js';
import { startDynamo, type EmbeddedDynamo } from '../../support/dynalite.js';

const now = DateTime.fromISO('2026-11-02T10:00:00Z');

describe('a claim on a send left by a process that died', () => {
  let dynamo: EmbeddedDynamo;
  beforeAll(async () => {
    dynamo = await startDynamo();
  });
  afterAll(() => dynamo.close());

  it('is held until its lease runs out where other writers may be alive (Lambda)', async () => {
    const dead = new DynamoCaseStore(dynamo.doc, dynamo.table);
    const retry = new DynamoCaseStore(dynamo.doc, dynamo.table);
    expect(await dead.claimSending('acknowledgement:SSP-2026-0001', now)).toBe('claimed');
    expect(await retry.claimSending('acknowledgement:SSP-2026-0001', now.plus({ seconds: 30 }))).toBe('held');
    expect(await retry.claimSending('acknowledgement:SSP-2026-0001', now.plus({ minutes: 3 }))).toBe('claimed');
  });

  it('is taken over at once by the sole writer that started after it (the local runtime after a kill)', async () => {
    const killed = new DynamoCaseStore(dynamo.doc, dynamo.table, { soleWriter: true });
    expect(await killed.claimSending('acknowledgement:SSP-2026-0002', now)).toBe('claimed');
    // The same process asking again (two messages racing for one send) still finds it held.
    expect(await killed.claimSending('acknowledgement:SSP-2026-0002', now)).toBe('held');
    const restarted = new DynamoCaseStore(dynamo.doc, dynamo.table, { soleWriter: true });
    expect(await restarted.claimSending('acknowledgement:SSP-2026-0002', now.plus({ seconds: 5 }))).toBe('claimed');
    await restarted.markSent('acknowledgement:SSP-2026-0002', now.plus({ seconds: 6 }));
    // Sent is sent, for every writer.
    expect(
      await new DynamoCaseStore(dynamo.doc, dynamo.table, { soleWriter: true }).claimSending('acknowledgement:SSP-2026-0002', now),
    ).toBe('sent');
  });

  it('on a case, is held or taken over in the same way', async () => {
    const ref = 'SSP-2026-0003';
    const id = `acknowledgement:${ref}`;
    await new DynamoCaseStore(dynamo.doc, dynamo.table).createCase(aCase({ ref }));
    const dead = new DynamoCaseStore(dynamo.doc, dynamo.table);
    const retry = new DynamoCaseStore(dynamo.doc, dynamo.table);
    expect((await dead.claimCaseSend(ref, id, now))?.claim).toBe('claimed');
    expect((await retry.claimCaseSend(ref, id, now.plus({ seconds: 30 })))?.claim).toBe('held');
    expect((await retry.claimCaseSend(ref, id, now.plus({ minutes: 3 })))?.claim).toBe('claimed');
    const killed = new DynamoCaseStore(dynamo.doc, dynamo.table, { soleWriter: true });
    expect((await killed.claimCaseSend(ref, 'r', now))?.claim).toBe('claimed');
    expect((await killed.claimCaseSend(ref, 'r', now))?.claim).toBe('held');
    const restarted = new DynamoCaseStore(dynamo.doc, dynamo.table, { soleWriter: true });
    expect((await restarted.claimCaseSend(ref, 'r', now.plus({ seconds: 5 })))?.claim).toBe('claimed');
  });
});
