import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { SchedulerReminderBook } from '../../../lib/aws/scheduler-reminder-book.js';
import type { Case } from '../../../lib/cases/case.js';
import { builtInPolicy } from '../../../lib/policy/registry.js';
import { planReminders, scheduleName } from '../../../lib/reminders/plan.js';
import type { ReminderRequest } from '../../../lib/remind.js';
import { aCase } from '../../support/case.js';
import { FixedClock } from '../../support/fakes.js';

const scheduler = mockClient(SchedulerClient);
const policy = builtInPolicy('swindon');
const settings = {
  groupName: 'escalation-reminders',
  targetArn: 'arn:aws:lambda:eu-west-2:123456789012:function:Remind',
  roleArn: 'arn:aws:iam::123456789012:role/SchedulerInvokeRemind',
  deadLetterArn: 'arn:aws:sqs:eu-west-2:123456789012:reminders-dlq',
  maximumRetryAttempts: 4,
  maximumEventAgeInSeconds: 3600,
};
const clock = new FixedClock(DateTime.fromISO('2026-11-09T09:00', { zone: 'Europe/London' }));
const sentNow: ReminderRequest[] = [];
const book = new SchedulerReminderBook(new SchedulerClient({ region: 'eu-west-2' }), settings, clock, [], (request) => {
  sentNow.push(request);
  return Promise.resolve();
});

const atStage = (stage: string, started: string): Case =>
  aCase({
    stage,
    openedAt: '2026-11-02T10:15:00.000Z',
    stageStartedAt: DateTime.fromISO(started, { zone: 'Europe/London' }).toUTC().toISO() ?? '',
  });
const namesOf = (c: Case) => planReminders(c, policy, clock.now(), { closureDays: [] }).map(scheduleName);
const calls = () => ({
  list: scheduler.commandCalls(ListSchedulesCommand).length,
  create: scheduler.commandCalls(CreateScheduleCommand).length,
  update: scheduler.commandCalls(UpdateScheduleCommand).length,
  delete: scheduler.commandCalls(DeleteScheduleCommand).length,
});

beforeEach(() => {
  scheduler.reset();
  sentNow.length = 0;
  clock.set('2026-11-09T09:00');
});

describe('SchedulerReminderBook', () => {
  it('books each reminder as a one-time schedule in London time, with its retry policy, dead-letter queue and deletion after completion', async () => {
    scheduler.on(ListSchedulesCommand).resolves({ Schedules: [] });
    const stage3 = atStage('3', '2026-11-09T09:00');
    await book.sync(stage3, policy);
    const inputs = scheduler.commandCalls(CreateScheduleCommand).map((call) => call.args[0].input);
    expect(scheduler.commandCalls(ListSchedulesCommand)[0]?.args[0].input).toEqual({
      GroupName: 'escalation-reminders',
      NamePrefix: 'SSP-2026-0001.',
    });
    expect(inputs.map((i) => i.ScheduleExpression)).toEqual([
      'at(2026-11-13T09:00:00)',
      'at(2026-11-17T09:00:00)',
      'at(2026-11-24T09:00:00)',
      'at(2026-11-26T09:00:00)',
    ]);
    const [dueSoon] = planReminders(stage3, policy, clock.now(), { closureDays: [] });
    expect(inputs[0]).toEqual({
      Name: scheduleName(dueSoon ?? { id: '', caseRef: '' }),
      GroupName: 'escalation-reminders',
      ScheduleExpression: 'at(2026-11-13T09:00:00)',
      ScheduleExpressionTimezone: 'Europe/London',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      Description: 'due-soon reminder for SSP-2026-0001',
      Target: {
        Arn: settings.targetArn,
        RoleArn: settings.roleArn,
        Input: JSON.stringify({ caseRef: 'SSP-2026-0001', reminderId: dueSoon?.id }),
        RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: settings.deadLetterArn },
      },
    });
  });

  it('is idempotent: a second sync with everything booked costs one list', async () => {
    const c = atStage('3', '2026-11-09T09:00');
    scheduler.on(ListSchedulesCommand).resolves({ Schedules: namesOf(c).map((Name) => ({ Name })) });
    await book.sync(c, policy);
    expect(calls()).toEqual({ list: 1, create: 0, update: 0, delete: 0 });
  });

  it('on a stage change deletes the old stage’s schedules, books the new ones and keeps the overall ones', async () => {
    const before = atStage('3', '2026-11-09T09:00');
    clock.set('2026-11-12T11:00');
    const after = atStage('4', '2026-11-12T11:00');
    scheduler.on(ListSchedulesCommand).resolves({ Schedules: namesOf(before).map((Name) => ({ Name })) });
    await book.sync(after, policy);
    console.log(`Scheduler calls for a stage change: ${JSON.stringify(calls())}`);
    expect(calls()).toEqual({ list: 1, create: 2, update: 0, delete: 2 });
    expect(scheduler.commandCalls(DeleteScheduleCommand).map((c) => c.args[0].input.Name)).toEqual(namesOf(before).slice(0, 2));
  });

  it('deletes everything of a resolved case, and a schedule already gone is fine', async () => {
    const c = atStage('3', '2026-11-09T09:00');
    scheduler.on(ListSchedulesCommand).resolves({ Schedules: namesOf(c).map((Name) => ({ Name })) });
    scheduler
      .on(DeleteScheduleCommand)
      .rejectsOnce(new ResourceNotFoundException({ message: 'gone', Message: 'gone', $metadata: {} }))
      .resolves({});
    await book.sync({ ...c, status: 'resolved' }, policy);
    expect(calls()).toEqual({ list: 1, create: 0, update: 0, delete: 4 });
  });

  it('updates a schedule whose name another sync booked first', async () => {
    scheduler.on(ListSchedulesCommand).resolves({ Schedules: [] });
    scheduler
      .on(CreateScheduleCommand)
      .rejectsOnce(new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} }))
      .resolves({ ScheduleArn: 'arn' });
    await book.sync(atStage('3', '2026-11-09T09:00'), policy);
    expect(calls()).toMatchObject({ create: 4, update: 1 });
    expect(scheduler.commandCalls(UpdateScheduleCommand)[0]?.args[0].input).toEqual(
      scheduler.commandCalls(CreateScheduleCommand)[0]?.args[0].input,
    );
  });

  it('reads every page of a long list', async () => {
    scheduler
      .on(ListSchedulesCommand)
      .resolvesOnce({ Schedules: [{ Name: 'SSP-2026-0001.old1' }], NextToken: 'next' })
      .resolvesOnce({ Schedules: [{ Name: 'SSP-2026-0001.old2' }] });
    await book.sync({ ...atStage('3', '2026-11-09T09:00'), status: 'resolved' }, policy);
    expect(scheduler.commandCalls(ListSchedulesCommand)[1]?.args[0].input).toMatchObject({ NextToken: 'next' });
    expect(scheduler.commandCalls(DeleteScheduleCommand).map((c) => c.args[0].input.Name)).toEqual([
      'SSP-2026-0001.old1',
      'SSP-2026-0001.old2',
    ]);
  });

  it('given the case as it was read, lists nothing: a new case books its plan, an unchanged one costs no call', async () => {
    const c = atStage('3', '2026-11-09T09:00');
    await book.sync(c, policy, null);
    expect(calls()).toEqual({ list: 0, create: 4, update: 0, delete: 0 });
    scheduler.reset();
    await book.sync({ ...c, version: 2 }, policy, c);
    expect(calls()).toEqual({ list: 0, create: 0, update: 0, delete: 0 });
  });

  it('given the case as it was read, a stage change drops the old stage’s schedules and books the new ones, with no list', async () => {
    const before = atStage('3', '2026-11-09T09:00');
    clock.set('2026-11-12T11:00');
    const after = atStage('4', '2026-11-12T11:00');
    await book.sync(after, policy, before);
    expect(calls()).toEqual({ list: 0, create: 2, update: 0, delete: 2 });
    expect(scheduler.commandCalls(DeleteScheduleCommand).map((c) => c.args[0].input.Name)).toEqual(namesOf(before).slice(0, 2));
    expect(scheduler.commandCalls(CreateScheduleCommand).map((c) => c.args[0].input.Name)).toEqual(namesOf(after).slice(0, 2));
  });

  it('given the case as it was read, a resolution deletes what its plan booked', async () => {
    const c = atStage('3', '2026-11-09T09:00');
    await book.sync({ ...c, status: 'resolved' }, policy, c);
    expect(calls()).toEqual({ list: 0, create: 0, update: 0, delete: 4 });
    expect(scheduler.commandCalls(DeleteScheduleCommand).map((d) => d.args[0].input.Name)).toEqual(namesOf(c));
  });

  it('sends at once only what this change made due: what the case as read had due was sent by its own sync', async () => {
    clock.set('2026-11-13T08:59:30');
    const c = atStage('3', '2026-11-09T09:00');
    await book.sync({ ...c, version: 2 }, policy, c);
    expect(sentNow).toEqual([]);
    await book.sync(c, policy, null);
    expect(sentNow).toHaveLength(1);
  });

  it('sends at once a reminder due within the minute instead of booking it', async () => {
    scheduler.on(ListSchedulesCommand).resolves({ Schedules: [] });
    clock.set('2026-11-13T08:59:30');
    const c = atStage('3', '2026-11-09T09:00');
    await book.sync(c, policy);
    expect(sentNow).toEqual([{ caseRef: 'SSP-2026-0001', reminderId: planReminders(c, policy, clock.now(), { closureDays: [] })[0]?.id }]);
    expect(scheduler.commandCalls(CreateScheduleCommand).map((call) => call.args[0].input.ScheduleExpression)).toEqual([
      'at(2026-11-17T09:00:00)',
      'at(2026-11-24T09:00:00)',
      'at(2026-11-26T09:00:00)',
    ]);
  });
});
