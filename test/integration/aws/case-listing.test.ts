import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import { aCase } from '../../support/case.js';
import { startDynamo, type EmbeddedDynamo } from '../../support/dynalite.js';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('listing cases for the monitoring report', () => {
  let dynamo: EmbeddedDynamo;
  let store: DynamoCaseStore;
  const opened = {
    'SSP-2026-0001': '2026-09-30T23:59:59.000Z', // the last second of September
    'SSP-2026-0002': '2026-10-01T00:00:00.000Z', // the first of October
    'SSP-2026-0003': '2026-10-15T12:00:00.000Z',
    'SSP-2026-0004': '2026-11-30T23:00:00.000Z',
    'SSP-2026-0005': '2026-12-01T00:00:00.000Z', // the first instant after November: outside
  };

  beforeAll(async () => {
    dynamo = await startDynamo();
    store = new DynamoCaseStore(dynamo.doc, dynamo.table, { pageSize: 2 }); // two items a page: every query pages
    for (const [ref, openedAt] of Object.entries(opened)) await store.createCase(aCase({ ref, openedAt, stageStartedAt: openedAt }));
    const resolved = await store.getCase('SSP-2026-0003');
    if (!resolved) throw new Error('case not stored');
    await store.updateCase({ ...resolved, status: 'resolved', resolvedAt: '2026-10-20T10:00:00.000Z', version: 2 }, 1);
  });
  afterAll(() => dynamo.close());

  it('finds the cases opened in a period, its start included and its end excluded, across months', async () => {
    const found = await store.casesOpened(utc('2026-10-01T00:00:00Z'), utc('2026-12-01T00:00:00Z'));
    expect(found.map((c) => c.ref).sort()).toEqual(['SSP-2026-0002', 'SSP-2026-0003', 'SSP-2026-0004']);
  });

  it('returns the case as it was stored, without the index attributes', async () => {
    const [found] = await store.casesOpened(utc('2026-10-15T00:00:00Z'), utc('2026-10-16T00:00:00Z'));
    expect(found).toEqual(await store.getCase('SSP-2026-0003'));
    expect(Object.keys(found ?? {})).not.toContain('openedMonth');
  });

  it('lists the open cases only, a resolved case dropping out of the index', async () => {
    const open = await store.openCases();
    expect(open.map((c) => c.ref).sort()).toEqual(['SSP-2026-0001', 'SSP-2026-0002', 'SSP-2026-0004', 'SSP-2026-0005']);
    expect(open.every((c) => c.status === 'open')).toBe(true);
  });

  it('is empty for a period with no cases', async () => {
    expect(await store.casesOpened(utc('2025-01-01T00:00:00Z'), utc('2025-06-01T00:00:00Z'))).toEqual([]);
  });
});
