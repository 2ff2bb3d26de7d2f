import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayReviewToken, type ReplayDocument } from '../../lib/local/replay.js';
import { eml } from '../support/eml.js';
import { run } from '../unit/cli/run.js';

const MAILBOX = 'safeguardingpartnership@swindon-ssp.example';
const SSP = `Safeguarding Partnership <${MAILBOX}>`;
const JANE = 'Jane Smith <jane.smith@swindon-council.example>';
const RAJ = 'Raj Patel <raj.patel@gwh-nhs.example>';
const ESCALATION = 'Raj,\n\nI am raising this with you as a Stage 2 inter-agency discussion under the resolution policy.\n\nJane';

/** The corrections in one replayed week: each message at its Date header. */
function scenario(): { folder: string; ids: Record<string, string> } {
  const folder = mkdtempSync(join(tmpdir(), 'replay-corrections-'));
  const ids: Record<string, string> = {};
  const write = (name: string, input: Parameters<typeof eml>[0]) => {
    ids[name] = input.id ?? '';
    writeFileSync(join(folder, `${name}.eml`), eml(input));
  };
  // A thread the reader took to be at stage 2; people had in fact reached stage 3.
  write('01-misread', {
    from: JANE,
    to: RAJ,
    cc: SSP,
    subject: 'Discharge plan',
    text: ESCALATION,
    id: '<misread@swindon-council.example>',
    date: 'Mon, 2 Nov 2026 10:00:00 +0000',
  });
  // A disagreement raised with the wrong partnership (the family lives in another area): a case the reader rightly opens and the partnership withdraws.
  write('02-wrong-partnership', {
    from: 'Sam Okoro <sam.okoro@wilts-council.example>',
    to: SSP,
    subject: 'Professional disagreement - step-down decision',
    text: 'Colleagues,\n\nI am raising this with you as a Stage 2 inter-agency discussion under the resolution policy.\n\nSam',
    id: '<wrong-area@wilts-council.example>',
    date: 'Mon, 2 Nov 2026 10:30:00 +0000',
  });
  // Names a case nobody knows: it goes to review.
  write('03-review', {
    from: JANE,
    to: SSP,
    subject: '[SSP-2026-0999] Discharge plan',
    text: 'We are escalating to Stage 2.',
    id: '<review-me@swindon-council.example>',
    date: 'Mon, 2 Nov 2026 11:00:00 +0000',
  });
  write('04-stage', {
    from: SSP,
    to: SSP,
    subject: 'Re: [SSP-2026-0001] Professional disagreement recorded',
    text: '#stage 3',
    id: '<c1@swindon-ssp.example>',
    date: 'Tue, 3 Nov 2026 09:00:00 +0000',
  });
  write('05-not-a-case', {
    from: SSP,
    to: SSP,
    subject: 'Re: [SSP-2026-0002] Professional disagreement recorded',
    text: '#not-a-case',
    id: '<c2@swindon-ssp.example>',
    date: 'Tue, 3 Nov 2026 09:05:00 +0000',
  });
  const token = replayReviewToken('<review-me@swindon-council.example>');
  write('06-open', {
    from: SSP,
    to: SSP,
    subject: `Re: Review needed [review ${token}]: a message the escalation mailbox did not act on`,
    text: '#open stage 2',
    id: '<c3@swindon-ssp.example>',
    date: 'Tue, 3 Nov 2026 09:10:00 +0000',
  });
  write('07-forged', {
    from: SSP,
    to: SSP,
    subject: 'Re: [SSP-2026-0001] Professional disagreement recorded',
    text: '#resolved',
    id: '<forged@elsewhere.example>',
    date: 'Tue, 3 Nov 2026 09:15:00 +0000',
    headers: {
      'Authentication-Results':
        'amazonses.com; spf=fail smtp.mailfrom=elsewhere.example; dkim=fail; dmarc=fail header.from=swindon-ssp.example',
    },
  });
  write('08-unknown', {
    from: SSP,
    to: SSP,
    subject: 'Re: [SSP-2026-0001] x',
    text: '#close',
    id: '<c4@swindon-ssp.example>',
    date: 'Tue, 3 Nov 2026 09:20:00 +0000',
  });
  return { folder, ids };
}

describe('replay: the partnership corrects what the mailbox read', () => {
  it('a #stage correction, a case raised with the wrong partnership withdrawn, a review opened with #open stage 2, a forged command and an unknown one', async () => {
    const { folder } = scenario();
    const { code, stdout, stderr } = await run(
      'replay',
      '--policy',
      'swindon',
      '--mailbox',
      MAILBOX,
      '--until',
      '2026-11-20T12:00:00Z',
      folder,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as ReplayDocument;
    const byRef = (ref: string) => doc.cases.find((c) => c.ref === ref);

    // The misread thread, corrected to stage 3, its deadline from the correction (Swindon stage 3: 5 working days).
    expect(byRef('SSP-2026-0001')).toMatchObject({ status: 'open', stage: '3', stageStartedAt: '2026-11-03T09:00:00Z' });
    expect(byRef('SSP-2026-0001')?.deadlines[0]).toMatchObject({ kind: 'deadline', stage: '3', due: '2026-11-10T17:00:00+00:00' });
    expect(byRef('SSP-2026-0001')?.history.at(-1)).toEqual({
      at: '2026-11-03T09:00:00Z',
      event: 'corrected',
      stage: '3',
      messageId: '<c1@swindon-ssp.example>',
      from: MAILBOX,
    });

    // The wrongly raised case, withdrawn: no deadlines, and no reminder for it after the withdrawal.
    expect(byRef('SSP-2026-0002')).toMatchObject({ status: 'withdrawn', deadlines: [] });
    expect(byRef('SSP-2026-0002')?.history.at(-1)).toMatchObject({ event: 'withdrawn', from: MAILBOX });
    expect(doc.outbox.filter((o) => o.caseRef === 'SSP-2026-0002' && o.at > '2026-11-03T09:05:00Z').map((o) => o.kind)).toEqual([]);

    // The message under review, opened as a case at stage 2 from the time it came.
    expect(byRef('SSP-2026-0003')).toMatchObject({
      status: 'open',
      stage: '2',
      openedAt: '2026-11-02T11:00:00Z',
      messages: ['<review-me@swindon-council.example>'],
    });
    expect(byRef('SSP-2026-0003')?.history.map((h) => h.event)).toEqual(['opened', 'corrected']);
    expect(doc.outbox.filter((o) => o.caseRef === 'SSP-2026-0003').map((o) => o.kind)).toContain('acknowledgement');

    // The forged command went to review; it changed nothing.
    expect(doc.review).toContainEqual(expect.objectContaining({ messageId: '<forged@elsewhere.example>', caseRef: null }));
    expect(byRef('SSP-2026-0001')?.history.some((h) => h.messageId === '<forged@elsewhere.example>')).toBe(false);

    // The weekly picture on Monday 9 November: SSP-2026-0001 (stage 3, due Tue 10 Nov) and SSP-2026-0003 (stage 2,
    // due Mon 9 Nov 17:00) open and not yet overdue, the withdrawn one left out; the forged command's review waiting.
    expect(doc.outbox.filter((o) => o.kind === 'digest').map((o) => [o.at, o.subject])).toEqual([
      ['2026-11-09T08:00:00Z', 'Escalations this week: 2 open, 0 overdue, 1 to review (Mon 9 Nov 2026)'],
      ['2026-11-16T08:00:00Z', 'Escalations this week: 2 open, 2 overdue, 1 to review (Mon 16 Nov 2026)'],
    ]);

    // Each applied command confirmed, the unknown one answered: kind `confirmation`, to the partnership.
    const replies = doc.outbox.filter((o) => o.kind === 'confirmation');
    expect(replies.map((o) => [o.at, o.caseRef, o.subject, o.to])).toEqual([
      ['2026-11-03T09:00:00Z', 'SSP-2026-0001', '[SSP-2026-0001] Correction applied: #stage 3', [MAILBOX]],
      ['2026-11-03T09:05:00Z', 'SSP-2026-0002', '[SSP-2026-0002] Correction applied: #not-a-case', [MAILBOX]],
      [
        '2026-11-03T09:10:00Z',
        'SSP-2026-0003',
        expect.stringMatching(/^\[SSP-2026-0003\] \[review [0-9a-f]{24}\] Correction applied: #open stage 2$/),
        [MAILBOX],
      ],
      ['2026-11-03T09:20:00Z', 'SSP-2026-0001', '[SSP-2026-0001] Correction not applied', [MAILBOX]],
    ]);
  });
});
