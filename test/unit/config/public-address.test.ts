import { DateTime } from 'luxon';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { DeploymentSchema, publicAddressOf, type Deployment, type Mailbox } from '../../../lib/config.js';
import { acknowledgement, reviewRequest } from '../../../lib/outgoing/notices.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { allReminders } from '../../../lib/reminders/plan.js';
import { reminderMail } from '../../../lib/reminders/render.js';
import { describeIssues } from '../../../lib/validation.js';
import { aCase } from '../../support/case.js';

const RECEIVING = 'safeguardingpartnership@mail.swindon-ssp.example';
const PUBLIC = 'safeguardingpartnership@swindon-ssp.example';
const mailbox = (extra: Record<string, unknown> = {}) => ({
  address: RECEIVING,
  policy: 'swindon',
  partnershipAddresses: ['team@swindon-ssp.example'],
  monitoringAddress: 'team@swindon-ssp.example',
  ...extra,
});
const deployment = (mailboxes: unknown[]) => ({ mailboxes, fromAddress: 'escalations@mail.swindon-ssp.example', loopId: 'loop@x.example' });

describe('a mailbox’s public address', () => {
  it('defaults to the address that receives, and is lower-cased when given', () => {
    const [plain, named] = DeploymentSchema.parse(
      deployment([mailbox(), mailbox({ address: 'other@mail.swindon-ssp.example', publicAddress: 'Other@Swindon-SSP.example' })]),
    ).mailboxes;
    expect(plain && publicAddressOf(plain)).toBe(RECEIVING);
    expect(named && publicAddressOf(named)).toBe('other@swindon-ssp.example');
  });

  it.each([
    [[mailbox(), mailbox()], 'mailboxes[1].address: the same address as mailboxes[0]'],
    [
      [mailbox({ publicAddress: PUBLIC }), mailbox({ address: 'b@mail.swindon-ssp.example', publicAddress: PUBLIC })],
      'mailboxes[1].publicAddress',
    ],
    [[mailbox({ publicAddress: PUBLIC }), mailbox({ address: PUBLIC })], 'mailboxes[1].address'],
  ])('is refused when two mailboxes share an address (%#), with the field’s path', (mailboxes, named) => {
    const parsed = DeploymentSchema.safeParse(deployment(mailboxes));
    expect(parsed.success).toBe(false);
    expect(describeIssues(parsed.error ?? new z.ZodError([])).join('; ')).toContain(named);
  });

  const policy = builtInPolicy('swindon');
  const box: Mailbox = { address: RECEIVING, publicAddress: PUBLIC, policy, partnershipAddresses: [PUBLIC], monitoringAddress: PUBLIC };
  const opened = aCase({ mailbox: RECEIVING, stage: '2', stageContacts: ['manager@agency.example'] });

  it('is what the acknowledgement names and replies go to, never the receiving address', () => {
    const mail = acknowledgement(opened, { policy, mailbox: publicAddressOf(box), closureDays: [], to: ['manager@agency.example'] });
    expect(mail.replyTo).toBe(PUBLIC);
    expect(mail.text).toContain(`copy ${PUBLIC}`);
    expect(mail.text).not.toContain(RECEIVING);
  });

  it('is what reminders name and replies go to', () => {
    const full: Deployment = {
      mailboxes: [box],
      fromAddress: 'e@x.example',
      loopId: 'l',
      closureDays: [],
      maxRecipients: 10,
      agencies: {},
    };
    const [reminder] = allReminders(opened, policy, { closureDays: [] });
    if (!reminder) throw new Error('stage 2 has a deadline');
    const mail = reminderMail(opened, reminder, box, full);
    expect(mail.replyTo).toBe(PUBLIC);
    expect(mail.text).toContain(`copy ${PUBLIC}`);
    expect(mail.text).not.toContain(RECEIVING);
  });

  it('is named in review requests', () => {
    const mail = reviewRequest(
      { fingerprint: 'f'.repeat(64), receivedAt: DateTime.utc(2026, 11, 2), reason: 'r', caseRef: null, stage: null },
      [PUBLIC],
      publicAddressOf(box),
      policy,
    );
    expect(mail.replyTo).toBe(PUBLIC);
  });
});
