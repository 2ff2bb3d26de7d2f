import { DateTime } from 'luxon';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import type { Deployment } from '../../../lib/config.js';
import { ingest, type IncomingMail } from '../../../lib/ingest.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { startDynamo, type EmbeddedDynamo } from '../../support/dynalite.js';
import { eml, messageIdOf } from '../../support/eml.js';
import { FixedClock, RecordingMailer, RecordingReminderBook } from '../../support/fakes.js';

export const MAILBOX = 'safeguardingpartnership@swindon-ssp.example';
export const SSP = `Safeguarding Partnership <${MAILBOX}>`;
export const JANE = 'Jane Smith <jane.smith@swindon-council.example>';
export const RAJ = 'Raj Patel <raj.patel@gwh-nhs.example>';

export const deployment: Deployment = {
  mailboxes: [
    { address: MAILBOX, policy: builtInPolicy('swindon'), partnershipAddresses: [MAILBOX], monitoringAddress: MAILBOX },
    {
      address: 'sscp@sunderland-council.example',
      policy: builtInPolicy('sunderland'),
      partnershipAddresses: ['sscp@sunderland-council.example'],
      monitoringAddress: 'sscp-monitoring@sunderland-council.example',
    },
  ],
  fromAddress: 'escalations@partnership.example',
  loopId: 'escalations@partnership.example',
  closureDays: [],
  maxRecipients: 10,
  agencies: {},
};

export interface Harness {
  dynamo: EmbeddedDynamo;
  store: DynamoCaseStore;
  mailer: RecordingMailer;
  reminders: RecordingReminderBook;
  clock: FixedClock;
  ingest(raw: Buffer, extra?: Partial<IncomingMail>): ReturnType<typeof ingest>;
}

export async function harness(): Promise<Harness> {
  const dynamo = await startDynamo();
  const store = new DynamoCaseStore(dynamo.doc, dynamo.table);
  const mailer = new RecordingMailer();
  const reminders = new RecordingReminderBook();
  const clock = new FixedClock(DateTime.fromISO('2026-11-02T10:00', { zone: 'Europe/London' }));
  return {
    dynamo,
    store,
    mailer,
    reminders,
    clock,
    ingest: (raw, extra = {}) => ingest({ raw, recipients: [MAILBOX], ...extra }, { store, mailer, reminders, clock, deployment }),
  };
}

/** A message that opens a Stage 2 case on the harness's mailbox. */
export const opener = (): Buffer =>
  eml({
    from: JANE,
    to: RAJ,
    cc: SSP,
    subject: 'Professional disagreement',
    text: 'I am raising this at Stage 2 of the resolution policy.',
  });

/** A reply in the thread of `to`. */
export const reply = (to: Buffer, text: string): Buffer =>
  eml({
    from: RAJ,
    to: JANE,
    cc: SSP,
    subject: 'RE: Professional disagreement',
    text,
    inReplyTo: messageIdOf(to),
    references: [messageIdOf(to)],
  });
