import { DateTime } from 'luxon';
import { DynamoCaseStore } from '../lib/aws/dynamo-case-store.js';
import { addWorkingDays } from '../lib/calendar/timescale.js';
import type { Case, HistoryEntry } from '../lib/cases/case.js';
import type { Deployment } from '../lib/config.js';
import { deployment as baseDeployment, MAILBOX, policy } from './deployment.js';
import { calendarFor } from '../lib/policy/calendar.js';
import { buildReport, figuresOf, previousMonth } from '../lib/report/build.js';
import { aCase } from '../test/support/case.js';
import { startDynamo } from '../test/support/dynalite.js';
import { median } from './measure.js';

const calendar = calendarFor(policy);
const deployment: Deployment = {
  ...baseDeployment,
  agencies: { 'council.example': 'Council', 'nhs.example': 'Health', 'police.example': 'Police' },
};
const NOW = DateTime.fromISO('2026-12-01T07:00:00Z');
const MONTH = previousMonth(NOW, policy.timezone);
const HISTORY_STARTS = DateTime.fromISO('2023-11-01T09:00:00Z');
const AGENCIES = Object.keys(deployment.agencies);

/** A small deterministic generator, so that each run reports on the same cases. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A case opened at `openedAt` that climbed a few stages, resolved or still open. */
function generatedCase(n: number, openedAt: DateTime, open: boolean, next: () => number): Case {
  const year = openedAt.year;
  const ref = `SSP-${year}-${String(n).padStart(5, '0')}`;
  const opener = `practitioner${n}@${AGENCIES[n % AGENCIES.length] ?? 'council.example'}`;
  const history: HistoryEntry[] = [
    { at: openedAt.toISO() ?? '', event: 'opened', stage: '2', messageId: `<${ref}-1@x>`, from: opener, to: [] },
  ];
  let stage = 2;
  let at = openedAt;
  const climbs = Math.floor(next() * 3);
  for (let climb = 0; climb < climbs; climb++) {
    at = addWorkingDays(at, 1 + Math.floor(next() * 6), calendar).minus({ hours: 3 });
    stage++;
    history.push({ at: at.toISO() ?? '', event: 'advanced', stage: String(stage), messageId: `<${ref}-${stage}@x>`, from: opener, to: [] });
  }
  const resolvedAt = open ? null : addWorkingDays(at, 1 + Math.floor(next() * 4), calendar).minus({ hours: 4 });
  if (resolvedAt)
    history.push({ at: resolvedAt.toISO() ?? '', event: 'resolved', stage: String(stage), messageId: `<${ref}-r@x>`, from: opener });
  return aCase({
    ref,
    mailbox: MAILBOX,
    status: open ? 'open' : 'resolved',
    stage: String(stage),
    openedAt: openedAt.toISO() ?? '',
    stageStartedAt: at.toISO() ?? '',
    resolvedAt: resolvedAt?.toISO() ?? null,
    messages: history.map((entry) => entry.messageId),
    history,
    participants: [opener],
    domains: [opener.slice(opener.indexOf('@') + 1)],
  });
}

interface Store {
  month: Case[];
  old: Case[];
}

/** 10,000 cases over three years before the month, 2,058 of them never closed, and 300 in the month. */
function generatedStore(): Store {
  const next = random(20261201);
  const spanMs = MONTH.from.toMillis() - HISTORY_STARTS.toMillis();
  const old = Array.from({ length: 9_700 }, (_, n) =>
    generatedCase(n, DateTime.fromMillis(HISTORY_STARTS.toMillis() + next() * spanMs, { zone: 'utc' }), n < 2_058, next),
  );
  const monthMs = MONTH.to.toMillis() - MONTH.from.toMillis();
  const month = Array.from({ length: 300 }, (_, n) =>
    generatedCase(10_000 + n, DateTime.fromMillis(MONTH.from.toMillis() + next() * monthMs * 0.9, { zone: 'utc' }), n % 3 === 0, next),
  );
  return { month, old };
}

function cpuMsOf(work: () => unknown): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function cpuMsOfAsync(work: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * The monitoring report against history. `reportHistoryRatio`: one month's figures with three
 * years of old open cases (2,058 never closed) ÷ the same month's figures with none, in the same
 * process (goal ≤ 1.5: what the report costs must not grow with the age of what is still open).
 * `reportCpuMs10k`: the whole report (store reads and figures) for that month over a store of
 * 10,000 cases (goal < 5,000 ms of CPU).
 */
export async function benchReport(): Promise<Record<string, number | string>> {
  const { month, old } = generatedStore();
  const monthOpen = month.filter((c) => c.status === 'open');
  const oldOpen = old.filter((c) => c.status === 'open');
  const figures = (openCases: readonly Case[]) => () =>
    figuresOf(deployment.mailboxes, deployment, MONTH, NOW, { cases: month, openCases });
  figures([...monthOpen, ...oldOpen])();
  const rounds = Array.from({ length: 7 }, () => ({
    none: cpuMsOf(figures(monthOpen)),
    history: cpuMsOf(figures([...monthOpen, ...oldOpen])),
  }));

  const dynamo = await startDynamo();
  try {
    const store = new DynamoCaseStore(dynamo.doc, dynamo.table);
    for (let i = 0; i < old.length + month.length; i += 25) {
      await Promise.all([...old, ...month].slice(i, i + 25).map((c) => store.createCase(c)));
    }
    const reportMs = median(await Promise.all([0, 1, 2].map(() => cpuMsOfAsync(() => buildReport(store, deployment, MONTH, NOW)))));
    return {
      bench: 'report',
      reportNoHistoryCpuMs: Math.round(median(rounds.map((r) => r.none))),
      reportWithHistoryCpuMs: Math.round(median(rounds.map((r) => r.history))),
      reportHistoryRatio: Math.round(median(rounds.map((r) => r.history / r.none)) * 100) / 100,
      reportCpuMs10k: Math.round(reportMs),
      reportCases: old.length + month.length,
      reportOldOpenCases: oldOpen.length,
    };
  } finally {
    await dynamo.close();
  }
}
