import type { SchedulerClient } from '@aws-sdk/client-scheduler';
import { DateTime } from 'luxon';
import { DynamoCaseStore } from '../lib/aws/dynamo-case-store.js';
import { SchedulerReminderBook } from '../lib/aws/scheduler-reminder-book.js';
import { ingest } from '../lib/ingest.js';
import { Outbox } from '../lib/local/outbox.js';
import { VirtualClock } from '../lib/local/virtual-clock.js';
import { remind, type ReminderRequest } from '../lib/remind.js';
import { allReminders } from '../lib/reminders/plan.js';
import { startDynamo } from '../test/support/dynalite.js';
import { SCHEDULER_SETTINGS } from '../test/support/scheduler.js';
import { deployment, MAILBOX, policy } from './deployment.js';

/**
 * Scheduler cannot run here: a stand-in that keeps the schedules it is given (so that what the
 * bench fires is what was booked) and counts every call by command.
 */
function countingScheduler() {
  const schedules = new Map<string, string>();
  const calls = new Map<string, number>();
  const client = {
    send: (command: { constructor: { name: string }; input: { Name?: string; NamePrefix?: string; Target?: { Input?: string } } }) => {
      const name = command.constructor.name.replace(/Command$/, '');
      calls.set(name, (calls.get(name) ?? 0) + 1);
      const { input } = command;
      if (name === 'CreateSchedule' || name === 'UpdateSchedule') schedules.set(input.Name ?? '', input.Target?.Input ?? '');
      if (name === 'DeleteSchedule') schedules.delete(input.Name ?? '');
      if (name === 'ListSchedules') {
        return Promise.resolve({
          Schedules: [...schedules.keys()].filter((n) => n.startsWith(input.NamePrefix ?? '')).map((Name) => ({ Name })),
        });
      }
      if (name === 'GetSchedule') return Promise.resolve({ Name: input.Name, Target: { Input: schedules.get(input.Name ?? '') } });
      return Promise.resolve({});
    },
  };
  return { client: client as unknown as SchedulerClient, schedules, calls };
}

const mail = (headers: Record<string, string>, body: string) =>
  Buffer.from(
    `${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n')}\r\n\r\n${body}\r\n`,
  );

/**
 * DynamoDB requests and Scheduler calls for each kind of message ingest sees, through the real
 * adapters (DynamoDB on the embedded server), and for one reminder firing that sends. Goals:
 * first 6/1, follow-up 4/0, stage change 4/1, resolution 5/1, duplicate 1/0; remind 2. Where
 * they stand and why: docs/performance.md, 'Requests per message'.
 */
export async function benchRequests(): Promise<Record<string, unknown>> {
  const dynamo = await startDynamo();
  try {
    const store = new DynamoCaseStore(dynamo.doc, dynamo.table);
    const scheduler = countingScheduler();
    const clock = new VirtualClock(DateTime.fromISO('2026-11-02T10:00:00Z'));
    const settings = SCHEDULER_SETTINGS;
    const mailer = new Outbox(clock);
    const reminders = new SchedulerReminderBook(scheduler.client, settings, clock, [], () => Promise.resolve());
    const deps = { store, mailer, reminders, clock, deployment };
    const thread = { From: 'Asha Khan <asha.khan@council.example>', To: 'Ben Lee <ben.lee@nhs.example>', Cc: MAILBOX };
    const messages = {
      first: mail(
        { ...thread, Subject: 'Professional disagreement', 'Message-ID': '<m1@council.example>', Date: 'Mon, 2 Nov 2026 10:00:00 +0000' },
        'I am raising a professional disagreement at Stage 2 of the resolution policy about the decision to close the case.',
      ),
      followUp: mail(
        {
          ...thread,
          Subject: 'RE: Professional disagreement',
          'Message-ID': '<m2@nhs.example>',
          'In-Reply-To': '<m1@council.example>',
          References: '<m1@council.example>',
          Date: 'Mon, 2 Nov 2026 14:00:00 +0000',
        },
        'Thanks, I will look at the chronology and come back to you tomorrow.',
      ),
      stageChange: mail(
        {
          ...thread,
          Subject: 'RE: Professional disagreement',
          'Message-ID': '<m3@council.example>',
          'In-Reply-To': '<m2@nhs.example>',
          References: '<m1@council.example> <m2@nhs.example>',
          Date: 'Wed, 4 Nov 2026 10:00:00 +0000',
        },
        'We could not agree, so I am escalating this to Stage 3.',
      ),
      resolution: mail(
        {
          ...thread,
          Subject: 'RE: Professional disagreement',
          'Message-ID': '<m4@nhs.example>',
          'In-Reply-To': '<m3@council.example>',
          References: '<m1@council.example> <m3@council.example>',
          Date: 'Thu, 5 Nov 2026 10:00:00 +0000',
        },
        'Our managers met this morning. The disagreement has been resolved.',
      ),
    };
    const outcomes: string[] = [];
    const counted = async (work: () => Promise<unknown>) => {
      dynamo.resetCount();
      scheduler.calls.clear();
      const result = await work();
      if (result && typeof result === 'object' && 'outcome' in result) outcomes.push(String(result.outcome));
      return {
        commands: { ...Object.fromEntries(dynamo.requests), ...Object.fromEntries(scheduler.calls) },
        dynamo: dynamo.requestCount(),
        scheduler: [...scheduler.calls.values()].reduce((a, b) => a + b, 0),
      };
    };
    const at = (iso: string) => {
      clock.advanceTo(DateTime.fromISO(iso));
    };
    const first = await counted(() => ingest({ raw: messages.first, recipients: [MAILBOX] }, deps));
    const duplicate = await counted(() => ingest({ raw: messages.first, recipients: [MAILBOX] }, deps));
    at('2026-11-02T14:00:00Z');
    const followUp = await counted(() => ingest({ raw: messages.followUp, recipients: [MAILBOX] }, deps));
    at('2026-11-04T10:00:00Z');
    const stageChange = await counted(() => ingest({ raw: messages.stageChange, recipients: [MAILBOX] }, deps));
    const booked = [...scheduler.schedules.values()].map((input) => JSON.parse(input) as ReminderRequest)[0];
    // Fired at its time, so that the firing counted is one that sends and books the next: the re-read, the claim, the mark.
    const bookedCase = booked ? await store.getCase(booked.caseRef) : null;
    const due = bookedCase && allReminders(bookedCase, policy, deployment).find((r) => r.id === booked?.reminderId);
    const firingClock = new VirtualClock(due ? due.at : clock.now());
    const firingBook = new SchedulerReminderBook(scheduler.client, settings, firingClock, [], () => Promise.resolve());
    const firing =
      booked && due
        ? await counted(() => remind(booked, { store, mailer, deployment, clock: firingClock, reminders: firingBook }))
        : { dynamo: -1, scheduler: -1, commands: {} };
    at('2026-11-05T10:00:00Z');
    const resolution = await counted(() => ingest({ raw: messages.resolution, recipients: [MAILBOX] }, deps));
    const kinds = { first, followUp, stageChange, resolution, duplicate };
    return {
      bench: 'requests',
      // What ingest made of each message, so that a count is never read for the wrong path.
      outcomes: outcomes.join(','),
      dynamoRequests: Object.fromEntries(Object.entries(kinds).map(([kind, count]) => [kind, count.dynamo])),
      schedulerCalls: Object.fromEntries(Object.entries(kinds).map(([kind, count]) => [kind, count.scheduler])),
      dynamoRequestsGoal: { first: 6, followUp: 4, stageChange: 4, resolution: 5, duplicate: 1 },
      schedulerCallsGoal: { first: 1, followUp: 0, stageChange: 1, resolution: 1, duplicate: 0 },
      remindDynamoRequests: firing.dynamo,
      remindDynamoRequestsGoal: 2,
      // Books the case's next reminder on its one schedule.
      remindSchedulerCalls: firing.scheduler,
      // Each request by command, to read a count by (docs/performance.md, 'Requests per message').
      commands: Object.fromEntries(Object.entries({ ...kinds, remind: firing }).map(([kind, count]) => [kind, count.commands])),
    };
  } finally {
    await dynamo.close();
  }
}
