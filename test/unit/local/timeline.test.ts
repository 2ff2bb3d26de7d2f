import { describe, expect, it } from 'vitest';
import type { ReplayDocument } from '../../../lib/local/replay.js';
import { timeline } from '../../../lib/local/timeline.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';

const policy = builtInPolicy('swindon');
const resolvedCase = (ref: string): ReplayDocument['cases'][number] => ({
  ref,
  policy: 'swindon',
  status: 'resolved',
  stage: '2',
  openedAt: '2026-11-02T09:30:00.000Z',
  stageStartedAt: '2026-11-02T09:30:00.000Z',
  deadlines: [],
  messages: [`<${ref}-1@x.example>`, `<${ref}-2@x.example>`],
  history: [
    { at: '2026-11-02T09:30:00.000Z', event: 'opened', stage: '2', messageId: `<${ref}-1@x.example>` },
    { at: '2026-11-05T14:00:00.000Z', event: 'resolved', stage: '2', messageId: `<${ref}-2@x.example>` },
  ],
});
const closure = (caseRef: string) => ({
  at: '2026-11-05T14:00:00.000Z',
  kind: 'closure',
  caseRef,
  stage: '2',
  to: ['monitoring@swindon.example'],
  cc: [],
  subject: `[${caseRef}] Closure summary`,
});

describe('the demo timeline', () => {
  it('tells how many forms went with each closure summary, from the forms the run sent', () => {
    const document: ReplayDocument = {
      cases: [resolvedCase('SSP-2026-0001'), resolvedCase('SSP-2026-0002')],
      outbox: [closure('SSP-2026-0001'), closure('SSP-2026-0002')],
      ignored: [],
      review: [],
      failed: [],
    };
    const forms = [
      { filename: 'SSP-2026-0001-appendix-1-closure.docx' },
      { filename: 'SSP-2026-0001-appendix-2-closure.docx' },
      { filename: 'SSP-2026-0001-appendix-1.docx' }, // sent at its stage, not with the summary
      { filename: 'SSP-2026-00010-appendix-1-closure.docx' }, // another case whose reference starts the same
    ];
    const text = timeline(document, policy, forms);
    expect(text).toContain('Thu 5 Nov 2026, 14:00 GMT   closure summary emailed to the partnership, with 2 forms\n');
    expect(text).toMatch(/SSP-2026-0002[\s\S]*closure summary emailed to the partnership, no form due\n/);
    expect(text).toContain('Outcome: resolved at Stage 2');
  });
});
