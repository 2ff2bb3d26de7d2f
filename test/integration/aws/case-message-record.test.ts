import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import { startDynamo, type EmbeddedDynamo } from '../../support/dynalite.js';

let dynamo: EmbeddedDynamo;
beforeEach(async () => {
  dynamo = await startDynamo();
});
afterEach(async () => {
  await dynamo.close();
});

const record = { messageId: '<m2@x>', caseRef: 'SSP-2026-0001', outcome: 'advanced', at: '2026-11-04T10:00:00.000Z', sha256: 'ab' };

describe('the record of a message on a case, kept on its own thread key', () => {
  it('is found by the lookup in one request, and the key still leads a reply to the case', async () => {
    const store = new DynamoCaseStore(dynamo.doc, dynamo.table);
    await store.claimThread('swindon', '<m1@x>', 'SSP-2026-0001');
    const query = { messageId: '<m2@x>', refs: [], policyId: 'swindon', threadKeys: ['<m1@x>', '<m2@x>'] };
    expect((await store.lookup(query)).message).toBeNull();

    await store.recordCaseMessage('swindon', record);
    dynamo.resetCount();
    const found = await store.lookup(query);
    expect(dynamo.requestCount()).toBe(1);
    expect(found.message).toEqual(record);
    expect(found.threads).toEqual(
      new Map([
        ['<m1@x>', 'SSP-2026-0001'],
        ['<m2@x>', 'SSP-2026-0001'],
      ]),
    );
    // A reply to it is not a duplicate of it: only the message's own key carries its record.
    const reply = await store.lookup({ messageId: '<m3@x>', refs: [], policyId: 'swindon', threadKeys: ['<m2@x>', '<m3@x>'] });
    expect(reply.message).toBeNull();
    expect(reply.threads.get('<m2@x>')).toBe('SSP-2026-0001');
  });

  it('a key only claimed or added for a case carries no record', async () => {
    const store = new DynamoCaseStore(dynamo.doc, dynamo.table);
    await store.addThreadKeys('swindon', 'SSP-2026-0001', ['<m2@x>']);
    expect((await store.lookup({ messageId: '<m2@x>', refs: [], policyId: 'swindon', threadKeys: ['<m2@x>'] })).message).toBeNull();
  });
});
