import { DateTime } from 'luxon';
import type { Case, HistoryEntry } from '../../../lib/cases/case.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import type { ReportInput } from '../../../lib/report/figures.js';
import { aCase } from '../../support/case.js';

const ann = 'ann@swindon.gov.example';
const ben = 'ben@nhs.example';
const carol = 'carol@police.example';

type Step = [at: string, event: HistoryEntry['event'], stage: string, from: string];

/** A case as its history left it: the stage, status and dates follow from the steps. */
function caseOf(ref: string, policyId: string, steps: Step[]): Case {
  const history = steps.map(([at, event, stage, from]) => ({ at, event, stage, messageId: `<${ref}-${at}@x>`, from, to: [] }));
  const last = history.at(-1);
  const lastStageStart = [...history].reverse().find((h) => h.event !== 'resolved' && h.event !== 'noted');
  return aCase({
    ref,
    policyId,
    stage: last?.stage ?? '1',
    status: last?.event === 'resolved' ? 'resolved' : 'open',
    resolvedAt: last?.event === 'resolved' ? last.at : null,
    openedAt: history[0]?.at ?? '',
    stageStartedAt: lastStageStart?.at ?? '',
    history,
    messages: history.map((h) => h.messageId),
    participants: [...new Set(history.map((h) => h.from))],
  });
}

/**
 * Several cases across October and November 2026, with every figure worked out by hand in
 * figures.test.ts. No bank holidays fall in those months; clocks went back on Sun 25 Oct.
 */
export const swindonA = caseOf('SSP-2026-0001', 'swindon', [
  ['2026-10-05T10:00:00+01:00', 'opened', '1', ann],
  ['2026-10-06T10:00:00+01:00', 'advanced', '2', ben],
  ['2026-10-09T15:00:00+01:00', 'resolved', '2', ben],
]);
export const swindonB = caseOf('SSP-2026-0002', 'swindon', [
  ['2026-10-21T09:00:00+01:00', 'opened', '3', ben],
  ['2026-10-26T11:00:00Z', 'noted', '3', ann],
  ['2026-10-29T09:00:00Z', 'advanced', '4', ann],
]);
export const swindonC = caseOf('SSP-2026-0003', 'swindon', [
  ['2026-11-02T10:00:00Z', 'opened', '1', carol],
  ['2026-11-04T11:00:00Z', 'advanced', '3', ben],
  ['2026-11-12T10:00:00Z', 'advanced', '5', carol],
  ['2026-11-16T14:00:00Z', 'resolved', '5', ben],
]);
export const swindonD = caseOf('SSP-2026-0004', 'swindon', [['2026-11-25T10:00:00Z', 'opened', '2', ann]]);
/** Opened before the period and still open: only in "overdue now". */
export const swindonE = caseOf('SSP-2026-0005', 'swindon', [
  ['2026-09-24T10:00:00+01:00', 'opened', '1', ann],
  ['2026-09-28T10:00:00+01:00', 'advanced', '3', ben],
]);
export const sunderlandF = caseOf('SSCP-2026-0001', 'sunderland', [['2026-11-10T10:00:00Z', 'opened', '1', ann]]);

export const fixtureInput: ReportInput = {
  from: DateTime.fromISO('2026-10-01T00:00', { zone: 'Europe/London' }),
  to: DateTime.fromISO('2026-12-01T00:00', { zone: 'Europe/London' }),
  now: DateTime.fromISO('2026-11-30T12:00:00Z'),
  cases: [swindonA, swindonB, swindonC, swindonD, sunderlandF],
  openCases: [swindonB, swindonD, swindonE, sunderlandF],
  policies: [builtInPolicy('swindon'), builtInPolicy('sunderland')],
  agencies: { 'swindon.gov.example': 'Swindon Borough Council', 'nhs.example': 'Great Western Hospitals' },
  closureDays: [],
};
