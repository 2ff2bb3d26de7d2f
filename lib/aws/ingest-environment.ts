import { z } from 'zod';
import { DeploymentSchema, type Deployment } from '../config.js';
import { resolvePolicy } from '../policy/registry.js';
import { describeIssues } from '../validation.js';

/** The ingest function's configuration is missing or wrong: the function must not start. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

const EnvironmentSchema = z.object({
  CASE_TABLE: z.string().min(1),
  MAIL_BUCKET: z.string().min(1),
  /** The S3 action's object key prefix, e.g. `incoming/`. */
  MAIL_PREFIX: z.string(),
  /** The deployment (mailboxes, policies, sender, closure days) as JSON, written by the CDK app. */
  DEPLOYMENT: z.string().min(2),
});

export interface IngestEnvironment {
  table: string;
  bucket: string;
  prefix: string;
  deployment: Deployment;
}

/** Read once at cold start; any missing or invalid value stops the function with the field's name. */
export async function loadIngestEnvironment(env: Record<string, string | undefined>): Promise<IngestEnvironment> {
  const vars = EnvironmentSchema.safeParse(env);
  if (!vars.success) throw new ConfigurationError(`ingest environment: ${describeIssues(vars.error).join('; ')}`, { cause: vars.error });
  let json: unknown;
  try {
    json = JSON.parse(vars.data.DEPLOYMENT);
  } catch (error) {
    throw new ConfigurationError('ingest environment: DEPLOYMENT is not JSON', { cause: error });
  }
  const config = DeploymentSchema.safeParse(json);
  if (!config.success)
    throw new ConfigurationError(`ingest environment: DEPLOYMENT.${describeIssues(config.error).join('; ')}`, { cause: config.error });
  const mailboxes = await Promise.all(
    config.data.mailboxes.map(async (mailbox) => ({ ...mailbox, policy: await resolvePolicy(mailbox.policy) })),
  );
  return {
    table: vars.data.CASE_TABLE,
    bucket: vars.data.MAIL_BUCKET,
    prefix: vars.data.MAIL_PREFIX,
    deployment: { ...config.data, mailboxes },
  };
}
