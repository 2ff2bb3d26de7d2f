import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReplayDocument } from '../../lib/local/replay.js';
import type { MonitoringReport } from '../../lib/report/figures.js';
import { fieldValue, readDocx, type ReadDocx } from '../support/docx.js';
import { run } from '../unit/cli/run.js';
import { thread, type Step } from './replay-records.fixture.js';

const A = 'Ann Practitioner <a.practitioner@council.example>';
const B = 'Ben Nurse <b.practitioner@nhs.example>';
const C = 'Cat Manager <c.manager@council.example>';
const D = 'Dan Manager <d.manager@nhs.example>';
const step = (date: string, from: string, to: string, text: string): Step => ({ date, from, to, text });

/** Replays a thread with --forms and --report; returns the stdout document, the forms by file name and the folder. */
async function replayWithRecords(policy: string, mailbox: string, steps: Step[], reportName = 'report.json') {
  const folder = mkdtempSync(join(tmpdir(), `records-${policy}-`));
  thread(mailbox, 'Professional disagreement', steps).forEach((message, i) => {
    writeFileSync(join(folder, `${i}.eml`), message);
  });
  const forms = join(folder, 'forms');
  const report = join(folder, reportName);
  const { code, stdout, stderr } = await run(
    'replay',
    '--policy',
    policy,
    '--mailbox',
    mailbox,
    '--until',
    '2026-12-31T12:00:00Z',
    '--forms',
    forms,
    '--report',
    report,
    folder,
  );
  expect([code, stderr]).toEqual([0, '']);
  const read = new Map<string, ReadDocx>();
  for (const name of readdirSync(forms).sort()) read.set(name, await readDocx(readFileSync(join(forms, name))));
  return { document: JSON.parse(stdout) as ReplayDocument, forms: read, report };
}

const how = (mailbox: string) => `Email, copied to the partnership (${mailbox})`;
const blank = ['', '', '', ''];

describe('replay --forms: each policy’s form, pre-filled from a replayed thread', () => {
  it('Swindon Appendix 1 at Stage 5: the referrer and the "what you have done so far" table, the child’s details blank', async () => {
    const mailbox = 'partnership@swindon.example';
    const { document, forms } = await replayWithRecords('swindon', mailbox, [
      step('Mon, 2 Nov 2026 10:00:00 +0000', A, B, 'I am raising this at Stage 1 of the resolution policy.'),
      step('Wed, 4 Nov 2026 11:00:00 +0000', B, A, 'We still disagree, so I am escalating this to Stage 3.'),
      step('Thu, 12 Nov 2026 10:00:00 +0000', C, D, 'We have not agreed, so I am escalating to Stage 5 and attaching the Appendix 1 form.'),
      step('Mon, 16 Nov 2026 14:00:00 +0000', D, C, 'Thank you, I can confirm this is now resolved.'),
    ]);
    expect([...forms.keys()]).toEqual(['SSP-2026-0001-appendix-1-closure.docx', 'SSP-2026-0001-appendix-1.docx']);
    expect(document.outbox.filter((o) => o.kind === 'form' || o.kind === 'closure').map((o) => [o.at, o.kind, o.to])).toEqual([
      ['2026-11-12T10:00:00Z', 'form', [mailbox]],
      ['2026-11-16T14:00:00Z', 'closure', [mailbox]],
    ]);
    const form = forms.get('SSP-2026-0001-appendix-1.docx');
    if (!form) throw new Error('no stage form');
    expect(form.paragraphs[0]).toBe('Resolution Form (for use at Stage 5 of the process)');
    expect(form.paragraphs).toContain(
      'Appendix 1 – Resolution Form, pre-filled by the escalation mailbox from the mail trail of case SSP-2026-0001 (Swindon Safeguarding Partnership, Resolution Policy). Opened Mon 2 Nov 2026. Open at Stage 5 Swindon Safeguarding Partnership on Thu 12 Nov 2026.',
    );
    expect(fieldValue(form, 'Name and D.O.B of the Adult(s)/ Child(ren)/ Family')).toBe('');
    expect(fieldValue(form, 'Address')).toBe('');
    expect(fieldValue(form, 'What are you worried about?')).toBe('');
    expect(fieldValue(form, 'Name of the agency seeking a solution')).toBe('council.example');
    expect(fieldValue(form, 'Name, role and contact details of agency representative seeking a solution')).toBe(
      'c.manager@council.example',
    );
    // Stage 1 is due 17:00 on the 2nd working day (Wed 4 Nov); Stage 3 on the 5th working day after Wed 4 Nov (Wed 11 Nov).
    expect(form.tables[1]).toEqual([
      [
        'Stage',
        'Date Contact Made',
        'Who did you contact (Name & Title)',
        'How did you contact them',
        'Outcome/Reason for moving to next stage',
      ],
      [
        '1',
        'Mon 2 Nov 2026',
        'b.practitioner@nhs.example (nhs.example)',
        how(mailbox),
        'Escalated to Stage 3 Team/Service Manager on Wed 4 Nov 2026, within the timescale',
      ],
      ['2', ...blank],
      [
        '3',
        'Wed 4 Nov 2026',
        'a.practitioner@council.example (council.example)',
        how(mailbox),
        'Escalated to Stage 5 Swindon Safeguarding Partnership on Thu 12 Nov 2026, after the timescale (due Wed 11 Nov 2026)',
      ],
      ['4', ...blank],
    ]);
    const closure = forms.get('SSP-2026-0001-appendix-1-closure.docx');
    expect(closure?.paragraphs[2]).toMatch(/Resolved at Stage 5 Swindon Safeguarding Partnership on Mon 16 Nov 2026\.$/);
  });

  it('Hull and East Riding Appendix B at Stage 6: the referral, the agencies, dates and outcomes of the stages before it', async () => {
    const mailbox = 'hscp@hull.example';
    const { forms } = await replayWithRecords('hull-east-riding', mailbox, [
      step('Mon, 2 Nov 2026 10:00:00 +0000', A, B, 'I am raising this at Stage 1 of the resolution policy.'),
      step('Tue, 3 Nov 2026 09:00:00 +0000', B, A, 'We still disagree, so I am escalating this to Stage 2.'),
      step('Thu, 5 Nov 2026 09:00:00 +0000', C, D, 'We have not agreed, so I am escalating to Stage 6 and attaching the Appendix B form.'),
      step('Mon, 9 Nov 2026 10:00:00 +0000', D, C, 'Thank you, I can confirm this is now resolved.'),
    ]);
    expect([...forms.keys()]).toEqual(['HERSP-2026-0001-appendix-b-closure.docx', 'HERSP-2026-0001-appendix-b.docx']);
    const form = forms.get('HERSP-2026-0001-appendix-b.docx');
    if (!form) throw new Error('no stage form');
    expect(fieldValue(form, 'Date of Referral')).toBe('Thu 5 Nov 2026');
    expect(fieldValue(form, 'Name of Referrer')).toBe('c.manager@council.example');
    expect(fieldValue(form, 'Job Title')).toBe('');
    expect(fieldValue(form, 'Agency')).toBe('council.example');
    expect(fieldValue(form, 'Agencies involved – in the dispute or in the case generally')).toBe('council.example; nhs.example');
    for (const label of ['Parents', 'Children', 'Family Address', 'Issues of Concern/Nature of Disagreement', 'Desired Outcome'])
      expect(fieldValue(form, label)).toBe('');
    // 24 working hours each: Stage 1 due Tue 3 Nov 10:00 (left 09:00), Stage 2 due Wed 4 Nov 09:00 (left Thu).
    expect(form.tables[3]).toEqual([
      ['Stage', 'Date', 'Who was involved', 'Outcome'],
      [
        'Stage 1 Practitioner to practitioner',
        'Mon 2 Nov 2026',
        'Raised by a.practitioner@council.example (council.example) with b.practitioner@nhs.example (nhs.example) on Mon 2 Nov 2026 by email; 1 message copied to the partnership',
        'Escalated to Stage 2 Line manager to line manager on Tue 3 Nov 2026, within the timescale',
      ],
      [
        'Stage 2 Line manager to line manager',
        'Tue 3 Nov 2026',
        'Raised by b.practitioner@nhs.example (nhs.example) with a.practitioner@council.example (council.example) on Tue 3 Nov 2026 by email; 1 message copied to the partnership',
        'Escalated to Stage 6 Local safeguarding partnership on Thu 5 Nov 2026, after the timescale (due Wed 4 Nov 2026)',
      ],
    ]);
  });

  it('Wiltshire’s Notification of an Escalation at resolution: one row per stage, the issue left blank', async () => {
    const mailbox = 'lscb@wiltshire.example';
    const { document, forms } = await replayWithRecords('wiltshire', mailbox, [
      step('Mon, 2 Nov 2026 10:00:00 +0000', A, B, 'I am raising this at Stage 0 of the escalation policy.'),
      step('Tue, 3 Nov 2026 10:00:00 +0000', B, A, 'We still disagree, so I am escalating this to Stage 2.'),
      step('Mon, 9 Nov 2026 10:00:00 +0000', C, D, 'We have not agreed, so I am escalating to Stage 3.'),
      step('Wed, 11 Nov 2026 15:00:00 +0000', D, C, 'Thank you, I can confirm this is now resolved.'),
    ]);
    // Used at resolution only: no form at a stage, one with the closure summary.
    expect([...forms.keys()]).toEqual(['WSCB-2026-0001-notification-of-an-escalation-closure.docx']);
    expect(document.outbox.filter((o) => o.kind === 'form' || o.kind === 'review')).toEqual([]);
    const form = forms.get('WSCB-2026-0001-notification-of-an-escalation-closure.docx');
    // Stages 0–2 share 5 working days from opening (due Mon 9 Nov); Stage 3 has 3 (due Thu 12 Nov).
    expect(form?.tables[0]?.map((row) => [row[0], row[1], row[2], row[3], row[5], row[6]])).toEqual([
      [
        'Date',
        'Escalation Stage',
        'Name and agency of professionals involved',
        'Issue/Concern',
        'Outcome',
        'Date referred to WSCB (if necessary)',
      ],
      [
        'Mon 2 Nov 2026',
        'Stage 0 Pre-escalation (Professional : Professional)',
        'a.practitioner@council.example (council.example); b.practitioner@nhs.example (nhs.example)',
        '',
        'Escalated to Stage 2 Senior Manager : Senior Manager on Tue 3 Nov 2026, within the timescale',
        'Mon 9 Nov 2026',
      ],
      [
        'Tue 3 Nov 2026',
        'Stage 2 Senior Manager : Senior Manager',
        'b.practitioner@nhs.example (nhs.example); a.practitioner@council.example (council.example)',
        '',
        'Escalated to Stage 3 Refer via the WSCB on Mon 9 Nov 2026, within the timescale',
        'Mon 9 Nov 2026',
      ],
      [
        'Mon 9 Nov 2026',
        'Stage 3 Refer via the WSCB',
        'c.manager@council.example (council.example); d.manager@nhs.example (nhs.example)',
        '',
        'Resolved on Wed 11 Nov 2026, within the timescale',
        'Mon 9 Nov 2026',
      ],
    ]);
  });

  it('Telford & Wrekin Appendix 3 from Stage 3: the referral date, agency, actions at each stage and the resolution', async () => {
    const mailbox = 'twsp@telford.example';
    const { forms } = await replayWithRecords('telford-wrekin', mailbox, [
      step('Mon, 2 Nov 2026 10:00:00 +0000', A, B, 'I am raising this at Stage 1 of the resolution policy.'),
      step('Mon, 9 Nov 2026 10:00:00 +0000', B, A, 'We still disagree, so I am escalating this to Stage 2.'),
      step('Mon, 16 Nov 2026 10:00:00 +0000', C, D, 'We have not agreed, so I am escalating to Stage 3 with the Appendix 3 referral form.'),
      step('Wed, 18 Nov 2026 15:00:00 +0000', D, C, 'Thank you, I can confirm this is now resolved.'),
    ]);
    expect([...forms.keys()]).toEqual(['TWSP-2026-0001-appendix-3-closure.docx', 'TWSP-2026-0001-appendix-3.docx']);
    const atStage = forms.get('TWSP-2026-0001-appendix-3.docx');
    const closure = forms.get('TWSP-2026-0001-appendix-3-closure.docx');
    if (!atStage || !closure) throw new Error('a form is missing');
    for (const form of [atStage, closure]) {
      expect(fieldValue(form, 'Date')).toBe('Mon 16 Nov 2026');
      expect(fieldValue(form, 'Agency/Team')).toBe('council.example');
      for (const label of ['Name of Individual', 'Date of Birth', 'NHS Number', 'Named GP and Surgery', 'Requested Action'])
        expect(fieldValue(form, label)).toBe('');
    }
    expect(fieldValue(atStage, 'Resolution of Issues')).toBe('');
    // The stage's 3 working-day deadline counts, not its 24-hour target: due Thu 19 Nov.
    expect(fieldValue(closure, 'Resolution of Issues')).toBe('Resolved on Wed 18 Nov 2026, within the timescale');
    expect(closure.tables[1]?.map((row) => [row[0], row[1], row[3]])).toEqual([
      ['Stage', 'Date', 'Outcome'],
      ['Stage 1 Practitioners', 'Mon 2 Nov 2026', 'Escalated to Stage 2 Line/Team Managers on Mon 9 Nov 2026, within the timescale'],
      [
        'Stage 2 Line/Team Managers',
        'Mon 9 Nov 2026',
        'Escalated to Stage 3 Senior Managers/Designated Safeguarding Leads on Mon 16 Nov 2026, after the timescale (due Fri 13 Nov 2026)',
      ],
      ['Stage 3 Senior Managers/Designated Safeguarding Leads', 'Mon 16 Nov 2026', 'Resolved on Wed 18 Nov 2026, within the timescale'],
    ]);
    expect(closure.tables[1]?.[3]?.[2]).toBe(
      'Raised by c.manager@council.example (council.example) with d.manager@nhs.example (nhs.example) on Mon 16 Nov 2026 by email; 2 messages copied to the partnership',
    );
  });

  it('Sunderland Appendix 1 at Step 4: the referrer, and each step’s actions and outcome, a step not taken left blank', async () => {
    const mailbox = 'sscp@sunderland.example';
    const { forms } = await replayWithRecords('sunderland', mailbox, [
      step('Mon, 2 Nov 2026 10:00:00 +0000', A, B, 'I am raising this at Step 1 of the escalation protocol.'),
      step('Wed, 4 Nov 2026 10:00:00 +0000', B, A, 'We still disagree, so I am escalating this to Step 2.'),
      step('Fri, 6 Nov 2026 10:00:00 +0000', C, D, 'We have not agreed, so I am escalating to Step 4 with the Appendix 1 proforma.'),
      step('Tue, 10 Nov 2026 15:00:00 +0000', D, C, 'Thank you, I can confirm this is now resolved.'),
    ]);
    expect([...forms.keys()]).toEqual(['SSCP-2026-0001-appendix-1-closure.docx', 'SSCP-2026-0001-appendix-1.docx']);
    const form = forms.get('SSCP-2026-0001-appendix-1.docx');
    if (!form) throw new Error('no stage form');
    expect(form.paragraphs[0]).toBe('DISPUTE RESOLUTION – REFERRAL TO SSCP');
    expect(fieldValue(form, 'Name and designation of Referrer')).toBe('c.manager@council.example');
    expect(fieldValue(form, 'Date information passed to SSCB Strategic Business Manager')).toBe('Fri 6 Nov 2026');
    expect(fieldValue(form, 'Reason for implementing the SSCP Escalation and Challenge Protocol (to be completed by the referrer)')).toBe(
      '',
    );
    // One table per step, in the order of the step headings.
    expect(form.paragraphs.filter((p) => p.startsWith('Step '))).toEqual([
      'Step 1 - Resolution by professional/practitioner',
      'Step 2 – Resolution by Line Manager',
      'Step 3 – Resolution by Senior Manager (or equivalent)',
    ]);
    expect(form.tables.slice(1, 4).map((table) => table.map((row) => row[1]))).toEqual([
      [
        'Raised by a.practitioner@council.example (council.example) with b.practitioner@nhs.example (nhs.example) on Mon 2 Nov 2026 by email; 1 message copied to the partnership',
        'Escalated to Step 2 Line managers on Wed 4 Nov 2026, within the timescale',
        '',
      ],
      [
        'Raised by b.practitioner@nhs.example (nhs.example) with a.practitioner@council.example (council.example) on Wed 4 Nov 2026 by email; 1 message copied to the partnership',
        'Escalated to Step 4 Referral to the SSCP on Fri 6 Nov 2026, within the timescale',
        '',
      ],
      ['', '', ''],
    ]);
  });
});

describe('replay --report', () => {
  const steps = [
    step('Mon, 2 Nov 2026 10:00:00 +0000', A, B, 'I am raising this at Stage 1 of the resolution policy.'),
    step('Wed, 4 Nov 2026 11:00:00 +0000', B, A, 'We still disagree, so I am escalating this to Stage 3.'),
  ];

  it('writes the replayed cases’ figures as JSON, from the day the first opened to the end of the run', async () => {
    const { report } = await replayWithRecords('swindon', 'partnership@swindon.example', steps);
    const figures = JSON.parse(readFileSync(report, 'utf8')) as MonitoringReport;
    expect(figures.period).toEqual({ from: '2026-11-02', to: '2026-12-31' });
    expect(figures.policies.map((p) => [p.policy.id, p.opened, p.stillOpen, p.byAgency])).toEqual([
      ['swindon', 1, 1, [{ agency: 'council.example', opened: 1 }]],
    ]);
    // Stage 3 (due Wed 11 Nov) and the 17-working-day Day 17 review (Wed 25 Nov) have both passed by 31 Dec.
    expect(figures.policies[0]?.overdueNow.map((o) => [o.caseRef, o.due])).toEqual([
      ['SSP-2026-0001', '2026-11-11T17:00:00+00:00'],
      ['SSP-2026-0001', '2026-11-25T17:00:00+00:00'],
    ]);
  });

  it.each([
    ['report.csv', (text: string) => text.startsWith('\uFEFF') && text.includes('\r\n')],
    ['report.html', (text: string) => text.startsWith('<!doctype html>') && text.includes('<svg')],
  ])('writes %s in the format its extension names', async (name, looksRight) => {
    const { report } = await replayWithRecords('swindon', 'partnership@swindon.example', steps, name);
    expect(looksRight(readFileSync(report, 'utf8'))).toBe(true);
  });

  it('refuses a report file whose extension names no format, before replaying anything', async () => {
    const { code, stdout, stderr } = await run(
      'replay',
      '--policy',
      'swindon',
      '--mailbox',
      'p@x.example',
      '--report',
      'out.pdf',
      tmpdir(),
    );
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe('escalations: replay: --report: the file name must end in .html, .csv, .json: its extension names the format\n');
  });
});
