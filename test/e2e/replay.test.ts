import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInPolicy } from '../../lib/policy/registry.js';
import type { ReplayDocument } from '../../lib/local/replay.js';
import { eml, messageIdOf } from '../support/eml.js';
import { run } from '../unit/cli/run.js';

const fixtures = new URL('../fixtures/mail/', import.meta.url).pathname;

async function replayJson(...argv: string[]): Promise<ReplayDocument> {
  const { code, stdout, stderr } = await run('replay', ...argv);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as ReplayDocument;
}

describe('replay', () => {
  it('replays a Swindon thread with the contract’s fields, reminders firing between messages and after the last', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'replay-swindon-'));
    for (const name of [
      'swindon-01-open-stage2-outlook',
      'swindon-02-escalate-stage3-outlook',
      'swindon-03-stage4-gmail',
      'swindon-04-stage5-appendix1-outlook',
    ]) {
      writeFileSync(join(folder, `${name}.eml`), readFixture(name));
    }
    const doc = await replayJson(
      '--policy',
      'swindon',
      '--mailbox',
      'safeguardingpartnership@swindon-ssp.example',
      '--until',
      '2026-12-10T12:00:00Z',
      folder,
    );
    expect(doc.cases).toHaveLength(1);
    expect(doc.cases[0]).toEqual({
      ref: 'SSP-2026-0001',
      policy: 'swindon',
      status: 'open',
      stage: '5',
      openedAt: '2026-11-02T10:15:00Z',
      stageStartedAt: '2026-11-18T11:20:00Z',
      deadlines: [
        {
          kind: 'deadline',
          stage: '5',
          label: 'A referral is made to the Safeguarding Partnership using the form at Appendix 1, within 5 working days',
          due: '2026-11-25T17:00:00+00:00',
        },
      ],
      messages: [
        '<AM0PR01MB1@swindon-council.example>',
        '<LO2P265MB2@gwh-nhs.example>',
        '<CAF=abc123@mail.gmail.example>',
        '<DB8PR09MB3@swindon-council.example>',
      ],
      history: [
        { at: '2026-11-02T10:15:00Z', event: 'opened', stage: '2', messageId: '<AM0PR01MB1@swindon-council.example>' },
        { at: '2026-11-06T15:40:00Z', event: 'advanced', stage: '3', messageId: '<LO2P265MB2@gwh-nhs.example>' },
        { at: '2026-11-12T09:05:00Z', event: 'advanced', stage: '4', messageId: '<CAF=abc123@mail.gmail.example>' },
        { at: '2026-11-18T11:20:00Z', event: 'advanced', stage: '5', messageId: '<DB8PR09MB3@swindon-council.example>' },
      ],
    });
    // The weekly picture every Monday 08:00 from the first message to --until, to the monitoring address.
    expect(doc.outbox.filter((o) => o.kind === 'digest').map((o) => [o.at, o.to])).toEqual(
      ['2026-11-09T08:00:00Z', '2026-11-16T08:00:00Z', '2026-11-23T08:00:00Z', '2026-11-30T08:00:00Z', '2026-12-07T08:00:00Z'].map((at) => [
        at,
        ['safeguardingpartnership@swindon-ssp.example'],
      ]),
    );
    expect(doc.outbox.filter((o) => o.kind !== 'digest').map((o) => [o.at, o.kind, o.stage])).toEqual([
      ['2026-11-02T10:15:00Z', 'acknowledgement', '2'],
      ['2026-11-06T09:00:00Z', 'due-soon', '2'], // before the 15:40 escalation that day
      ['2026-11-12T09:00:00Z', 'due-soon', '3'], // five minutes before the message that moved it on
      ['2026-11-18T09:00:00Z', 'due-soon', '4'],
      ['2026-11-18T11:20:00Z', 'form', '5'], // Appendix 1 pre-filled for the partnership
      ['2026-11-24T09:00:00Z', 'due-soon', '5'], // after the last message, on the way to --until
      ['2026-11-26T09:00:00Z', 'overdue', '5'],
    ]);
    expect(doc.outbox.filter((o) => o.kind !== 'digest').at(-1)).toMatchObject({
      cc: ['safeguardingpartnership@swindon-ssp.example'],
      subject: expect.stringMatching(/^\[SSP-2026-0001\] Overdue: /) as unknown,
    });
    expect([doc.ignored, doc.review]).toEqual([[], []]);
  });

  const policies = [
    ['swindon', 'partnership@swindon.example', 'Stage', '1', '3'],
    ['hull-east-riding', 'hscp@hull.example', 'Stage', '1', '2'],
    ['wiltshire', 'lscb@wiltshire.example', 'Stage', '0', '3'], // stage 2 has no deadline of its own
    ['telford-wrekin', 'twsp@telford.example', 'Stage', '1', '2'],
    ['sunderland', 'sscp@sunderland.example', 'Step', '1', '3'],
  ] as const;

  it.each(policies)(
    '%s: opens, fires reminders between messages and after the last, ignores what it should',
    async (policyId, mailbox, word, first, second) => {
      const folder = mkdtempSync(join(tmpdir(), `replay-${policyId}-`));
      const agencyA = 'A Practitioner <a.practitioner@council.example>';
      const agencyB = 'B Practitioner <b.practitioner@nhs.example>';
      const opener = eml({
        from: agencyA,
        to: agencyB,
        cc: mailbox,
        subject: 'Professional disagreement',
        date: 'Mon, 2 Nov 2026 10:00:00 +0000',
        text: `I am raising this at ${word} ${first} of the resolution policy.`,
      });
      const escalation = eml({
        from: agencyB,
        to: agencyA,
        cc: mailbox,
        subject: 'RE: Professional disagreement',
        date: 'Thu, 12 Nov 2026 10:00:00 +0000',
        text: `We still disagree, so I am escalating this to ${word} ${second}.`,
        inReplyTo: messageIdOf(opener),
        references: [messageIdOf(opener)],
      });
      const outOfOffice = eml({
        from: agencyA,
        to: agencyB,
        subject: 'Automatic reply: Professional disagreement',
        date: 'Thu, 12 Nov 2026 10:01:00 +0000',
        text: 'I am out of the office.',
        headers: { 'Auto-Submitted': 'auto-replied' },
      });
      const stranger = eml({
        from: 'someone@elsewhere.example',
        to: mailbox,
        subject: `[${builtInPolicy(policyId).referencePrefix}-2026-0001] news`,
        date: 'Fri, 13 Nov 2026 10:00:00 +0000',
        text: 'Escalating to stage 4.',
      });
      writeFileSync(join(folder, '1.eml'), opener);
      writeFileSync(join(folder, '2.eml'), escalation);
      writeFileSync(join(folder, '2-again.eml'), escalation); // delivered twice
      writeFileSync(join(folder, '3.eml'), outOfOffice);
      writeFileSync(join(folder, '4.eml'), stranger);
      const doc = await replayJson('--policy', policyId, '--mailbox', mailbox, '--until', '2027-01-31T12:00:00Z', folder);

      const ref = `${builtInPolicy(policyId).referencePrefix}-2026-0001`;
      expect(doc.cases.map((c) => [c.ref, c.policy, c.status, c.stage, c.openedAt, c.stageStartedAt])).toEqual([
        [ref, policyId, 'open', second, '2026-11-02T10:00:00Z', '2026-11-12T10:00:00Z'],
      ]);
      expect(doc.cases[0]?.history.map((h) => [h.event, h.stage])).toEqual([
        ['opened', first],
        ['advanced', second],
      ]);
      expect(doc.cases[0]?.messages).toEqual([messageIdOf(opener), messageIdOf(escalation)]);
      for (const deadline of doc.cases[0]?.deadlines ?? [])
        expect(deadline.due).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(doc.ignored).toEqual([
        { messageId: messageIdOf(escalation), reason: 'duplicate' },
        { messageId: messageIdOf(outOfOffice), reason: 'auto-reply' },
      ]);
      expect(doc.review).toEqual([
        { messageId: messageIdOf(stranger), caseRef: ref, reason: expect.stringContaining('never appeared on the case') as unknown },
      ]);

      const at = (o: { at: string }) => Date.parse(o.at);
      const reminders = doc.outbox.filter((o) => o.kind === 'due-soon' || o.kind === 'overdue');
      expect(doc.outbox[0]).toMatchObject({
        at: '2026-11-02T10:00:00Z',
        kind: 'acknowledgement',
        stage: first,
        to: ['a.practitioner@council.example', 'b.practitioner@nhs.example'],
      });
      expect(
        reminders.some(
          (o) => o.stage === first && at(o) > Date.parse('2026-11-02T10:00:00Z') && at(o) < Date.parse('2026-11-12T10:00:00Z'),
        ),
      ).toBe(true);
      expect(reminders.some((o) => o.stage === second && o.kind === 'overdue' && at(o) > Date.parse('2026-11-13T10:00:00Z'))).toBe(true);
      expect(doc.outbox.map(at)).toEqual([...doc.outbox.map(at)].sort((a, b) => a - b));
      expect(doc.outbox.some((o) => o.kind === 'review' && o.to.includes(mailbox))).toBe(true);
    },
  );

  it('reports a message that is not mail, and the rest still run', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'replay-bad-'));
    writeFileSync(join(folder, 'a.eml'), readFixture('swindon-01-open-stage2-outlook'));
    writeFileSync(join(folder, 'b.eml'), Buffer.from([0, 1, 2, 255]));
    const { code, stdout, stderr } = await run(
      'replay',
      '--policy',
      'swindon',
      '--mailbox',
      'safeguardingpartnership@swindon-ssp.example',
      folder,
    );
    expect(code).toBe(0);
    expect(stderr).toContain('escalations: replay: skipped b.eml: no From, To, Subject, Date or Message-ID header');
    expect((JSON.parse(stdout) as ReplayDocument).cases).toHaveLength(1);
  });

  it.each([
    [['--policy', 'swindon', '--mailbox', 'p@x.example', '/no/such/folder'], "replay: no such file or folder '/no/such/folder'"],
    // A folder of its own: the system's temporary folder may hold anyone's .eml files.
    [['--policy', 'swindon', '--mailbox', 'p@x.example', mkdtempSync(join(tmpdir(), 'replay-empty-'))], 'has no .eml files'],
    [['--policy', 'nowhere', '--mailbox', 'p@x.example', fixtures], "unknown policy 'nowhere'"],
    [['--policy', 'swindon', '--mailbox', 'not-an-address', fixtures], '--mailbox: not an email address'],
    [['--policy', 'swindon', '--mailbox', 'p@x.example', '--until', 'soon', fixtures], "--until: 'soon' is not an ISO 8601 instant"],
    [['--policy', 'swindon', '--mailbox', 'p@x.example'], 'give at least one .eml file or folder'],
  ])('rejects %j with one line and exit code 2', async (argv, message) => {
    const { code, stdout, stderr } = await run('replay', ...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });
});

function readFixture(name: string): Buffer {
  return readFileSync(join(fixtures, `${name}.eml`));
}
