import * as z from 'zod';
import { DeploymentSchema, publicAddressOf } from '../lib/config.js';
import { loadPolicyFile, resolvePolicy } from '../lib/policy/registry.js';
import { describeIssues } from '../lib/validation.js';

/**
 * Regions where SES receives mail: those with an `inbound-smtp.<region>.amazonaws.com` endpoint in
 * the "Email receiving endpoints" table of AWS's "Amazon Simple Email Service endpoints and
 * quotas" page (docs/deploy.md gives the list and the date it was read). SES sends from many more
 * regions: a region missing here cannot receive, so synth stops rather than deploy a mailbox that
 * never gets mail. When AWS adds a region, add it here.
 */
export const SES_RECEIVING_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'ca-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
] as const;

const Domain = z
  .string()
  .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a mail domain such as "mail.swindon-ssp.example"')
  .transform((domain) => domain.toLowerCase());

/** What an admin writes under the `escalationMailbox` key of cdk.json's context. */
export const InfraConfigSchema = z
  .strictObject({
    /** The AWS account, when the stacks should be pinned to one. */
    account: z
      .string()
      .regex(/^\d{12}$/, 'a 12-digit AWS account id')
      .optional(),
    region: z.enum(SES_RECEIVING_REGIONS, {
      error: (issue) => `SES does not receive mail in ${String(issue.input)}: use one of ${SES_RECEIVING_REGIONS.join(', ')}`,
    }),
    /**
     * The domains verified as SES identities in this account and region (docs/deploy.md, step 2).
     * Every address the system receives at, sends from or names as a mailbox's public address
     * must be in one of them, or in a subdomain of one.
     */
    verifiedDomains: z.array(Domain).min(1),
    /** Mailboxes and their policies, the sending address, closure days, recipient rules: as the functions read them. */
    deployment: DeploymentSchema,
    /** Who is told when something fails: errors, throttles, dead letters, a quiet mailbox. */
    alarmEmail: z.email(),
    /** Raw mail is deleted after this many days. */
    rawMailRetentionDays: z.number().int().min(1).max(3650),
    /** False when the account's active receipt rule set is managed elsewhere: the rule set is created, not activated. */
    activateRuleSet: z.boolean().default(true),
    /**
     * Off unless given: an alarm per mailbox when no mail has arrived for this many working days
     * (Monday to Friday; bank holidays count as working days, so a quiet Christmas may alarm).
     * At most 5: CloudWatch evaluates an alarm over at most 7 days.
     */
    quietMailboxAlarmWorkingDays: z.number().int().min(1).max(5).optional(),
  })
  .superRefine((config, ctx) => {
    const verified = (address: string) => {
      const domain = address.slice(address.lastIndexOf('@') + 1);
      return config.verifiedDomains.some((v) => domain === v || domain.endsWith(`.${v}`));
    };
    const check = (address: string, path: (string | number)[]) => {
      if (!verified(address))
        ctx.addIssue({
          code: 'custom',
          path,
          message: `${address} is not in a verified domain (verifiedDomains: ${config.verifiedDomains.join(', ')})`,
        });
    };
    check(config.deployment.fromAddress, ['deployment', 'fromAddress']);
    config.deployment.mailboxes.forEach((mailbox, index) => {
      check(mailbox.address, ['deployment', 'mailboxes', index, 'address']);
      if (mailbox.publicAddress !== undefined) check(publicAddressOf(mailbox), ['deployment', 'mailboxes', index, 'publicAddress']);
    });
  });
export type InfraConfig = z.infer<typeof InfraConfigSchema>;

/** The configuration is wrong: synth stops with the field's path and the reason. */
export class InfraConfigError extends Error {
  override readonly name = 'InfraConfigError';
}

const CONTEXT = 'cdk.json context "escalationMailbox"';

/**
 * Validates the context once, checks every policy (built-in ids and files alike), and inlines
 * policy files into the deployment: the functions get it as a file bundled beside their code.
 */
export async function readInfraConfig(context: unknown): Promise<InfraConfig> {
  const parsed = InfraConfigSchema.safeParse(context);
  if (!parsed.success) throw new InfraConfigError(`${CONTEXT}: ${describeIssues(parsed.error).join('; ')}`, { cause: parsed.error });
  const mailboxes = await Promise.all(
    parsed.data.deployment.mailboxes.map(async (mailbox, index) => {
      try {
        if (typeof mailbox.policy === 'string' && mailbox.policy.endsWith('.json')) {
          return {
            ...mailbox,
            policy: JSON.parse(JSON.stringify(await loadPolicyFile(mailbox.policy))) as Record<string, unknown> & { id: string },
          };
        }
        await resolvePolicy(mailbox.policy);
        return mailbox;
      } catch (error) {
        throw new InfraConfigError(`${CONTEXT}: deployment.mailboxes[${index}].policy: ${(error as Error).message}`, { cause: error });
      }
    }),
  );
  return { ...parsed.data, deployment: { ...parsed.data.deployment, mailboxes } };
}
