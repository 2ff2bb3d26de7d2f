import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eml } from '../../support/eml.js';
import { harness, JANE, MAILBOX, RAJ, SSP, type Harness } from '../cases/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.dynamo.close();
});

const [local, domain] = MAILBOX.split('@') as [string, string];
/** What a Google Group adds when it relays a member's mail to the mailbox (a member of the group). */
const googleGroup = {
  'List-Id': `<${local}.${domain}>`,
  'Mailing-list': `list ${MAILBOX}; contact ${local}+owners@${domain}`,
  'List-Post': `<https://groups.google.com/a/${domain}/group/${local}/post>, <mailto:${MAILBOX}>`,
  'List-Help': `<https://support.google.com/a/${domain}/bin/topic.py?topic=25838>, <mailto:${local}+help@${domain}>`,
  'List-Unsubscribe': `<mailto:googlegroups-manage+0+unsubscribe@googlegroups.com>`,
  'List-Archive': `<https://groups.google.com/a/${domain}/group/${local}/>`,
  Precedence: 'list',
  'X-Original-Sender': 'jane.smith@swindon-council.example',
};
const opener = { to: RAJ, cc: SSP, subject: 'Professional disagreement', text: 'I am raising this at Stage 2 of the resolution policy.' };

describe('delivery through the partnership’s own Google Group', () => {
  it('opens the case: the group’s list headers are not noise', async () => {
    expect(await h.ingest(eml({ ...opener, from: JANE, headers: googleGroup }))).toMatchObject({ outcome: 'opened' });
    expect((await h.store.getCase('SSP-2026-0001'))?.history[0]?.from).toBe('jane.smith@swindon-council.example');
  });

  it('takes the writer from Reply-To when the group rewrote From to its own address', async () => {
    const rewritten = eml({
      ...opener,
      from: `'Jane Smith' via Safeguarding Partnership <${MAILBOX}>`,
      headers: { ...googleGroup, 'Reply-To': JANE },
    });
    expect(await h.ingest(rewritten)).toMatchObject({ outcome: 'opened' });
    const stored = await h.store.getCase('SSP-2026-0001');
    expect(stored?.history[0]?.from).toBe('jane.smith@swindon-council.example');
    expect(stored?.stageContacts).toContain('jane.smith@swindon-council.example');
    expect(stored?.stageContacts).not.toContain(MAILBOX);
  });

  it('another list’s mail is still noise', async () => {
    const newsletter = {
      ...googleGroup,
      'List-Id': '<news.other-partnership.example>',
      'List-Post': '<mailto:news@other-partnership.example>',
    };
    delete (newsletter as Partial<typeof googleGroup>)['Mailing-list'];
    expect(await h.ingest(eml({ ...opener, from: JANE, headers: newsletter }))).toMatchObject({ outcome: 'ignored', reason: 'auto-reply' });
  });
});

describe('the stricter authentication rule', () => {
  it('a spoofed From with SPF fail and no DKIM or DMARC cannot resolve a case by its bare reference: it goes to review', async () => {
    const opened = await h.ingest(eml({ ...opener, from: JANE }));
    const spoof = eml({
      from: RAJ,
      to: MAILBOX,
      subject: `[${opened.caseRef ?? ''}] update`,
      text: 'Thank you, I can confirm this is now resolved.',
    });
    const outcome = await h.ingest(spoof, { verdicts: { spf: 'FAIL', dkim: 'GRAY', dmarc: 'GRAY', spam: 'PASS', virus: 'PASS' } });
    expect(outcome).toMatchObject({ outcome: 'review' });
    expect(await h.store.getCase(opened.caseRef ?? '')).toMatchObject({ status: 'open', stage: '2' });
    const review = h.mailer.sent.find((m) => m.kind === 'review');
    expect(review?.text).toContain('not authenticated');
  });

  it('the same message with SPF passing resolves it', async () => {
    const opened = await h.ingest(eml({ ...opener, from: JANE }));
    const genuine = eml({
      from: RAJ,
      to: MAILBOX,
      subject: `[${opened.caseRef ?? ''}] update`,
      text: 'Thank you, I can confirm this is now resolved.',
    });
    expect(await h.ingest(genuine, { verdicts: { spf: 'PASS', dkim: 'GRAY', dmarc: 'GRAY', spam: 'PASS', virus: 'PASS' } })).toMatchObject({
      outcome: 'resolved',
    });
  });

  it('a review request never copies the sender-chosen Message-ID: it names the message by its fingerprint', async () => {
    const evil = '<URGENT-call-08001234567-visit-http://evil.example/now@evil.example>';
    const raw = eml({ ...opener, from: JANE, id: evil });
    const outcome = await h.ingest(raw, { verdicts: { spf: 'FAIL', dkim: 'GRAY', dmarc: 'GRAY', spam: 'PASS', virus: 'PASS' } });
    expect(outcome).toMatchObject({ outcome: 'review' });
    const review = h.mailer.sent.find((m) => m.kind === 'review');
    expect(`${review?.subject ?? ''}\n${review?.text ?? ''}`).not.toMatch(/URGENT|0800|evil/);
    expect(review?.text).toContain(`Fingerprint (SHA-256): ${outcome.sha256}`);
  });
});
