import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../lib/aws/dynamo-clients.js';
import { DynamoCaseStore } from '../../lib/aws/dynamo-case-store.js';
import { startEmbeddedDynamo } from '../../lib/local/embedded-dynamo.js';
import type { MonitoringReport } from '../../lib/report/figures.js';
import { aCase } from '../support/case.js';
import { run } from '../unit/cli/run.js';

/** A local store as `serve` leaves it, under <data>/db, with cases of the sample mailbox. */
const data = mkdtempSync(join(tmpdir(), 'report-data-'));
const SAMPLE_MAILBOX = 'safeguardingpartnership@swindon.example';

beforeAll(async () => {
  const dynamo = await startEmbeddedDynamo({ path: join(data, 'db') });
  const store = new DynamoCaseStore(documentClient(dynamo.client), dynamo.table);
  const opened = (ref: string, openedAt: string) =>
    aCase({
      ref,
      mailbox: SAMPLE_MAILBOX,
      openedAt,
      stageStartedAt: openedAt,
      history: [{ at: openedAt, event: 'opened', stage: '2', messageId: `<${ref}@x>`, from: 'jane@swindon-council.example', to: [] }],
      stage: '2',
    });
  await store.createCase(opened('SSP-2026-0001', '2026-10-12T09:00:00Z'));
  await store.createCase(opened('SSP-2026-0002', '2026-11-03T09:00:00Z'));
  await dynamo.close();
});

describe('escalations report', () => {
  it('reports the local store’s cases opened in the period, as JSON', async () => {
    const { code, stdout, stderr } = await run('report', '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'json', '--data', data);
    expect([code, stderr]).toEqual([0, '']);
    const report = JSON.parse(stdout) as MonitoringReport;
    expect(report.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(report.policies.map((p) => [p.policy.id, p.cases.map((c) => c.ref), p.byAgency])).toEqual([
      ['swindon', ['SSP-2026-0002'], [{ agency: 'swindon-council.example', opened: 1 }]],
    ]);
  });

  it('writes HTML by default and CSV when asked', async () => {
    const html = await run('report', '--from', '2026-10-01', '--to', '2026-11-30', '--data', data);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain('SSP-2026-0001');
    const csv = await run('report', '--from', '2026-10-01', '--to', '2026-11-30', '--format', 'csv', '--data', data);
    expect(csv.stdout.startsWith('\uFEFFMonitoring report,2026-10-01,2026-11-30,')).toBe(true);
  });

  it('refuses clearly while serve holds the store', async () => {
    const serving = await startEmbeddedDynamo({ path: join(data, 'db') });
    try {
      const { code, stdout, stderr } = await run('report', '--from', '2026-11-01', '--to', '2026-11-30', '--data', data);
      expect([code, stdout]).toEqual([2, '']);
      expect(stderr).toBe(`escalations: the local store in ${join(data, 'db')} is in use by another process (is \`serve\` running?)\n`);
    } finally {
      await serving.close();
    }
  });

  it.each([
    [['--from', '2026-11-01', '--to', '2026-11-30', '--data', join(data, 'nothing-here')], 'no local store in'],
    [['--from', '2026-11-01'], 'report: --from and --to go together'],
    [['--from', '1 Nov', '--to', '2026-11-30'], 'report: --from: not an ISO date such as 2026-11-01'],
    [['--from', '2026-11-30', '--to', '2026-11-01'], 'report: --to: the period ends before it starts'],
    [['--from', '2026-11-01', '--to', '2026-11-30', '--format', 'pdf'], 'report: --format: one of html, csv, json'],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const { code, stdout, stderr } = await run('report', ...argv);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });
});
