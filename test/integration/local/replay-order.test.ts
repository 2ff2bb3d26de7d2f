import { describe, expect, it } from 'vitest';
import { replay, type StoredMessage } from '../../../lib/local/replay.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { eml } from '../../support/eml.js';
import { JANE, MAILBOX, RAJ, SSP } from '../cases/harness.js';

const opener = (name: string, date: string | null): StoredMessage => {
  const raw = eml({
    from: JANE,
    to: RAJ,
    cc: SSP,
    id: `<${name}@agency.example>`,
    subject: `Professional disagreement ${name}`,
    text: 'I am raising this at Stage 2 of the resolution policy.',
    ...(date ? { date } : {}),
  });
  const bytes = date ? raw : Buffer.from(raw.toString().replace(/^Date: .*\r\n/m, ''));
  return { name, read: () => Promise.resolve(bytes) };
};

describe('replay: the order messages are processed in', () => {
  it('goes by Date header, ties by file name, messages without a date last', { timeout: 60_000 }, async () => {
    const messages = [
      opener('c.eml', 'Tue, 3 Nov 2026 10:00:00 +0000'),
      opener('undated.eml', null),
      opener('b.eml', 'Mon, 2 Nov 2026 10:00:00 +0000'),
      opener('a.eml', 'Mon, 2 Nov 2026 10:00:00 +0000'),
    ];
    const { document } = await replay({ policy: builtInPolicy('swindon'), mailbox: MAILBOX, messages });

    // Each opens a case, numbered as it is processed; the cases are listed in that order.
    expect(document.cases.map((c) => c.messages[0])).toEqual([
      '<a.eml@agency.example>',
      '<b.eml@agency.example>',
      '<c.eml@agency.example>',
      '<undated.eml@agency.example>',
    ]);
    expect(document.cases.map((c) => c.ref)).toEqual([...document.cases.map((c) => c.ref)].sort());
  });
});
