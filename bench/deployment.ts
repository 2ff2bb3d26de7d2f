import type { Deployment } from '../lib/config.js';
import { builtInPolicy } from '../lib/policy/registry.js';

/** The one partnership mailbox the benchmarks run: Swindon's policy, the partnership its own contact. */
export const MAILBOX = 'safeguardingpartnership@swindon-ssp.example';
export const policy = builtInPolicy('swindon');
export const deployment: Deployment = {
  mailboxes: [{ address: MAILBOX, policy, partnershipAddresses: [MAILBOX], monitoringAddress: MAILBOX }],
  fromAddress: 'escalations@partnership.example',
  loopId: 'escalations@partnership.example',
  closureDays: [],
  maxRecipients: 10,
  agencies: {},
};
