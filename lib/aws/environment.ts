import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import * as z from 'zod';
import { DeploymentSchema, type Deployment } from '../config.js';
import { resolvePolicy } from '../policy/registry.js';
import { describeIssues } from '../validation.js';
import type { SchedulerSettings } from './scheduler-reminder-book.js';

/** A function's configuration is missing or wrong: the function must not start. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

const Common = z
  .object({
    CASE_TABLE: z.string().min(1),
    /**
     * The file holding the deployment (mailboxes, policies, sender, closure days) as JSON, which the
     * CDK app bundles beside the handler: Lambda's environment holds 4 KB in all, one custom policy
     * alone is about 2 KB. Relative to the function's directory (LAMBDA_TASK_ROOT).
     */
    DEPLOYMENT_FILE: z.string().min(1).optional(),
    /** The deployment as JSON text, for tests and local runs. */
    DEPLOYMENT: z.string().min(2).optional(),
    LAMBDA_TASK_ROOT: z.string().optional(),
  })
  .refine((vars) => (vars.DEPLOYMENT === undefined) !== (vars.DEPLOYMENT_FILE === undefined), {
    message: 'exactly one of DEPLOYMENT_FILE and DEPLOYMENT',
    path: ['DEPLOYMENT_FILE'],
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

/** What a function that reads the table and sends mail needs: the report's and the digest's. */
export interface TableEnvironment {
  table: string;
  deployment: Deployment;
}

/** The functions that book reminders: remind (a case's next), re-sync, ingest. */
export interface RemindEnvironment extends TableEnvironment {
  scheduler: SchedulerSettings;
}

export type ResyncEnvironment = RemindEnvironment;

export interface IngestEnvironment extends ResyncEnvironment {
  bucket: string;
  prefix: string;
}

/**
 * The remind function's schedules invoke the remind function itself, which cannot be named in
 * its own environment (CloudFormation refuses a resource that refers to itself): its ARN is made
 * from the name and region Lambda gives it and the account and partition of the Scheduler role,
 * which lives in the same stack.
 */
const OwnReminders = Reminders.omit({ REMIND_FUNCTION_ARN: true }).extend({
  AWS_LAMBDA_FUNCTION_NAME: z.string().regex(/^[\w-]{1,140}$/, 'a function name'),
  AWS_REGION: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'a region'),
  SCHEDULER_ROLE_ARN: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\//, 'a role ARN'),
});

/** The remind function's configuration, read once at cold start: it books the next reminder of the case it fired for. */
export async function loadRemindEnvironment(env: Record<string, string | undefined>): Promise<RemindEnvironment> {
  const vars = { ...parse('remind', Common, env), ...parse('remind', OwnReminders, env) };
  const [, partition, , , account] = vars.SCHEDULER_ROLE_ARN.split(':');
  const targetArn = `arn:${partition ?? ''}:lambda:${vars.AWS_REGION}:${account ?? ''}:function:${vars.AWS_LAMBDA_FUNCTION_NAME}`;
  return {
    table: vars.CASE_TABLE,
    deployment: await deploymentOf('remind', vars),
    scheduler: schedulerSettings({ ...vars, REMIND_FUNCTION_ARN: targetArn }),
  };
}

/** The report function's configuration: the table and the deployment. */
export async function loadReportEnvironment(env: Record<string, string | undefined>): Promise<TableEnvironment> {
  const vars = parse('report', Common, env);
  return { table: vars.CASE_TABLE, deployment: await deploymentOf('report', vars) };
}

/** The ingest function's configuration, read once at cold start: it also books reminders. */
export async function loadIngestEnvironment(env: Record<string, string | undefined>): Promise<IngestEnvironment> {
  const vars = { ...parse('ingest', Common, env), ...parse('ingest', Mail.extend(Reminders.shape), env) };
  return {
    table: vars.CASE_TABLE,
    deployment: await deploymentOf('ingest', vars),
    bucket: vars.MAIL_BUCKET,
    prefix: vars.MAIL_PREFIX,
    scheduler: schedulerSettings(vars),
  };
}

/** The re-sync function's configuration: ingest's without the mail bucket, which it never reads. */
export async function loadResyncEnvironment(env: Record<string, string | undefined>): Promise<ResyncEnvironment> {
  const vars = { ...parse('resync', Common, env), ...parse('resync', Reminders, env) };
  return { table: vars.CASE_TABLE, deployment: await deploymentOf('resync', vars), scheduler: schedulerSettings(vars) };
}

function schedulerSettings(vars: z.infer<typeof Reminders>): SchedulerSettings {
  return {
    groupName: vars.SCHEDULE_GROUP,
    targetArn: vars.REMIND_FUNCTION_ARN,
    roleArn: vars.SCHEDULER_ROLE_ARN,
    deadLetterArn: vars.REMINDER_DLQ_ARN,
    maximumRetryAttempts: vars.REMINDER_MAX_RETRIES,
    maximumEventAgeInSeconds: vars.REMINDER_MAX_EVENT_AGE_SECONDS,
  };
}

function parse<S extends z.ZodType>(name: string, schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success)
    throw new ConfigurationError(`${name} environment: ${describeIssues(result.error).join('; ')}`, { cause: result.error });
  return result.data;
}

/** Any missing or invalid value stops the function with the field's name. */
async function deploymentOf(name: string, vars: z.infer<typeof Common>): Promise<Deployment> {
  const field = vars.DEPLOYMENT_FILE === undefined ? 'DEPLOYMENT' : 'DEPLOYMENT_FILE';
  let json: unknown;
  try {
    json = JSON.parse(vars.DEPLOYMENT ?? (await readFile(deploymentPath(vars), 'utf8')));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'is not JSON' : 'cannot be read';
    throw new ConfigurationError(`${name} environment: ${field} ${reason}`, { cause: error });
  }
  const config = DeploymentSchema.safeParse(json);
  if (!config.success)
    throw new ConfigurationError(`${name} environment: ${field}.${describeIssues(config.error).join('; ')}`, { cause: config.error });
  const mailboxes = await Promise.all(
    config.data.mailboxes.map(async (mailbox) => ({ ...mailbox, policy: await resolvePolicy(mailbox.policy) })),
  );
  return { ...config.data, mailboxes };
}

function deploymentPath(vars: z.infer<typeof Common>): string {
  const file = vars.DEPLOYMENT_FILE ?? '';
  return isAbsolute(file) ? file : join(vars.LAMBDA_TASK_ROOT ?? process.cwd(), file);
}
