import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../lib/cases/case.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { allReminders, planReminders } from '../../../lib/reminders/plan.js';
import { aCase } from '../../support/case.js';

const london = (local: string) => DateTime.fromISO(local, { zone: 'Europe/London' });
function caseAt(policyId: string, stage: string, started: string, opened = started, status: Case['status'] = 'open'): Case {
  const utc = (local: string) => london(local).toUTC().toISO() ?? '';
  return aCase({ ref: 'TEST-2026-0001', policyId, status, stage, openedAt: utc(opened), stageStartedAt: utc(started), version: 0 });
}
const plan = (c: Case, now: string) =>
  planReminders(c, builtInPolicy(c.policyId), london(now), { closureDays: [] }).map(
    (r) => `${r.kind} ${r.deadline.id} ${r.at.setZone('Europe/London').toFormat('ccc d LLL yyyy HH:mm')}`,
  );

// Stage started and case opened on Thu 17 Dec 2026 14:00: over Christmas.
const START = '2026-12-17T14:00';
const wd = {
  2: ['Fri 18 Dec 2026 09:00', 'Tue 22 Dec 2026 09:00'],
  3: ['Mon 21 Dec 2026 09:00', 'Wed 23 Dec 2026 09:00'],
  4: ['Tue 22 Dec 2026 09:00', 'Thu 24 Dec 2026 09:00'],
  5: ['Wed 23 Dec 2026 09:00', 'Tue 29 Dec 2026 09:00'],
  7: ['Tue 29 Dec 2026 09:00', 'Thu 31 Dec 2026 09:00'],
  17: ['Wed 13 Jan 2027 09:00', 'Fri 15 Jan 2027 09:00'],
  22: ['Wed 20 Jan 2027 09:00', 'Fri 22 Jan 2027 09:00'],
  25: ['Mon 25 Jan 2027 09:00', 'Wed 27 Jan 2027 09:00'],
} as const;
const month = ['Thu 14 Jan 2027 09:00', 'Mon 18 Jan 2027 09:00'] as const;
const both = (id: string, [soon, over]: readonly [string, string]) => [`due-soon ${id} ${soon}`, `overdue ${id} ${over}`];
const H24 = 'Fri 18 Dec 2026 14:00';
const H48 = 'Mon 21 Dec 2026 14:00';

const rows: [string, string, string[]][] = [
  ['swindon', '1', [...both('stage-1-deadline', wd[2]), ...both('overall-day-17', wd[17])]],
  ['swindon', '2', [...both('stage-2-deadline', wd[5]), ...both('overall-day-17', wd[17])]],
  ['swindon', '3', [...both('stage-3-deadline', wd[5]), ...both('overall-day-17', wd[17])]],
  ['swindon', '4', [...both('stage-4-deadline', wd[5]), ...both('overall-day-17', wd[17])]],
  ['swindon', '5', both('stage-5-deadline', wd[5])],
  ['hull-east-riding', '1', [`overdue stage-1-deadline ${H24}`, ...both('overall-process', wd[22])]],
  ['hull-east-riding', '2', [`overdue stage-2-deadline ${H24}`, ...both('overall-process', wd[22])]],
  [
    'hull-east-riding',
    '3',
    [`due-soon stage-3-deadline ${H24}`, `overdue stage-3-deadline ${wd[5][1]}`, ...both('overall-process', wd[22])],
  ],
  ['hull-east-riding', '4', [`due-soon stage-4-deadline ${H24}`, `overdue stage-4-deadline ${H48}`, ...both('overall-process', wd[22])]],
  ['hull-east-riding', '5', [`due-soon stage-5-deadline ${H24}`, `overdue stage-5-deadline ${H48}`, ...both('overall-process', wd[22])]],
  ['hull-east-riding', '6', [`due-soon stage-6-deadline ${H24}`, `overdue stage-6-deadline ${H48}`, ...both('overall-process', wd[22])]],
  [
    'hull-east-riding',
    '7',
    ['due-soon stage-7-deadline Tue 22 Dec 2026 17:00', `overdue stage-7-deadline ${wd[5][1]}`, ...both('overall-process', wd[22])],
  ],
  ['wiltshire', '0', both('overall-before-referral', wd[5])],
  ['wiltshire', '1', both('overall-before-referral', wd[5])],
  ['wiltshire', '2', both('overall-before-referral', wd[5])],
  ['wiltshire', '3', both('stage-3-deadline', wd[3])],
  ['telford-wrekin', '1', [...both('stage-1-deadline', wd[7]), ...both('overall-process', wd[25])]],
  ['telford-wrekin', '2', [...both('stage-2-deadline', wd[4]), ...both('overall-process', wd[25])]],
  ['telford-wrekin', '3', [`due-soon stage-3-deadline ${H24}`, `overdue stage-3-deadline ${wd[3][1]}`, ...both('overall-process', wd[25])]],
  ['telford-wrekin', '4', [...both('stage-4-deadline', wd[4]), ...both('overall-process', wd[25])]],
  ['telford-wrekin', '5', [...both('stage-5-deadline', wd[7]), ...both('overall-process', wd[25])]],
  ['sunderland', '1', [...both('stage-1-deadline', wd[5]), ...both('overall-one-month', month)]],
  ['sunderland', '2', [...both('stage-2-deadline', wd[5]), ...both('overall-one-month', month)]],
  ['sunderland', '3', [...both('stage-3-deadline', wd[5]), ...both('overall-one-month', month)]],
  ['sunderland', '4', [...both('stage-4-deadline', wd[5]), ...both('overall-one-month', month)]],
];

describe('planning reminders', () => {
  it.each(rows)('%s stage %s, started over Christmas 2026', (policyId, stage, expected) => {
    expect(plan(caseAt(policyId, stage, START), START)).toEqual(expected);
  });

  it('counts across the October 2026 clock change and plans nothing in the past', () => {
    const c = caseAt('hull-east-riding', '4', '2026-10-23T15:00');
    expect(plan(c, '2026-10-23T15:00')).toEqual([
      'due-soon stage-4-deadline Mon 26 Oct 2026 15:00',
      'overdue stage-4-deadline Tue 27 Oct 2026 15:00',
      'due-soon overall-process Mon 23 Nov 2026 09:00',
      'overdue overall-process Wed 25 Nov 2026 09:00',
    ]);
    expect(plan(c, '2026-10-26T16:00')).toEqual([
      'overdue stage-4-deadline Tue 27 Oct 2026 15:00',
      'due-soon overall-process Mon 23 Nov 2026 09:00',
      'overdue overall-process Wed 25 Nov 2026 09:00',
    ]);
  });

  it('plans nothing for a resolved case', () => {
    expect(plan(caseAt('swindon', '3', START, START, 'resolved'), START)).toEqual([]);
  });

  it('gives a stage entered again new reminders, and keeps ids stable otherwise', () => {
    const first = allReminders(caseAt('swindon', '3', START), builtInPolicy('swindon'), { closureDays: [] });
    const same = allReminders(caseAt('swindon', '3', START), builtInPolicy('swindon'), { closureDays: [] });
    const again = allReminders(caseAt('swindon', '3', '2027-01-05T10:00', START), builtInPolicy('swindon'), { closureDays: [] });
    expect(same.map((r) => r.id)).toEqual(first.map((r) => r.id));
    expect(again[0]?.id).not.toBe(first[0]?.id);
    expect(again.at(-1)?.id).toBe(first.at(-1)?.id); // the overall deadline still counts from the opening
  });
});
