import { domainOf, type Case } from '../cases/case.js';
import { publicAddressOf, type Deployment, type Mailbox } from '../config.js';

/** SES takes ASCII local parts only, and addresses of up to 320 characters. */
const SENDABLE = /^[\x21-\x3f\x41-\x7e]{1,64}@[^\s@]{1,255}$/;

export const sendable = (address: string): boolean => SENDABLE.test(address);

/**
 * Who a case's mail to its people goes to (its acknowledgement and its reminders): the people on
 * the message that opened the current stage, less the partnership's own addresses, who have
 * appeared on the case, within the allowed domains, that SES can take, at most the cap.
 */
export function caseRecipients(current: Case, mailbox: Mailbox, deployment: Deployment): string[] {
  const own = new Set([mailbox.address, publicAddressOf(mailbox), ...mailbox.partnershipAddresses, deployment.fromAddress]);
  const allowed = deployment.recipientDomains?.map((d) => d.toLowerCase());
  return current.stageContacts
    .filter((address) => !own.has(address) && current.participants.includes(address) && sendable(address))
    .filter((address) => !allowed || allowed.includes(domainOf(address)))
    .slice(0, deployment.maxRecipients);
}
