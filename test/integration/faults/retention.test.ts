import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import { DeploymentSchema } from '../../../lib/config.js';
import { aCase } from '../../support/case.js';
import { startDynamo, type EmbeddedDynamo } from '../../support/dynalite.js';

let dynamo: EmbeddedDynamo;
beforeEach(async () => {
  dynamo = await startDynamo();
});
afterEach(async () => {
  await dynamo.close();
});

const item = async (pk: string) => (await dynamo.doc.send(new GetCommand({ TableName: dynamo.table, Key: { pk, sk: 'item' } }))).Item;
const seconds = (iso: string, years: number) => Math.floor(DateTime.fromISO(iso).plus({ years }).toSeconds());

describe('retention: everything kept has an expiry for DynamoDB’s TTL', () => {
  it('a case is kept while open and for 6 years after it is resolved; the expiry is not part of the case read back', async () => {
    const store = new DynamoCaseStore(dynamo.doc, dynamo.table);
    const open = aCase({ ref: 'SSP-2026-0001', version: 0 });
    await store.createCase(open);
    expect((await item('CASE#SSP-2026-0001'))?.expiresAt).toBeUndefined();
    const resolved = { ...open, status: 'resolved' as const, resolvedAt: '2026-11-20T15:00:00.000Z', version: 1 };
    await store.updateCase(resolved, 0);
    expect((await item('CASE#SSP-2026-0001'))?.expiresAt).toBe(seconds('2026-11-20T15:00:00.000Z', 6));
    expect(await store.getCase('SSP-2026-0001')).toEqual(resolved);
    // Reopened: kept again.
    await store.updateCase({ ...resolved, status: 'open', resolvedAt: null, version: 2 }, 1);
    expect((await item('CASE#SSP-2026-0001'))?.expiresAt).toBeUndefined();
  });

  it('message records and thread keys expire the configured retention after they are written', async () => {
    const years = DeploymentSchema.parse({
      mailboxes: [{ address: 'p@x.example', policy: 'swindon', partnershipAddresses: ['p@x.example'], monitoringAddress: 'p@x.example' }],
      fromAddress: 'e@x.example',
      loopId: 'e@x.example',
    }).retentionYears;
    expect(years).toBe(6);
    const store = new DynamoCaseStore(dynamo.doc, dynamo.table, { retentionYears: 2 });
    const before = Math.floor(DateTime.utc().plus({ years: 2 }).toSeconds());
    await store.recordMessage({ messageId: '<m@x>', caseRef: 'SSP-2026-0001', outcome: 'noted', at: '2026-11-02T10:00:00Z', sha256: 'ab' });
    await store.addThreadKeys('swindon', 'SSP-2026-0001', ['<m@x>']);
    await store.claimThread('swindon', '<root@x>', 'SSP-2026-0001');
    await store.recordCaseMessage('swindon', {
      messageId: '<c@x>',
      caseRef: 'SSP-2026-0001',
      outcome: 'noted',
      at: '2026-11-02T10:00:00Z',
      sha256: 'cd',
    });
    const after = Math.floor(DateTime.utc().plus({ years: 2 }).toSeconds());
    for (const pk of ['MSG#<m@x>', 'THREAD#swindon#<m@x>', 'THREAD#swindon#<root@x>', 'THREAD#swindon#<c@x>']) {
      const expiresAt = (await item(pk))?.expiresAt as number;
      expect(expiresAt, pk).toBeGreaterThanOrEqual(before);
      expect(expiresAt, pk).toBeLessThanOrEqual(after);
    }
  });
});
