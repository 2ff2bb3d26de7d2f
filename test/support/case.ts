import type { Case } from '../../lib/cases/case.js';

/** A case as stored, with no messages yet; override what a test is about. */
export function aCase(overrides: Partial<Case> = {}): Case {
  return {
    ref: 'SSP-2026-0001',
    policyId: 'swindon',
    mailbox: 'p@x.example',
    status: 'open',
    stage: '1',
    openedAt: '2026-11-02T10:00:00.000Z',
    stageStartedAt: '2026-11-02T10:00:00.000Z',
    resolvedAt: null,
    messages: [],
    history: [],
    participants: [],
    domains: [],
    stageContacts: [],
    threadKeys: [],
    acknowledgedAt: null,
    version: 1,
    ...overrides,
  };
}
