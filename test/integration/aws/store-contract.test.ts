import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCaseTable } from '../../../lib/aws/dynamo-clients.js';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import { CaseConflictError } from '../../../lib/cases/errors.js';
import { aCase } from '../../support/case.js';
import { startDynamo, type EmbeddedDynamo } from '../../support/dynalite.js';
import { startDynamoDbLocal } from '../../support/dynamodb-local.js';

/**
 * The case store's contract, against both servers it meets outside AWS: dynalite (what
 * `npm start` runs on) and AWS's own DynamoDB Local, which validates requests as AWS does.
 */
describe.each([
  ['dynalite', startDynamo],
  ['DynamoDB Local', startDynamoDbLocal],
] as const)('the case store on %s', (_, start) => {
  let server: EmbeddedDynamo;
  let store: DynamoCaseStore;
  let table: string;
  let tables = 0;
  beforeAll(async () => {
    server = await start();
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    table = `cases-${String(++tables)}`;
    await createCaseTable(server.client, table);
    store = new DynamoCaseStore(server.doc, table, { pageSize: 2 });
  });
  const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

  it('writes a case once, then only under its version', async () => {
    const first = aCase({ ref: 'SSP-2026-0001', version: 0 });
    await store.createCase(first);
    await expect(store.createCase(first)).rejects.toBeInstanceOf(CaseConflictError);
    await store.updateCase({ ...first, stage: '2', version: 1 }, 0);
    await expect(store.updateCase({ ...first, stage: '3', version: 1 }, 0)).rejects.toBeInstanceOf(CaseConflictError);
    expect(await store.getCase('SSP-2026-0001')).toMatchObject({ stage: '2', version: 1 });
  });

  it('hands out numbers once each, under concurrency', async () => {
    const numbers = await Promise.all(Array.from({ length: 20 }, () => store.nextNumber('swindon', 2026)));
    expect(new Set(numbers).size).toBe(20);
    expect(Math.max(...numbers)).toBe(20);
  });

  it('claims a thread for one case only, and finds it, the case and the message record in one lookup', async () => {
    expect(await store.claimThread('swindon', '<root@x>', 'SSP-2026-0001')).toBe(true);
    expect(await store.claimThread('swindon', '<root@x>', 'SSP-2026-0002')).toBe(false);
    expect(await store.claimThread('swindon', '<root@x>', 'SSP-2026-0001')).toBe(true);
    await store.createCase(aCase({ ref: 'SSP-2026-0001', version: 0 }));
    await store.addThreadKeys('swindon', 'SSP-2026-0001', ['<a@x>', '<b@x>', '<a@x>']);
    await store.recordMessage({ messageId: '<a@x>', caseRef: 'SSP-2026-0001', outcome: 'noted', at: '2026-11-02T10:00:00Z', sha256: 'ab' });
    const found = await store.lookup({
      messageId: '<a@x>',
      refs: ['SSP-2026-0001'],
      policyId: 'swindon',
      threadKeys: ['<b@x>', '<root@x>'],
    });
    expect(found.message).toEqual({
      messageId: '<a@x>',
      caseRef: 'SSP-2026-0001',
      outcome: 'noted',
      at: '2026-11-02T10:00:00Z',
      sha256: 'ab',
    });
    expect([...found.cases.keys()]).toEqual(['SSP-2026-0001']);
    expect(Object.fromEntries(found.threads)).toEqual({ '<b@x>': 'SSP-2026-0001', '<root@x>': 'SSP-2026-0001' });
  });

  it('leases a send: held while the lease runs, free once it has run out, done for good once marked', async () => {
    const now = at('2026-11-10T09:00:00Z');
    expect(await store.claimSending('r/overdue', now)).toBe('claimed');
    expect(await store.claimSending('r/overdue', now.plus({ seconds: 60 }))).toBe('held');
    expect(await store.claimSending('r/overdue', now.plus({ seconds: 151 }))).toBe('claimed');
    await store.markSent('r/overdue', now.plus({ seconds: 152 }));
    await store.releaseSending('r/overdue');
    expect(await store.claimSending('r/overdue', now.plus({ days: 1 }))).toBe('sent');
    await store.releaseSending('other');
    expect(await store.claimSending('other', now)).toBe('claimed');
  });

  it('claims a send on its case with the case write, or with the case read in one request; marks it with what the case records', async () => {
    const now = at('2026-11-10T09:00:00Z');
    const ack = 'acknowledgement:SSP-2026-0002';
    const reminder = 'SSP-2026-0002/stage-2-deadline/overdue/20261102T100000/20261109T170000';
    await store.createCase(aCase({ ref: 'SSP-2026-0002', version: 1 }), { ids: [ack], now });
    const read = await store.getCase('SSP-2026-0002');
    expect(Object.keys(read?.sends ?? {})).toEqual([ack]);
    expect(read?.sends?.[ack]).toMatchObject({ state: 'claimed', leaseUntil: '2026-11-10T09:02:30.000Z' });
    // Each send is an attribute of its own on the item, gathered back into the case when read.
    const { Item } = await server.doc.send(new GetCommand({ TableName: table, Key: { pk: 'CASE#SSP-2026-0002', sk: 'item' } }));
    expect(Object.keys(Item ?? {})).toContain(`send:${ack}`);
    expect(Item).not.toHaveProperty('sends');

    server.resetCount();
    const fired = await store.claimCaseSend('SSP-2026-0002', reminder, now);
    expect(server.requestCount()).toBe(1);
    expect(fired).toMatchObject({
      claim: 'claimed',
      current: { ref: 'SSP-2026-0002', version: 2, sends: { [reminder]: { state: 'claimed' } } },
    });
    // A writer holding the case as read before the claim cannot write it away.
    await expect(store.updateCase({ ...(read ?? aCase()), stage: '2', version: 2 }, 1)).rejects.toBeInstanceOf(CaseConflictError);
    expect((await store.claimCaseSend('SSP-2026-0002', reminder, now.plus({ seconds: 60 })))?.claim).toBe('held');
    expect((await store.claimCaseSend('SSP-2026-0002', reminder, now.plus({ seconds: 151 })))?.claim).toBe('claimed');

    await store.markCaseSent('SSP-2026-0002', ack, now, { acknowledgedAt: '2026-11-10T09:00:00.000Z' });
    expect(await store.getCase('SSP-2026-0002')).toMatchObject({
      acknowledgedAt: '2026-11-10T09:00:00.000Z',
      sends: { [ack]: { state: 'sent', sentAt: '2026-11-10T09:00:00.000Z' } },
      version: 4,
    });
    // A send marked sent stays so; a claim is given back by its holder only.
    await store.releaseCaseSend('SSP-2026-0002', ack);
    expect((await store.claimCaseSend('SSP-2026-0002', ack, now.plus({ days: 1 })))?.claim).toBe('sent');
    await new DynamoCaseStore(server.doc, table).releaseCaseSend('SSP-2026-0002', reminder);
    expect((await store.getCase('SSP-2026-0002'))?.sends?.[reminder]).toMatchObject({ state: 'claimed' });
    await store.releaseCaseSend('SSP-2026-0002', reminder);
    expect((await store.getCase('SSP-2026-0002'))?.sends?.[reminder]).toBeUndefined();
    expect((await store.claimCaseSend('SSP-2026-0002', reminder, now))?.claim).toBe('claimed');
    // No case, no claim, nothing written.
    expect(await store.claimCaseSend('SSP-2026-0999', reminder, now)).toBeNull();
    await store.markCaseSent('SSP-2026-0999', reminder, now);
    expect(await store.getCase('SSP-2026-0999')).toBeNull();
  });

  it('lists cases by opening month and the open ones, across pages; writes the TTL of a resolved case', async () => {
    for (let n = 1; n <= 5; n++) {
      await store.createCase(
        aCase({ ref: `SSP-2026-000${String(n)}`, openedAt: `2026-1${String(n % 2)}-0${String(n)}T10:00:00.000Z`, version: 0 }),
      );
    }
    await store.updateCase(
      aCase({
        ref: 'SSP-2026-0001',
        openedAt: '2026-11-01T10:00:00.000Z',
        status: 'resolved',
        resolvedAt: '2026-11-20T10:00:00.000Z',
        version: 1,
      }),
      0,
    );
    const november = await store.casesOpened(at('2026-11-01T00:00:00Z'), at('2026-12-01T00:00:00Z'));
    expect(november.map((c) => c.ref).sort()).toEqual(['SSP-2026-0001', 'SSP-2026-0003', 'SSP-2026-0005']);
    expect((await store.openCases()).map((c) => c.ref).sort()).toEqual([
      'SSP-2026-0002',
      'SSP-2026-0003',
      'SSP-2026-0004',
      'SSP-2026-0005',
    ]);
    const { Item } = await server.doc.send(new GetCommand({ TableName: table, Key: { pk: 'CASE#SSP-2026-0001', sk: 'item' } }));
    expect(Item?.expiresAt).toBe(Math.floor(at('2026-11-20T10:00:00Z').plus({ years: 6 }).toSeconds()));
  });

  it('keeps a case item of the largest bounded opener under the item limit', async () => {
    const many = Array.from({ length: 300 }, (_, i) => `person.number.${String(i)}@agency-${String(i % 150)}.example`);
    const big = aCase({
      ref: 'SSP-2026-0009',
      version: 0,
      participants: many,
      domains: many.slice(0, 150).map((a) => a.split('@')[1] ?? ''),
      stageContacts: many.slice(0, 100),
      threadKeys: Array.from({ length: 400 }, (_, i) => `<${'k'.repeat(200)}-${String(i)}@x.example>`),
    });
    await store.createCase(big);
    expect((await store.getCase('SSP-2026-0009'))?.threadKeys).toHaveLength(400);
  });
});
