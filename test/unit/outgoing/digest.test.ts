import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Review } from '../../../lib/cases/review.js';
import { digestTimeAfter, digestTimeAtOrBefore } from '../../../lib/digest.js';
import { weeklyDigest } from '../../../lib/outgoing/digest.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { aCase } from '../../support/case.js';

const MAILBOX = 'safeguardingpartnership@swindon-ssp.example';
const mailbox = {
  address: MAILBOX,
  policy: builtInPolicy('swindon'),
  partnershipAddresses: [MAILBOX],
  monitoringAddress: 'monitoring@swindon-ssp.example',
};
const review = (receivedAt: string, caseRef: string | null): Review => ({
  token: 'a'.repeat(24),
  messageId: `<${receivedAt}@x>`,
  mailbox: MAILBOX,
  policyId: 'swindon',
  caseRef,
  reason: 'Jane Smith wrote something ambiguous',
  receivedAt,
  suggestedStage: '1',
  from: 'jane.smith@swindon-council.example',
  people: ['jane.smith@swindon-council.example'],
  contacts: [],
  threadKeys: [],
  status: 'pending',
});

/*
 * Worked by hand, Swindon (stage 2 and 3: 5 working days; "Day 17" overall through stage 4),
 * on Monday 30 November 2026, 08:00 GMT:
 * A SSP-2026-0001 opened Mon 16 Nov at stage 2: due Mon 23 Nov (day 5: 17, 18, 19, 20, 23), passed: OVERDUE.
 *   Day 17 (17 Nov … 9 Dec) not yet. Last activity: a note on Wed 18 Nov.
 * B SSP-2026-0002 opened Thu 26 Nov at stage 3: due Thu 3 Dec (27, 30, 1, 2, 3), not passed.
 * C SSP-2026-0003 resolved: not listed. Two reviews, oldest first; two corrections of the week
 *   before (Mon 23 Nov 08:00 to Mon 30 Nov 08:00), oldest first. No name, address or reason.
 */
describe('weeklyDigest, against a hand-computed fixture', () => {
  const mail = weeklyDigest({
    mailbox,
    now: DateTime.fromISO('2026-11-30T08:00:00Z'),
    cases: [
      aCase({
        ref: 'SSP-2026-0002',
        stage: '3',
        openedAt: '2026-11-26T14:00:00.000Z',
        stageStartedAt: '2026-11-26T14:00:00.000Z',
        history: [{ at: '2026-11-26T14:00:00.000Z', event: 'opened', stage: '3', messageId: '<b@x>', from: 'raj@gwh.example' }],
      }),
      aCase({
        ref: 'SSP-2026-0001',
        stage: '2',
        openedAt: '2026-11-16T10:00:00.000Z',
        stageStartedAt: '2026-11-16T10:00:00.000Z',
        history: [
          { at: '2026-11-16T10:00:00.000Z', event: 'opened', stage: '2', messageId: '<a@x>' },
          { at: '2026-11-18T09:00:00.000Z', event: 'noted', stage: '2', messageId: '<a2@x>' },
        ],
      }),
      aCase({ ref: 'SSP-2026-0003', status: 'resolved', resolvedAt: '2026-11-20T10:00:00.000Z' }),
    ],
    reviews: [review('2026-11-27T11:00:00.000Z', null), review('2026-11-25T09:00:00.000Z', 'SSP-2026-0001')],
    corrections: [
      {
        caseRef: 'SSP-2026-0002',
        mailbox: MAILBOX,
        at: '2026-11-27T12:00:00.000Z',
        messageId: '<c2@x>',
        event: 'corrected',
        commands: '#stage 3',
        stage: '3',
      },
      {
        caseRef: 'SSP-2026-0004',
        mailbox: MAILBOX,
        at: '2026-11-24T10:00:00.000Z',
        messageId: '<c1@x>',
        event: 'withdrawn',
        commands: '#not-a-case',
        stage: '2',
      },
    ],
    closureDays: [],
  });

  it('lists the open cases, the reviews waiting and last week’s corrections, in those words', () => {
    expect(mail.text).toBe(
      [
        `The weekly picture of ${MAILBOX} (Swindon Safeguarding Partnership, Resolution Policy) on Mon 30 Nov 2026.`,
        '',
        'Open cases: 2, 1 overdue.',
        '- SSP-2026-0001: Stage 2 Inter-agency Discussion; opened Mon 16 Nov 2026; due Mon 23 Nov 2026 (OVERDUE); last activity Wed 18 Nov 2026.',
        '- SSP-2026-0002: Stage 3 Team/Service Manager; opened Thu 26 Nov 2026; due Thu 3 Dec 2026; last activity Thu 26 Nov 2026.',
        '',
        'Reviews waiting: 2.',
        '- received Wed 25 Nov 2026, on case SSP-2026-0001.',
        '- received Fri 27 Nov 2026, no case.',
        '',
        'Corrections last week: 2.',
        '- Tue 24 Nov 2026: SSP-2026-0004 #not-a-case, now at stage 2.',
        '- Fri 27 Nov 2026: SSP-2026-0002 #stage 3, now at stage 3.',
        '',
        'This is an automatic message to the partnership only. It holds no personal details: references, stages and dates only.',
      ].join('\n'),
    );
  });

  it('goes to the monitoring address as kind digest, and names nobody', () => {
    expect(mail).toMatchObject({
      kind: 'digest',
      caseRef: null,
      to: ['monitoring@swindon-ssp.example'],
      replyTo: MAILBOX,
      subject: 'Escalations this week: 2 open, 1 overdue, 2 to review (Mon 30 Nov 2026)',
    });
    for (const personal of ['jane', 'raj', 'ambiguous', '@x'])
      expect(`${mail.subject}\n${mail.text}`.toLowerCase()).not.toContain(personal);
  });
});

describe('the digest’s time: Monday 08:00 in London', () => {
  it.each([
    ['2026-11-30T08:00:00Z', '2026-11-30T08:00:00.000+00:00'],
    ['2026-11-30T07:59:00Z', '2026-11-23T08:00:00.000+00:00'],
    ['2026-12-06T23:00:00Z', '2026-11-30T08:00:00.000+00:00'],
    // Summer time: 08:00 BST is 07:00 UTC.
    ['2026-06-01T07:30:00Z', '2026-06-01T08:00:00.000+01:00'],
  ])('the latest at or before %s is %s', (now, expected) => {
    expect(digestTimeAtOrBefore(DateTime.fromISO(now), 'Europe/London').toISO()).toBe(expected);
  });
  it('the next after a digest time is a week on, across the clock change', () => {
    expect(digestTimeAfter(DateTime.fromISO('2026-10-19T07:00:00Z'), 'Europe/London').toISO()).toBe('2026-10-26T08:00:00.000+00:00');
  });
});
