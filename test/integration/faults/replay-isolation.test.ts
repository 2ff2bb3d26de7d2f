import { describe, expect, it } from 'vitest';
import { replay, type StoredMessage } from '../../../lib/local/replay.js';
import { MAX_ID_LENGTH } from '../../../lib/mail/parse.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { eml } from '../../support/eml.js';
import { JANE, MAILBOX, RAJ, SSP } from '../cases/harness.js';

const stored = (name: string, bytes: Buffer): StoredMessage => ({ name, read: () => Promise.resolve(bytes) });
const opener = (name: string, extra: Partial<Parameters<typeof eml>[0]> = {}): StoredMessage =>
  stored(
    name,
    eml({
      from: JANE,
      to: RAJ,
      cc: SSP,
      subject: `Professional disagreement ${name}`,
      text: 'I am raising this at Stage 2 of the resolution policy.',
      ...extra,
    }),
  );

describe('replay: one message never stops the run', () => {
  // Its mail spans 2014 to 2045: the run sends some 1,600 weekly digests on the way, each claimed and marked sent.
  it(
    'reports each message it cannot process in failed[], and processes every other, whatever its size or date',
    { timeout: 120_000 },
    async () => {
      const longId = `<${'a'.repeat(3000)}@agency.example>`;
      const crowd = Array.from({ length: 6000 }, (_, i) => `p${i}@agency-${i % 300}.example`).join(', ');
      const messages: StoredMessage[] = [
        opener('01-ordinary.eml', { date: 'Mon, 2 Nov 2026 10:00:00 +0000' }),
        opener('02-long-message-id.eml', { id: longId, date: 'Mon, 2 Nov 2026 11:00:00 +0000' }),
        opener('03-long-reference.eml', {
          inReplyTo: longId.replace('a@', 'b@'),
          references: [longId.replace('a@', 'b@')],
          date: 'Mon, 2 Nov 2026 12:00:00 +0000',
        }),
        opener('04-archived-2014.eml', { date: 'Mon, 3 Nov 2014 10:00:00 +0000' }),
        opener('05-late-2045.eml', { date: 'Mon, 18 Dec 2045 10:00:00 +0000' }),
        opener('06-before-any-calendar.eml', { date: 'Mon, 3 Nov 1851 10:00:00 +0000' }),
        opener('07-six-thousand-people.eml', { cc: `${SSP}, ${crowd}`, date: 'Tue, 3 Nov 2026 10:00:00 +0000' }),
        stored('08-not-mail.eml', Buffer.from('\u0000\u0001 not an email at all')),
      ];
      const { document } = await replay({ policy: builtInPolicy('swindon'), mailbox: MAILBOX, messages });

      expect(document.failed.map((f) => f.file).sort()).toEqual(['06-before-any-calendar.eml', '08-not-mail.eml']);
      expect(document.failed.find((f) => f.file === '06-before-any-calendar.eml')).toMatchObject({
        messageId: expect.stringMatching(/^<test-\d+-\d+@agency\.example>$/) as string,
        error: expect.stringContaining('CalendarError') as string,
      });
      expect(document.cases).toHaveLength(6);
      expect(document.cases.map((c) => c.openedAt.slice(0, 4)).sort()).toEqual(['2014', '2026', '2026', '2026', '2026', '2045']);
      for (const c of document.cases) for (const id of c.messages) expect(Buffer.byteLength(id)).toBeLessThanOrEqual(MAX_ID_LENGTH + 2);
      // The case of late 2045 has deadlines in 2046, past the generated table.
      expect(document.cases.find((c) => c.openedAt.startsWith('2045'))?.deadlines.some((d) => d.due.startsWith('2046'))).toBe(true);
    },
  );
});
