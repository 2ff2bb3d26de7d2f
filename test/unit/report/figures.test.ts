import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { monitoringFigures } from '../../../lib/report/figures.js';
import { fixtureInput, swindonA, swindonD } from './figures.fixture.js';

/*
 * Worked by hand, Swindon (Stage 1: 2 working days, Stages 2–5: 5, "Day 17" overall through
 * Stage 4; due 17:00 local on the last day). Working days count 24 hours per working day.
 *
 * A  Mon 5 Oct 10:00 S1 → Tue 6 Oct 10:00 S2 → resolved Fri 9 Oct 15:00.
 *    S1: due Wed 7 Oct, within; 14 h + 10 h = 1 day.  S2: due Tue 13 Oct, within; 14+24+24+15 h = 3.21 days.
 * B  Wed 21 Oct 09:00 S3 → Thu 29 Oct 09:00 S4, open.
 *    S3: due Wed 28 Oct, missed; 15 h + 5 days + 9 h = 6 days.  S4: due Thu 5 Nov, running past it.
 *    Day 17: Fri 13 Nov.  Overdue at Mon 30 Nov 12:00: S4 by 7 h + 16 days + 12 h = 16.79, Day 17 by 7 h + 10 days + 12 h = 10.79.
 * C  Mon 2 Nov 10:00 S1 → Wed 4 Nov 11:00 S3 → Thu 12 Nov 10:00 S5 → resolved Mon 16 Nov 14:00.
 *    S1: due Wed 4 Nov, within; 14+24+11 h = 2.04.  S3: due Wed 11 Nov, missed; 13 h + 5 days + 10 h = 5.96.
 *    S5: due Thu 19 Nov, within; 14+24+14 h = 2.17.
 * D  Wed 25 Nov 10:00 S2, open: due Wed 2 Dec, not yet due.
 * E  opened Thu 24 Sep, S3 from Mon 28 Sep 10:00, open: not in the period, overdue now.
 *    S3 due Mon 5 Oct: 7 h + 39 days + 12 h = 39.79.  Day 17 due Mon 19 Oct: 7 h + 29 days + 12 h = 29.79.
 * Sunderland F  Tue 10 Nov 10:00 Step 1, open: due Tue 17 Nov (5 working days); 7 h + 8 days + 12 h = 8.79.
 */
describe('monitoringFigures, against a hand-computed fixture across two months', () => {
  const report = monitoringFigures(fixtureInput);
  const [swindon, sunderland] = report.policies;
  if (!swindon || !sunderland) throw new Error('a policy is missing');

  it('names the period by its first and last days, and when it was made', () => {
    expect(report.period).toEqual({ from: '2026-10-01', to: '2026-11-30' });
    expect(report.generatedAt).toBe('2026-11-30T12:00:00+00:00');
    expect(report.policies.map((p) => p.policy.id)).toEqual(['swindon', 'sunderland']);
  });

  it('counts the cases opened, resolved and still open, and by the agency of who raised them', () => {
    expect([swindon.opened, swindon.resolved, swindon.stillOpen]).toEqual([4, 2, 2]);
    expect(swindon.byAgency).toEqual([
      { agency: 'Swindon Borough Council', opened: 2 },
      { agency: 'Great Western Hospitals', opened: 1 },
      { agency: 'police.example', opened: 1 }, // no name configured: the domain, so nothing is hidden
    ]);
  });

  it('gives each stage the cases that reached it, were resolved there, the time spent and the share within the timescale', () => {
    expect(swindon.stages.map((s) => [s.stage, s.highestReached, s.resolvedHere, s.stays, s.finishedStays])).toEqual([
      ['1', 0, 0, 2, 2],
      ['2', 2, 1, 2, 1],
      ['3', 0, 0, 2, 2],
      ['4', 1, 0, 1, 0],
      ['5', 1, 1, 1, 1],
    ]);
    expect(swindon.stages.map((s) => [s.stage, s.medianWorkingDays, s.meanWorkingDays])).toEqual([
      ['1', 1.52, 1.52],
      ['2', 3.21, 3.21],
      ['3', 5.98, 5.98],
      ['4', null, null],
      ['5', 2.17, 2.17],
    ]);
    expect(swindon.stages.map((s) => [s.stage, s.timedStays, s.withinTimescale, s.shareWithin])).toEqual([
      ['1', 2, 2, 1],
      ['2', 1, 1, 1], // D's stay is running and not yet due
      ['3', 2, 0, 0],
      ['4', 1, 0, 0], // B's stay is running past its deadline
      ['5', 1, 1, 1],
    ]);
    expect(swindon.timescales).toEqual({ timedStays: 7, withinTimescale: 4, shareWithin: 4 / 7 });
  });

  it('lists what is overdue now across every open case, whenever it opened', () => {
    expect(swindon.overdueNow.map((o) => [o.caseRef, o.stage, o.due, o.workingDaysOverdue])).toEqual([
      ['SSP-2026-0002', '4', '2026-11-05T17:00:00+00:00', 16.79],
      ['SSP-2026-0002', '4', '2026-11-13T17:00:00+00:00', 10.79],
      ['SSP-2026-0005', '3', '2026-10-05T17:00:00+01:00', 39.79],
      ['SSP-2026-0005', '3', '2026-10-19T17:00:00+01:00', 29.79],
    ]);
    expect(sunderland.overdueNow.map((o) => [o.caseRef, o.due, o.workingDaysOverdue])).toEqual([
      ['SSCP-2026-0001', '2026-11-17T17:00:00+00:00', 8.79],
    ]);
  });

  it('shows the trend by month: opened, resolved, and stages past their timescale when it fell due', () => {
    expect(swindon.byMonth).toEqual([
      { month: '2026-10', opened: 2, resolved: 1, stagesPastTimescale: 1 }, // B's Stage 3
      { month: '2026-11', opened: 2, resolved: 1, stagesPastTimescale: 2 }, // B's Stage 4, C's Stage 3
    ]);
    expect(sunderland.byMonth).toEqual([
      { month: '2026-10', opened: 0, resolved: 0, stagesPastTimescale: 0 },
      { month: '2026-11', opened: 1, resolved: 0, stagesPastTimescale: 1 },
    ]);
  });

  it('lists each case with its agency, local dates, highest stage and where it was resolved', () => {
    expect(swindon.cases).toEqual([
      {
        ref: 'SSP-2026-0001',
        agency: 'Swindon Borough Council',
        opened: '2026-10-05',
        status: 'resolved',
        highestStage: '2',
        resolvedAtStage: '2',
        resolvedOn: '2026-10-09',
        overdueNow: false,
      },
      {
        ref: 'SSP-2026-0002',
        agency: 'Great Western Hospitals',
        opened: '2026-10-21',
        status: 'open',
        highestStage: '4',
        resolvedAtStage: null,
        resolvedOn: null,
        overdueNow: true,
      },
      {
        ref: 'SSP-2026-0003',
        agency: 'police.example',
        opened: '2026-11-02',
        status: 'resolved',
        highestStage: '5',
        resolvedAtStage: '5',
        resolvedOn: '2026-11-16',
        overdueNow: false,
      },
      {
        ref: 'SSP-2026-0004',
        agency: 'Swindon Borough Council',
        opened: '2026-11-25',
        status: 'open',
        highestStage: '2',
        resolvedAtStage: null,
        resolvedOn: null,
        overdueNow: false,
      },
    ]);
  });

  it('gives a policy with no cases its section, with nothing to divide by', () => {
    const empty = monitoringFigures({ ...fixtureInput, cases: [], openCases: [], policies: [builtInPolicy('wiltshire')] });
    const [wiltshire] = empty.policies;
    expect([wiltshire?.opened, wiltshire?.timescales.shareWithin, wiltshire?.overdueNow]).toEqual([0, null, []]);
    expect(wiltshire?.stages.every((s) => s.medianWorkingDays === null && s.shareWithin === null)).toBe(true);
  });

  it('leaves a withdrawn case out of every figure: the same report as without it', () => {
    const withdrawn = { ...swindonD, ref: 'SSP-2026-0010', status: 'withdrawn' as const };
    const withIt = monitoringFigures({
      ...fixtureInput,
      cases: [...fixtureInput.cases, withdrawn],
      openCases: [...fixtureInput.openCases, withdrawn],
    });
    expect(withIt).toEqual(report);
  });

  it('places a case by its local date: 00:00 on 1 October in London is still September in UTC', () => {
    const atMidnight = { ...swindonA, ref: 'SSP-2026-0009', openedAt: '2026-09-30T23:00:00Z' };
    const report = monitoringFigures({
      ...fixtureInput,
      cases: [atMidnight],
      from: DateTime.fromISO('2026-10-01T00:00', { zone: 'Europe/London' }),
    });
    expect(report.policies[0]?.byMonth[0]).toMatchObject({ month: '2026-10', opened: 1 });
    expect(report.policies[0]?.cases[0]?.opened).toBe('2026-10-01');
  });
});
