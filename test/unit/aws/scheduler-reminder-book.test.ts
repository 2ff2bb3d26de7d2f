import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
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
import { inSendingOrder } from '../../../lib/reminders/booking.js';
import { planReminders } from '../../../lib/reminders/plan.js';
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
const calls = () => ({
  create: scheduler.commandCalls(CreateScheduleCommand).length,
  update: scheduler.commandCalls(UpdateScheduleCommand).length,
  delete: scheduler.commandCalls(DeleteScheduleCommand).length,
});
const bookedInput = () =>
  [...scheduler.commandCalls(CreateScheduleCommand), ...scheduler.commandCalls(UpdateScheduleCommand)].map((c) => c.args[0].input).at(-1);
const bookedRequest = () => JSON.parse(bookedInput()?.Target?.Input ?? '{}') as ReminderRequest;
const notFound = () => new ResourceNotFoundException({ message: 'gone', Message: 'gone', $metadata: {} });
const conflict = () => new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} });

beforeEach(() => {
  scheduler.reset();
  sentNow.length = 0;
  clock.set('2026-11-09T09:00');
});

describe('SchedulerReminderBook: one schedule per case', () => {
  it('books a new case with one create: its first reminder, at London time, with the cursor, retry policy and dead-letter queue, kept after it runs', async () => {
    const stage3 = atStage('3', '2026-11-09T09:00');
    await book.sync(stage3, policy, null);
    expect(calls()).toEqual({ create: 1, update: 0, delete: 0 });
    const [first] = planReminders(stage3, policy, clock.now(), { closureDays: [] });
    expect(bookedInput()).toEqual({
      Name: 'SSP-2026-0001',
      GroupName: 'escalation-reminders',
      ScheduleExpression: 'at(2026-11-13T09:00:00)',
      ScheduleExpressionTimezone: 'Europe/London',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'NONE',
      State: 'ENABLED',
      Description: 'next reminder for SSP-2026-0001: due-soon',
      Target: {
        Arn: settings.targetArn,
        RoleArn: settings.roleArn,
        Input: JSON.stringify({ caseRef: 'SSP-2026-0001', reminderId: first?.id, after: '2026-11-09T09:01:00.000Z' }),
        RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: settings.deadLetterArn },
      },
    });
  });

  it('costs no call when a change moves no reminder', async () => {
    const c = atStage('3', '2026-11-09T09:00');
    await book.sync({ ...c, version: 2 }, policy, c);
    expect(calls()).toEqual({ create: 0, update: 0, delete: 0 });
  });

  it('on a stage change updates the case’s schedule to the new stage’s first reminder, with one call', async () => {
    const before = atStage('3', '2026-11-09T09:00');
    clock.set('2026-11-12T11:00');
    const after = atStage('4', '2026-11-12T11:00');
    await book.sync(after, policy, before);
    expect(calls()).toEqual({ create: 0, update: 1, delete: 0 });
    expect(bookedRequest().reminderId).toBe(inSendingOrder(after, policy, { closureDays: [] }).find((r) => r.at > clock.now())?.id);
  });

  it('deletes the schedule of a case that closes, with one call; one already gone is fine', async () => {
    const c = atStage('3', '2026-11-09T09:00');
    await book.sync({ ...c, status: 'resolved', resolvedAt: '2026-11-09T09:00:00.000Z' }, policy, c);
    scheduler.on(DeleteScheduleCommand).rejects(notFound());
    await book.sync({ ...c, status: 'withdrawn', resolvedAt: '2026-11-09T09:00:00.000Z' }, policy, c);
    expect(calls()).toEqual({ create: 0, update: 0, delete: 2 });
    expect(scheduler.commandCalls(DeleteScheduleCommand)[0]?.args[0].input).toEqual({
      Name: 'SSP-2026-0001',
      GroupName: 'escalation-reminders',
    });
  });

  it('costs nothing for a message on a case closed already', async () => {
    const closed = { ...atStage('3', '2026-11-09T09:00'), status: 'resolved' as const, resolvedAt: '2026-11-09T09:00:00.000Z' };
    await book.sync({ ...closed, version: 2 }, policy, closed);
    expect(calls()).toEqual({ create: 0, update: 0, delete: 0 });
  });

  it('creates, then updates, when a retry or a race created the schedule of a new case first', async () => {
    scheduler.on(CreateScheduleCommand).rejectsOnce(conflict()).resolves({ ScheduleArn: 'arn' });
    await book.sync(atStage('3', '2026-11-09T09:00'), policy, null);
    expect(calls()).toEqual({ create: 1, update: 1, delete: 0 });
    expect(scheduler.commandCalls(UpdateScheduleCommand)[0]?.args[0].input).toEqual(
      scheduler.commandCalls(CreateScheduleCommand)[0]?.args[0].input,
    );
  });

  it('updates, then creates, when the schedule of a case that had one is gone', async () => {
    scheduler.on(UpdateScheduleCommand).rejectsOnce(notFound()).resolves({ ScheduleArn: 'arn' });
    const before = atStage('3', '2026-11-09T09:00');
    clock.set('2026-11-12T11:00');
    await book.sync(atStage('4', '2026-11-12T11:00'), policy, before);
    expect(calls()).toEqual({ create: 1, update: 1, delete: 0 });
  });

  it('not knowing what was booked (a retry, a re-sync), makes the schedule right with an update, and deletes it when nothing is left', async () => {
    const c = atStage('3', '2026-11-09T09:00');
    await book.sync(c, policy);
    expect(calls()).toEqual({ create: 0, update: 1, delete: 0 });
    clock.set('2027-06-01T10:00');
    await book.sync(c, policy);
    expect(calls()).toEqual({ create: 0, update: 1, delete: 1 });
  });

  it('sends at once only what this change made due, and books the reminder after it', async () => {
    clock.set('2026-11-13T08:59:30');
    const c = atStage('3', '2026-11-09T09:00');
    await book.sync({ ...c, version: 2 }, policy, c);
    expect(sentNow).toEqual([]);
    await book.sync(c, policy, null);
    expect(sentNow).toEqual([{ caseRef: 'SSP-2026-0001', reminderId: planReminders(c, policy, clock.now(), { closureDays: [] })[0]?.id }]);
    expect(bookedInput()?.ScheduleExpression).toBe('at(2026-11-17T09:00:00)');
    expect(bookedRequest().after).toBe('2026-11-13T09:00:30.000Z');
  });
});

describe('SchedulerReminderBook: after a firing', () => {
  it('updates the schedule to the next reminder with the cursor given, in one call', async () => {
    const c = atStage('3', '2026-11-09T09:00');
    clock.set('2026-11-13T09:00');
    await book.bookNext(c, policy, clock.now());
    expect(calls()).toEqual({ create: 0, update: 1, delete: 0 });
    expect(bookedInput()?.ScheduleExpression).toBe('at(2026-11-17T09:00:00)');
    expect(bookedRequest().after).toBe('2026-11-13T09:00:00.000Z');
  });

  it('creates the schedule again when it is gone', async () => {
    scheduler.on(UpdateScheduleCommand).rejectsOnce(notFound());
    clock.set('2026-11-13T09:00');
    await book.bookNext(atStage('3', '2026-11-09T09:00'), policy, clock.now());
    expect(calls()).toEqual({ create: 1, update: 1, delete: 0 });
  });

  it('leaves the schedule alone when no reminder is left: a concurrent change may have booked it', async () => {
    clock.set('2027-06-01T10:00');
    await book.bookNext(atStage('3', '2026-11-09T09:00'), policy, clock.now());
    expect(calls()).toEqual({ create: 0, update: 0, delete: 0 });
  });

  it('passes a refusal on, so that the firing is retried', async () => {
    scheduler.on(UpdateScheduleCommand).rejects(new Error('Scheduler unavailable'));
    clock.set('2026-11-13T09:00');
    await expect(book.bookNext(atStage('3', '2026-11-09T09:00'), policy, clock.now())).rejects.toThrow('Scheduler unavailable');
  });
});
