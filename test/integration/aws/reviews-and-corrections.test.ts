import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewKey } from '../../../lib/aws/case-table.js';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import type { Review } from '../../../lib/cases/review.js';
import { aCase } from '../../support/case.js';
import { startDynamo, type EmbeddedDynamo } from '../../support/dynalite.js';

const review = (token: string, messageId: string, receivedAt: string): Review => ({
  token,
  messageId,
  mailbox: 'p@x.example',
  policyId: 'swindon',
  caseRef: null,
  reason: 'r',
  receivedAt,
  suggestedStage: '1',
  from: 'a@agency.example',
  people: ['a@agency.example'],
  contacts: [],
  threadKeys: [messageId],
  status: 'pending',
});

describe('the case store keeps reviews and the corrections log', () => {
  let dynamo: EmbeddedDynamo;
  let store: DynamoCaseStore;
  beforeAll(async () => {
    dynamo = await startDynamo();
    store = new DynamoCaseStore(dynamo.doc, dynamo.table, { pageSize: 1 }); // one item a page: every query pages
    await store.createCase(aCase({ ref: 'SSP-2026-0001' })); // an open case shares the index: never a review
  });
  afterAll(() => dynamo.close());

  it('keeps one review per message: a second attempt gets the first token', async () => {
    const first = await store.openReview(review('a'.repeat(24), '<m1@x>', '2026-11-02T10:00:00.000Z'));
    const again = await store.openReview(review('b'.repeat(24), '<m1@x>', '2026-11-02T10:00:00.000Z'));
    expect(again).toEqual(first);
    expect(await store.getReview('b'.repeat(24))).toBeNull();
    expect(await store.getReview('a'.repeat(24))).toEqual(first);
  });

  it('lists the pending reviews oldest first, and settles each once', async () => {
    await store.openReview(review('c'.repeat(24), '<m0@x>', '2026-11-01T10:00:00.000Z'));
    expect((await store.pendingReviews()).map((r) => r.token)).toEqual(['c'.repeat(24), 'a'.repeat(24)]);
    const pending = await store.getReview('c'.repeat(24));
    if (!pending) throw new Error('review not kept');
    expect(await store.settleReview({ ...pending, status: 'dismissed', settledBy: 'p@x.example' })).toBe(true);
    expect(await store.settleReview({ ...pending, status: 'opened', openedRef: 'SSP-2026-0009' })).toBe(false);
    expect(await store.getReview('c'.repeat(24))).toMatchObject({ status: 'dismissed' });
    expect((await store.pendingReviews()).map((r) => r.token)).toEqual(['a'.repeat(24)]);
  });

  it('gives a review a retention (the table’s TTL attribute)', async () => {
    const { Item } = await dynamo.doc.send(new GetCommand({ TableName: dynamo.table, Key: reviewKey('a'.repeat(24)) }));
    expect(Item?.expiresAt).toBe(Date.parse('2026-11-02T10:00:00.000Z') / 1000 + 366 * 86_400);
  });

  it('returns the corrections of a period, its start included and its end excluded, across days', async () => {
    const log = (caseRef: string, at: string) =>
      store.logCorrection({
        caseRef,
        mailbox: 'p@x.example',
        at,
        messageId: `<${at}@x>`,
        event: 'corrected',
        commands: '#stage 2',
        stage: '2',
      });
    await log('SSP-2026-0001', '2026-11-23T08:00:00.000Z');
    await log('SSP-2026-0002', '2026-11-25T12:00:00.000Z');
    await log('SSP-2026-0001', '2026-11-25T12:00:00.000Z');
    await log('SSP-2026-0003', '2026-11-30T08:00:00.000Z');
    await log('SSP-2026-0003', '2026-11-30T08:00:00.000Z'); // the same line twice: kept once
    const week = await store.corrections(DateTime.fromISO('2026-11-23T08:00:00Z'), DateTime.fromISO('2026-11-30T08:00:00Z'));
    expect(week.map((c) => [c.at, c.caseRef])).toEqual([
      ['2026-11-23T08:00:00.000Z', 'SSP-2026-0001'],
      ['2026-11-25T12:00:00.000Z', 'SSP-2026-0001'],
      ['2026-11-25T12:00:00.000Z', 'SSP-2026-0002'],
    ]);
    expect(await store.openCases()).toHaveLength(1);
  });
});
