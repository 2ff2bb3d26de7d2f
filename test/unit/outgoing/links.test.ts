import { DateTime } from 'luxon';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { parseCommands } from '../../../lib/corrections/commands.js';
import { composeRaw } from '../../../lib/outgoing/compose.js';
import { commandLink } from '../../../lib/outgoing/links.js';
import { reviewRequest } from '../../../lib/outgoing/notices.js';
import { closureSummary } from '../../../lib/outgoing/records.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { aCase } from '../../support/case.js';

const MAILBOX = 'safeguardingpartnership@swindon-ssp.example';
const policy = builtInPolicy('swindon');
const sender = { from: 'escalations@partnership.example', loopId: 'escalations@partnership.example' };

/** What a mail client does with a mailto: link (RFC 6068): the address, the subject and the body. */
function followed(href: string): { to: string; subject: string; body: string } {
  const url = new URL(href);
  return { to: decodeURIComponent(url.pathname), subject: url.searchParams.get('subject') ?? '', body: url.searchParams.get('body') ?? '' };
}

describe('one-click commands', () => {
  it('a link prefills the mailbox, "Re:" and the subject, and the command as the body, whatever the subject holds', () => {
    const link = commandLink('Reopen', MAILBOX, '[SSP-2026-0001] Closure summary: resolved at Stage 3 & more?', '#reopen');
    expect(followed(link.href)).toEqual({
      to: MAILBOX,
      subject: 'Re: [SSP-2026-0001] Closure summary: resolved at Stage 3 & more?',
      body: '#reopen\r\n',
    });
    expect(parseCommands(followed(link.href).body)).toEqual({ kind: 'commands', commands: [{ kind: 'reopen' }] });
  });

  it('a review request names its review by token and offers to open at each stage or dismiss, in the plain and the HTML part', async () => {
    const mail = reviewRequest(
      {
        fingerprint: 'f'.repeat(64),
        receivedAt: DateTime.fromISO('2026-11-02T10:00:00Z'),
        reason: 'r',
        caseRef: null,
        stage: null,
        token: '0123456789abcdef01234567',
      },
      [MAILBOX],
      MAILBOX,
      policy,
    );
    expect(mail.links?.map((l) => [l.label, followed(l.href).body])).toEqual([
      ...policy.stages.map((s) => [`Open as a case at Stage ${s.id} ${s.name}`, `#open stage ${s.id}\r\n`]),
      ['Not a case: dismiss this review', '#not-a-case\r\n'],
    ]);
    const parsed = await simpleParser(await composeRaw(mail, sender));
    expect(parsed.subject).toBe('Review needed [review 0123456789abcdef01234567]: a message the escalation mailbox did not act on');
    for (const link of mail.links ?? []) {
      expect(parsed.text).toContain(`- ${link.label}: <${link.href}>`);
      expect(parsed.html).toContain(`<a href="${link.href.replace(/&/g, '&amp;')}">${link.label}</a>`);
    }
    // Each link, followed, names the same review.
    expect(followed(mail.links?.[1]?.href ?? '').subject).toContain('[review 0123456789abcdef01234567]');
  });

  it('a closure summary offers Reopen and Not a case', async () => {
    const current = aCase({ status: 'resolved', stage: '3', resolvedAt: '2026-11-10T10:00:00.000Z' });
    const mail = closureSummary(current, {
      policy,
      mailbox: MAILBOX,
      monitoringAddress: MAILBOX,
      log: [],
      date: () => 'Mon 9 Nov 2026',
      attachments: [],
    });
    expect(mail.links?.map((l) => [l.label, followed(l.href).subject, followed(l.href).body])).toEqual([
      ['Reopen', `Re: ${mail.subject}`, '#reopen\r\n'],
      ['Not a case: withdraw it', `Re: ${mail.subject}`, '#not-a-case\r\n'],
    ]);
    const parsed = await simpleParser(await composeRaw(mail, sender));
    expect(parsed.text).toContain('- Reopen: <mailto:');
    expect(parsed.html).toContain('>Reopen</a>');
  });
});
