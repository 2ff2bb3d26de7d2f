import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigurationError,
  loadIngestEnvironment,
  loadRemindEnvironment,
  loadReportEnvironment,
  loadResyncEnvironment,
} from '../../../lib/aws/environment.js';

const valid = {
  CASE_TABLE: 'cases',
  MAIL_BUCKET: 'mail',
  MAIL_PREFIX: 'incoming/',
  SCHEDULE_GROUP: 'reminders',
  REMIND_FUNCTION_ARN: 'arn:aws:lambda:eu-west-2:123456789012:function:Remind',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/Invoke',
  REMINDER_DLQ_ARN: 'arn:aws:sqs:eu-west-2:123456789012:dlq',
  REMINDER_MAX_RETRIES: '4',
  REMINDER_MAX_EVENT_AGE_SECONDS: '3600',
  DEPLOYMENT: JSON.stringify({
    mailboxes: [
      {
        address: 'Partnership@Swindon.example',
        policy: 'swindon',
        partnershipAddresses: ['partnership@swindon.example'],
        monitoringAddress: 'monitoring@swindon.example',
      },
    ],
    fromAddress: 'escalations@partnership.example',
    loopId: 'escalations@partnership.example',
    closureDays: ['2026-12-29'],
  }),
};

describe('the ingest environment', () => {
  it('is read whole, with policies loaded and addresses lower-cased', async () => {
    const env = await loadIngestEnvironment(valid);
    expect(env).toMatchObject({ table: 'cases', bucket: 'mail', prefix: 'incoming/', deployment: { closureDays: ['2026-12-29'] } });
    expect(env.deployment.mailboxes[0]?.address).toBe('partnership@swindon.example');
    expect(env.deployment.mailboxes[0]?.policy.id).toBe('swindon');
    expect(env.scheduler).toEqual({
      groupName: 'reminders',
      targetArn: valid.REMIND_FUNCTION_ARN,
      roleArn: valid.SCHEDULER_ROLE_ARN,
      deadLetterArn: valid.REMINDER_DLQ_ARN,
      maximumRetryAttempts: 4,
      maximumEventAgeInSeconds: 3600,
    });
    expect(env.deployment.maxRecipients).toBe(10);
  });

  it('for the remind function needs the scheduler settings, its schedules’ target being the function itself', async () => {
    const own = { AWS_LAMBDA_FUNCTION_NAME: 'stack-Remind1A2B', AWS_REGION: 'eu-west-2' };
    const rest: Partial<typeof valid> = { ...valid };
    delete rest.MAIL_BUCKET;
    delete rest.REMIND_FUNCTION_ARN;
    const env = await loadRemindEnvironment({ ...rest, ...own });
    expect(env.table).toBe('cases');
    expect(env.scheduler).toEqual({
      ...(await loadIngestEnvironment(valid)).scheduler,
      targetArn: 'arn:aws:lambda:eu-west-2:123456789012:function:stack-Remind1A2B',
    });
    await expect(loadRemindEnvironment({ ...rest, ...own, CASE_TABLE: undefined })).rejects.toThrow('remind environment: CASE_TABLE');
    await expect(loadRemindEnvironment({ ...rest, AWS_REGION: 'eu-west-2' })).rejects.toThrow('AWS_LAMBDA_FUNCTION_NAME');
    await expect(loadRemindEnvironment({ ...rest, ...own, SCHEDULER_ROLE_ARN: 'arn:aws:sqs:eu-west-2:1:q' })).rejects.toThrow(
      'SCHEDULER_ROLE_ARN: a role ARN',
    );
  });

  it('for the re-sync function needs the scheduler settings and not the mail bucket', async () => {
    const rest: Partial<typeof valid> = { ...valid };
    delete rest.MAIL_BUCKET;
    delete rest.MAIL_PREFIX;
    const env = await loadResyncEnvironment(rest);
    expect(env.table).toBe('cases');
    expect(env.scheduler).toEqual((await loadIngestEnvironment(valid)).scheduler);
    expect(env).not.toHaveProperty('bucket');
    await expect(loadResyncEnvironment({ ...rest, SCHEDULE_GROUP: undefined })).rejects.toThrow('resync environment: SCHEDULE_GROUP');
  });

  it.each([
    [{ ...valid, CASE_TABLE: undefined }, 'CASE_TABLE'],
    [{ ...valid, MAIL_PREFIX: undefined }, 'MAIL_PREFIX'],
    [{ ...valid, REMINDER_DLQ_ARN: 'dlq' }, 'REMINDER_DLQ_ARN: an ARN'],
    [{ ...valid, REMINDER_MAX_RETRIES: 'many' }, 'REMINDER_MAX_RETRIES'],
    [{ ...valid, DEPLOYMENT: '{ "mailboxes": ' }, 'DEPLOYMENT is not JSON'],
    [
      { ...valid, DEPLOYMENT: JSON.stringify({ mailboxes: [], fromAddress: 'x@y.example', loopId: 'x@y.example' }) },
      'DEPLOYMENT.mailboxes',
    ],
    [{ ...valid, DEPLOYMENT: valid.DEPLOYMENT.replace('escalations@partnership.example', 'not-an-address') }, 'DEPLOYMENT.fromAddress'],
  ])('stops the function when something is missing or wrong (%#: %s)', async (env, named) => {
    const error = await loadIngestEnvironment(env).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(named);
  });

  it('reads the deployment from the file bundled beside the handler, relative to the task root', async () => {
    const root = mkdtempSync(join(tmpdir(), 'task-'));
    writeFileSync(join(root, 'deployment.json'), valid.DEPLOYMENT);
    const rest: Partial<typeof valid> = { ...valid };
    delete rest.DEPLOYMENT;
    const env = await loadIngestEnvironment({ ...rest, DEPLOYMENT_FILE: 'deployment.json', LAMBDA_TASK_ROOT: root });
    expect(env.deployment.mailboxes[0]?.policy.id).toBe('swindon');
    expect(env.deployment.closureDays).toEqual(['2026-12-29']);
    const report = await loadReportEnvironment({ CASE_TABLE: 'cases', DEPLOYMENT_FILE: join(root, 'deployment.json') });
    expect(report.deployment.fromAddress).toBe('escalations@partnership.example');
  });

  it.each([
    [{ CASE_TABLE: 'cases', DEPLOYMENT_FILE: '/nonexistent/deployment.json' }, 'DEPLOYMENT_FILE cannot be read'],
    [{ CASE_TABLE: 'cases' }, 'exactly one of DEPLOYMENT_FILE and DEPLOYMENT'],
    [{ CASE_TABLE: 'cases', DEPLOYMENT_FILE: 'd.json', DEPLOYMENT: valid.DEPLOYMENT }, 'exactly one of DEPLOYMENT_FILE and DEPLOYMENT'],
  ])('stops when the deployment file is missing or doubled (%#)', async (env, named) => {
    await expect(loadReportEnvironment(env)).rejects.toThrow(named);
  });

  it('names an unknown policy', async () => {
    await expect(loadIngestEnvironment({ ...valid, DEPLOYMENT: valid.DEPLOYMENT.replace('"swindon"', '"swindn"') })).rejects.toThrow(
      "unknown policy 'swindn'",
    );
  });
});
