import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../lib/cases/case.js';
import { calendarFor } from '../../../lib/policy/calendar.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { stageLog } from '../../../lib/records/stage-log.js';
import { aCase } from '../../support/case.js';

const policy = builtInPolicy('swindon');
const now = DateTime.fromISO('2026-11-20T12:00:00Z');
const entry = (at: string, event: HistoryEntry['event'], stage: string, status?: HistoryEntry['status']): HistoryEntry => ({
  at,
  event,
  stage,
  messageId: `<${at}@x>`,
  ...(status ? { status, from: 'ssp@x.example' } : {}),
});
const log = (history: HistoryEntry[]) =>
  stageLog(aCase({ openedAt: history[0]?.at ?? '', history }), policy, calendarFor(policy), now).map((v) => [
    v.stage,
    v.enteredAt.toUTC().toISO(),
    v.outcome,
  ]);

describe('the stage log reads the partnership’s corrections', () => {
  it('#stage ends the stay and starts one at the stage set, either way', () => {
    expect(log([entry('2026-11-02T10:00:00.000Z', 'opened', '2'), entry('2026-11-03T09:00:00.000Z', 'corrected', '1', 'open')])).toEqual([
      ['2', '2026-11-02T10:00:00.000Z', { kind: 'advanced', to: '1' }],
      ['1', '2026-11-03T09:00:00.000Z', { kind: 'open' }],
    ]);
  });

  it('#resolved ends the stay; #reopen starts one again; #due changes no stay', () => {
    expect(
      log([
        entry('2026-11-02T10:00:00.000Z', 'opened', '2'),
        entry('2026-11-03T09:00:00.000Z', 'corrected', '2', 'open'),
        entry('2026-11-04T09:00:00.000Z', 'corrected', '2', 'resolved'),
        entry('2026-11-05T09:00:00.000Z', 'corrected', '2', 'open'),
      ]),
    ).toEqual([
      ['2', '2026-11-02T10:00:00.000Z', { kind: 'resolved' }],
      ['2', '2026-11-05T09:00:00.000Z', { kind: 'open' }],
    ]);
  });

  it('a withdrawal or a merge ends the stay', () => {
    expect(
      log([entry('2026-11-02T10:00:00.000Z', 'opened', '2'), entry('2026-11-03T09:00:00.000Z', 'withdrawn', '2', 'withdrawn')]),
    ).toEqual([['2', '2026-11-02T10:00:00.000Z', { kind: 'resolved' }]]);
  });
});
