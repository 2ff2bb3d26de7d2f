import * as z from 'zod';
import { DeploymentSchema, type Deployment } from '../config.js';
import { resolvePolicy } from '../policy/registry.js';
import { describeIssues } from '../validation.js';
import type { SchedulerSettings } from './scheduler-reminder-book.js';

/** A function's configuration is missing or wrong: the function must not start. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

const Common = z.object({
  CASE_TABLE: z.string().min(1),
  /** The deployment (mailboxes, policies, sender, closure days) as JSON, written by the CDK app. */
  DEPLOYMENT: z.string().min(2),
});

const Mail = z.object({
  MAIL_BUCKET: z.string().min(1),
  /** The S3 action's object key prefix, e.g. `incoming/`. */
  MAIL_PREFIX: z.string(),
});

const Arn = z.string().regex(/^arn:aws[a-z-]*:/, 'an ARN');
const Reminders = z.object({
  SCHEDULE_GROUP: z.string().min(1),
  REMIND_FUNCTION_ARN: Arn,
  SCHEDULER_ROLE_ARN: Arn,
  REMINDER_DLQ_ARN: Arn,
  REMINDER_MAX_RETRIES: z.coerce.number().int().min(0).max(185),
  REMINDER_MAX_EVENT_AGE_SECONDS: z.coerce.number().int().min(60).max(86_400),
});

export interface RemindEnvironment {
  table: string;
  deployment: Deployment;
}

export interface IngestEnvironment extends RemindEnvironment {
  bucket: string;
  prefix: string;
  scheduler: SchedulerSettings;
}

/** The remind function's configuration, read once at cold start. */
export async function loadRemindEnvironment(env: Record<string, string | undefined>): Promise<RemindEnvironment> {
  const vars = parse('remind', Common, env);
  return { table: vars.CASE_TABLE, deployment: await deploymentOf('remind', vars.DEPLOYMENT) };
}

/** The report function's configuration: the same as remind's, the table and the deployment. */
export async function loadReportEnvironment(env: Record<string, string | undefined>): Promise<RemindEnvironment> {
  const vars = parse('report', Common, env);
  return { table: vars.CASE_TABLE, deployment: await deploymentOf('report', vars.DEPLOYMENT) };
}

/** The ingest function's configuration, read once at cold start: it also books reminders. */
export async function loadIngestEnvironment(env: Record<string, string | undefined>): Promise<IngestEnvironment> {
  const vars = parse('ingest', Common.extend(Mail.shape).extend(Reminders.shape), env);
  return {
    table: vars.CASE_TABLE,
    deployment: await deploymentOf('ingest', vars.DEPLOYMENT),
    bucket: vars.MAIL_BUCKET,
    prefix: vars.MAIL_PREFIX,
    scheduler: {
      groupName: vars.SCHEDULE_GROUP,
      targetArn: vars.REMIND_FUNCTION_ARN,
      roleArn: vars.SCHEDULER_ROLE_ARN,
      deadLetterArn: vars.REMINDER_DLQ_ARN,
      maximumRetryAttempts: vars.REMINDER_MAX_RETRIES,
      maximumEventAgeInSeconds: vars.REMINDER_MAX_EVENT_AGE_SECONDS,
    },
  };
}

function parse<S extends z.ZodType>(name: string, schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success)
    throw new ConfigurationError(`${name} environment: ${describeIssues(result.error).join('; ')}`, { cause: result.error });
  return result.data;
}

/** Any missing or invalid value stops the function with the field's name. */
async function deploymentOf(name: string, text: string): Promise<Deployment> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`${name} environment: DEPLOYMENT is not JSON`, { cause: error });
  }
  const config = DeploymentSchema.safeParse(json);
  if (!config.success)
    throw new ConfigurationError(`${name} environment: DEPLOYMENT.${describeIssues(config.error).join('; ')}`, { cause: config.error });
  const mailboxes = await Promise.all(
    config.data.mailboxes.map(async (mailbox) => ({ ...mailbox, policy: await resolvePolicy(mailbox.policy) })),
  );
  return { ...config.data, mailboxes };
}
