import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchedulerClient, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../lib/aws/dynamo-clients.js';
import { DynamoCaseStore } from '../../lib/aws/dynamo-case-store.js';
import { startEmbeddedDynamo } from '../../lib/local/embedded-dynamo.js';
import { aCase } from '../support/case.js';
import { startDynamo, functionEnvironment } from '../support/dynalite.js';
import { run } from '../unit/cli/run.js';

const SAMPLE_MAILBOX = 'safeguardingpartnership@swindon.example';
const data = mkdtempSync(join(tmpdir(), 'case-data-'));
const recent = DateTime.utc().minus({ hours: 1 }).toISO();
const opened = (ref: string, extra: Partial<ReturnType<typeof aCase>> = {}) =>
  aCase({
    ref,
    mailbox: SAMPLE_MAILBOX,
    openedAt: recent,
    stageStartedAt: recent,
    stage: '2',
    messages: [`<${ref}@x>`],
    threadKeys: [`<${ref}@x>`],
    history: [{ at: recent, event: 'opened', stage: '2', messageId: `<${ref}@x>`, from: 'jane@swindon-council.example', to: [] }],
    ...extra,
  });

async function withStore<T>(work: (store: DynamoCaseStore) => Promise<T>): Promise<T> {
  const dynamo = await startEmbeddedDynamo({ path: join(data, 'db') });
  try {
    return await work(new DynamoCaseStore(documentClient(dynamo.client), dynamo.table));
  } finally {
    await dynamo.close();
  }
}

beforeAll(async () => {
  await withStore(async (store) => {
    await store.createCase(opened('SSP-2026-0001'));
    await store.createCase(opened('SSP-2026-0002'));
    await store.createCase(opened('SSP-2026-0003'));
  });
});

describe('escalations case, on the local store serve keeps', () => {
  it('lists the open cases', async () => {
    const { code, stdout, stderr } = await run('case', 'list', '--data', data);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^3 open case\(s\); 0 review\(s\) waiting\.\nSSP-2026-0001 {2}stage 2 {2}opened /);
  });

  it('stage: writes a corrected entry naming the admin, and books the new stage’s reminders for serve', async () => {
    const { code, stdout, stderr } = await run('case', 'stage', 'SSP-2026-0001', '3', '--by', 'sam', '--data', data);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toBe('SSP-2026-0001: corrected\n- moved from stage 2 to stage 3\n');
    const stored = await withStore((store) => store.getCase('SSP-2026-0001'));
    expect(stored).toMatchObject({ stage: '3' });
    expect(stored?.history.at(-1)).toMatchObject({ event: 'corrected', from: 'admin:sam', note: '#stage 3' });
    const pending = JSON.parse(readFileSync(join(data, 'reminders.json'), 'utf8')) as { caseRef: string; reminderId: string }[];
    const mine = pending.filter((r) => r.caseRef === 'SSP-2026-0001').map((r) => r.reminderId);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((id) => id.includes('/stage-3-') || id.includes('/overall-'))).toBe(true);
  });

  it('resolve, reopen, withdraw and merge, each through the corrections use case', async () => {
    expect((await run('case', 'resolve', 'SSP-2026-0002', '--data', data)).stdout).toBe(
      'SSP-2026-0002: corrected\n- resolved at stage 2\n',
    );
    expect((await run('case', 'reopen', 'SSP-2026-0002', '--data', data)).code).toBe(0);
    expect((await run('case', 'merge', 'SSP-2026-0003', 'SSP-2026-0002', '--data', data)).code).toBe(0);
    expect((await run('case', 'withdraw', 'SSP-2026-0001', '--data', data)).code).toBe(0);
    const [one, two, three] = await withStore((store) =>
      Promise.all(['SSP-2026-0001', 'SSP-2026-0002', 'SSP-2026-0003'].map((ref) => store.getCase(ref))),
    );
    expect([one?.status, two?.status, three?.status]).toEqual(['withdrawn', 'open', 'withdrawn']);
    expect(two?.messages).toEqual(['<SSP-2026-0002@x>', '<SSP-2026-0003@x>']);
    const pending = JSON.parse(readFileSync(join(data, 'reminders.json'), 'utf8')) as { caseRef: string }[];
    expect(pending.filter((r) => r.caseRef !== 'SSP-2026-0002')).toEqual([]);
    const shown = JSON.parse((await run('case', 'show', 'SSP-2026-0003', '--data', data)).stdout) as {
      status: string;
      history: { event: string }[];
    };
    expect(shown.status).toBe('withdrawn');
    expect(shown.history.map((h) => h.event)).toEqual(['opened', 'merged']);
  });

  it.each([
    [['case', 'stage', 'SSP-2026-0002', '9'], /nothing changed: .*has no stage 9/],
    [['case', 'merge', 'SSP-2026-0002', 'SSP-2026-0002'], /nothing changed: case SSP-2026-0002 cannot be merged into itself/],
    [['case', 'merge', 'SSP-2026-0002', 'SSP-2026-0001'], /nothing changed: case SSP-2026-0001 is withdrawn/],
    [['case', 'show', 'SSP-2026-0999'], /there is no case SSP-2026-0999/],
    [['case', 'stage', 'ssp-1'], /'stage' takes <REF> <n>/],
    [['case', 'frobnicate'], /'frobnicate' is not a case command/],
    [['case', 'list', '--table', 'cases'], /--table and --region go together/],
  ])('refuses %j with a clear one-line error and changes nothing', async (argv, why) => {
    const before = await withStore((store) => Promise.all(['SSP-2026-0001', 'SSP-2026-0002'].map((ref) => store.getCase(ref))));
    const { code, stdout, stderr } = await run(...argv, '--data', data);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(why);
    expect(await withStore((store) => Promise.all(['SSP-2026-0001', 'SSP-2026-0002'].map((ref) => store.getCase(ref))))).toEqual(before);
  });
});

describe('escalations case, on a deployed table through the same adapter', () => {
  it('re-books the case’s schedule in the deployment’s Scheduler group, with the ingest function’s settings', async () => {
    const dynamo = await startDynamo();
    const scheduler = mockClient(SchedulerClient);
    try {
      const store = new DynamoCaseStore(dynamo.doc, dynamo.table);
      const MAILBOX = 'safeguardingpartnership@swindon-ssp.example';
      await store.createCase(opened('SSP-2026-0010', { mailbox: MAILBOX }));
      const env = await functionEnvironment(dynamo, MAILBOX);
      process.env.AWS_ENDPOINT_URL_DYNAMODB = env.AWS_ENDPOINT_URL_DYNAMODB;
      process.env.AWS_ACCESS_KEY_ID = 'local';
      process.env.AWS_SECRET_ACCESS_KEY = 'local';
      const envFile = join(data, 'ingest-env.json');
      writeFileSync(
        envFile,
        JSON.stringify({
          DEPLOYMENT: env.DEPLOYMENT,
          SCHEDULE_GROUP: 'escalation-reminders',
          REMIND_FUNCTION_ARN: 'arn:aws:lambda:eu-west-2:123456789012:function:Remind',
          SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/SchedulerInvokeRemind',
          REMINDER_DLQ_ARN: 'arn:aws:sqs:eu-west-2:123456789012:reminders-dlq',
          REMINDER_MAX_RETRIES: '4',
          REMINDER_MAX_EVENT_AGE_SECONDS: '3600',
        }),
      );
      scheduler
        .on(UpdateScheduleCommand)
        .resolves({ ScheduleArn: 'arn:aws:scheduler:eu-west-2:123456789012:schedule/escalation-reminders/SSP-2026-0010' });
      const { code, stdout, stderr } = await run(
        'case',
        'stage',
        'SSP-2026-0010',
        '4',
        '--by',
        'sam',
        '--table',
        dynamo.table,
        '--region',
        'eu-west-2',
        '--function-env',
        envFile,
      );
      expect([code, stderr]).toEqual([0, '']);
      expect(stdout).toContain('moved from stage 2 to stage 4');
      expect(await store.getCase('SSP-2026-0010')).toMatchObject({ stage: '4' });
      // The case's one schedule, made right (a correction does not know what was booked): one update.
      expect(scheduler.calls()).toHaveLength(1);
      expect(scheduler.commandCalls(UpdateScheduleCommand)[0]?.args[0].input).toMatchObject({
        Name: 'SSP-2026-0010',
        GroupName: 'escalation-reminders',
        Target: { RoleArn: 'arn:aws:iam::123456789012:role/SchedulerInvokeRemind' },
      });
    } finally {
      scheduler.restore();
      delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
      await dynamo.close();
    }
  });
});
