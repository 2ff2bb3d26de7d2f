import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
  type SchedulerClient,
} from '@aws-sdk/client-scheduler';
import type { DateTime } from 'luxon';
import type { Case } from '../cases/case.js';
import type { Policy } from '../policy/schema.js';
import type { Clock, ReminderBook } from '../ports.js';
import { planReminders, scheduleName, type PlannedReminder } from '../reminders/plan.js';
// A reminder due this soon is sent at once: Scheduler may refuse an `at()` in the past.
import { SENT_EARLY_BY_AT_MOST_MS, type ReminderRequest } from '../remind.js';

export interface SchedulerSettings {
  groupName: string;
  /** The remind function. */
  targetArn: string;
  /** The role Scheduler assumes: it may invoke the remind function and nothing else. */
  roleArn: string;
  deadLetterArn: string;
  /** Scheduler's own retries of a failed invocation; the function's async retries add to these. */
  maximumRetryAttempts: number;
  maximumEventAgeInSeconds: number;
}

/**
 * One one-time EventBridge Scheduler schedule per planned reminder, in the deployment's group,
 * deleted after it runs. `sync` makes Scheduler match the plan: it creates what is missing
 * (updating on a name conflict) and deletes what is obsolete (one already gone is fine).
 * What is booked already follows from the case as it was read before the change (schedule names
 * are deterministic), so the message path lists nothing: a follow-up that changes no deadline
 * costs no call, a stage change a create per new reminder and a delete per old one. Only a
 * sync without that case (a retry that may follow a failed sync, a re-sync) lists the case's
 * schedules by their name prefix. One schedule per reminder rather than one per case holding its
 * next: each is independent and re-checked when it fires, and the remind function needs no
 * Scheduler rights (docs/performance.md, 'Requests per message').
 */
export class SchedulerReminderBook implements ReminderBook {
  constructor(
    private readonly scheduler: SchedulerClient,
    private readonly settings: SchedulerSettings,
    private readonly clock: Clock,
    private readonly closureDays: readonly string[],
    /** Sends a reminder that is due now instead of booking it. */
    private readonly sendNow: (request: ReminderRequest) => Promise<unknown>,
  ) {}

  async sync(current: Case, policy: Policy, previous?: Case | null): Promise<void> {
    const now = this.clock.now();
    const { booked: wanted, dueNow } = this.split(current, policy, now);
    const existing =
      previous === undefined
        ? await this.existingNames(current.ref)
        : new Set(previous === null ? [] : this.split(previous, policy, now).booked.keys());
    for (const [name, reminder] of wanted) if (!existing.has(name)) await this.book(name, reminder, policy);
    for (const name of existing) if (!wanted.has(name)) await this.remove(name);
    // Due now under this change only: one the previous plan had due now was sent by its own sync.
    const sentBefore = new Set(previous ? this.split(previous, policy, now).dueNow.map((r) => r.id) : []);
    for (const reminder of dueNow) {
      if (!sentBefore.has(reminder.id)) await this.sendNow({ caseRef: reminder.caseRef, reminderId: reminder.id });
    }
  }

  /** A case's plan: the reminders to book, by schedule name, and those due too soon to book (sent at once). */
  private split(current: Case, policy: Policy, now: DateTime): { booked: Map<string, PlannedReminder>; dueNow: PlannedReminder[] } {
    const plan = planReminders(current, policy, now, { closureDays: this.closureDays });
    const dueNow = plan.filter((r) => r.at.toMillis() - now.toMillis() <= SENT_EARLY_BY_AT_MOST_MS);
    return { booked: new Map(plan.filter((r) => !dueNow.includes(r)).map((r) => [scheduleName(r), r])), dueNow };
  }

  /** The schedule that sends one reminder. */
  scheduleInput(name: string, reminder: PlannedReminder, policy: Policy): CreateScheduleCommandInput {
    const input: ReminderRequest = { caseRef: reminder.caseRef, reminderId: reminder.id };
    return {
      Name: name,
      GroupName: this.settings.groupName,
      ScheduleExpression: `at(${reminder.at.setZone(policy.timezone).toFormat("yyyy-MM-dd'T'HH:mm:ss")})`,
      ScheduleExpressionTimezone: policy.timezone,
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      Description: `${reminder.kind} reminder for ${reminder.caseRef}`,
      Target: {
        Arn: this.settings.targetArn,
        RoleArn: this.settings.roleArn,
        Input: JSON.stringify(input),
        RetryPolicy: {
          MaximumRetryAttempts: this.settings.maximumRetryAttempts,
          MaximumEventAgeInSeconds: this.settings.maximumEventAgeInSeconds,
        },
        DeadLetterConfig: { Arn: this.settings.deadLetterArn },
      },
    };
  }

  private async book(name: string, reminder: PlannedReminder, policy: Policy): Promise<void> {
    const input = this.scheduleInput(name, reminder, policy);
    try {
      await this.scheduler.send(new CreateScheduleCommand(input));
    } catch (error) {
      if (!(error instanceof ConflictException)) throw error;
      await this.scheduler.send(new UpdateScheduleCommand(input)); // booked meanwhile by a retry: make it match
    }
  }

  private async remove(name: string): Promise<void> {
    try {
      await this.scheduler.send(new DeleteScheduleCommand({ Name: name, GroupName: this.settings.groupName }));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error; // ran and deleted itself, or deleted by a retry
    }
  }

  private async existingNames(ref: string): Promise<Set<string>> {
    const names = new Set<string>();
    let token: string | undefined;
    do {
      const page = await this.scheduler.send(
        new ListSchedulesCommand({ GroupName: this.settings.groupName, NamePrefix: `${ref}.`, ...(token ? { NextToken: token } : {}) }),
      );
      for (const schedule of page.Schedules ?? []) if (schedule.Name) names.add(schedule.Name);
      token = page.NextToken;
    } while (token);
    return names;
  }
}
