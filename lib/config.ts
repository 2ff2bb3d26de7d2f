import * as z from 'zod';
import type { Policy } from './policy/schema.js';

const Email = z.email().transform((address) => address.toLowerCase());
const Domain = z
  .string()
  .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a mail domain such as "swindon.gov.uk"')
  .transform((domain) => domain.toLowerCase());

/** A deployment as an admin writes it: one schema for AWS and the local runtime. */
export const DeploymentSchema = z.strictObject({
  mailboxes: z
    .array(
      z.strictObject({
        /** The address that receives mail for this system (SES's receipt rule, or the local SMTP server). */
        address: Email,
        /**
         * The address people know and copy, which forwards to `address` (default: `address`). Emails
         * name it and set Reply-To to it, so a reply reaches the partnership's people as well as this system.
         */
        publicAddress: Email.optional(),
        /** A built-in policy id, the path of a policy .json file, or a policy written inline (the CDK app inlines files). */
        policy: z.union([z.string().min(1), z.looseObject({ id: z.string() })]),
        /** The partnership's own addresses: reviews and overdue copies go here; they are never a case's contacts. */
        partnershipAddresses: z.array(Email).min(1),
        /** Where the partnership's records go: pre-filled forms, closure summaries, the monthly report. */
        monitoringAddress: Email,
      }),
    )
    .min(1)
    .superRefine((mailboxes, ctx) => {
      // Each address (receiving or public) routes to one mailbox: two mailboxes sharing one could not be told apart.
      const seen = new Map<string, number>();
      mailboxes.forEach((mailbox, index) => {
        const own = new Set([mailbox.address, mailbox.publicAddress ?? mailbox.address]);
        for (const address of own) {
          const first = seen.get(address);
          if (first !== undefined)
            ctx.addIssue({
              code: 'custom',
              path: [index, address === mailbox.address ? 'address' : 'publicAddress'],
              message: `the same address as mailboxes[${first}]`,
            });
          else seen.set(address, index);
        }
      });
    }),
  /** The address outgoing mail is sent from. */
  fromAddress: Email,
  /** The X-Loop value of outgoing mail, by which the system knows its own mail. */
  loopId: z.string().min(3),
  /** Days the partnership is closed, on top of bank holidays. */
  closureDays: z.array(z.iso.date()).default([]),
  /** Reminders go only to addresses in these domains, when given (the partnership's own addresses always qualify). */
  recipientDomains: z.array(Domain).optional(),
  /** The most people one reminder is addressed to. */
  maxRecipients: z.number().int().min(1).max(50).default(10),
  /** Years a case is kept after it is resolved, and a message's record after the message (Working Together's 6 years by default). */
  retentionYears: z.number().int().min(1).max(100).default(6),
  /** Agency names by mail domain, for forms and the monitoring report; an unnamed domain is shown as itself. */
  agencies: z.record(Domain, z.string().min(1)).default({}),
});
export type DeploymentConfig = z.infer<typeof DeploymentSchema>;

/** A mailbox with its policy loaded. */
export interface Mailbox {
  address: string;
  /** The address people copy; absent means `address`. Read it through publicAddressOf. */
  publicAddress?: string | undefined;
  policy: Policy;
  partnershipAddresses: string[];
  monitoringAddress: string;
}

export interface Deployment {
  mailboxes: Mailbox[];
  fromAddress: string;
  loopId: string;
  closureDays: string[];
  recipientDomains?: string[] | undefined;
  maxRecipients: number;
  /** Years a case is kept after it is resolved; 6 when absent. */
  retentionYears?: number;
  agencies: Readonly<Record<string, string>>;
}

/** The address emails name and set Reply-To to: the mailbox's public address, else the one that receives. */
export function publicAddressOf(mailbox: Pick<Mailbox, 'address' | 'publicAddress'>): string {
  return mailbox.publicAddress ?? mailbox.address;
}
