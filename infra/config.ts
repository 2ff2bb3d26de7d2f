import * as z from 'zod';
import { DeploymentSchema } from '../lib/config.js';
import { loadPolicyFile, resolvePolicy } from '../lib/policy/registry.js';
import { describeIssues } from '../lib/validation.js';

/**
 * Regions where SES receives mail (its inbound-smtp endpoints). The list grows: check AWS's
 * "Amazon SES endpoints and quotas" page before relying on a region not listed, and add it here.
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

/** What an admin writes under the `escalationMailbox` key of cdk.json's context. */
export const InfraConfigSchema = z.strictObject({
  /** The AWS account, when the stack should be pinned to one. */
  account: z
    .string()
    .regex(/^\d{12}$/, 'a 12-digit AWS account id')
    .optional(),
  region: z.enum(SES_RECEIVING_REGIONS, { error: `SES receives mail only in ${SES_RECEIVING_REGIONS.join(', ')}` }),
  /** Mailboxes and their policies, the sending address, closure days, recipient rules: as the functions read them. */
  deployment: DeploymentSchema,
  /** Who is told when something fails: errors, throttles, dead letters. */
  alarmEmail: z.email(),
  /** Raw mail is deleted after this many days. */
  rawMailRetentionDays: z.number().int().min(1).max(3650),
  /** False when the account's active receipt rule set is managed elsewhere: the rule set is created, not activated. */
  activateRuleSet: z.boolean().default(true),
});
export type InfraConfig = z.infer<typeof InfraConfigSchema>;

/** The configuration is wrong: synth stops with the field's path and the reason. */
export class InfraConfigError extends Error {
  override readonly name = 'InfraConfigError';
}

/**
 * Validates the context, checks every policy (built-in ids and files alike), and inlines policy
 * files into the deployment, since a function cannot read the admin's file.
 */
export async function readInfraConfig(context: unknown): Promise<InfraConfig> {
  const parsed = InfraConfigSchema.safeParse(context);
  if (!parsed.success) {
    throw new InfraConfigError(`cdk.json context "escalationMailbox": ${describeIssues(parsed.error).join('; ')}`, { cause: parsed.error });
  }
  const mailboxes = await Promise.all(
    parsed.data.deployment.mailboxes.map(async (mailbox) => {
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
        throw new InfraConfigError(`cdk.json context "escalationMailbox": mailbox ${mailbox.address}: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }),
  );
  return { ...parsed.data, deployment: { ...parsed.data.deployment, mailboxes } };
}
