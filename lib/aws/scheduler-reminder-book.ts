import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
  type SchedulerClient,
} from '@aws-sdk/client-scheduler';
import type { DateTime } from 'luxon';
import type { Case } from '../cases/case.js';
import type { Policy } from '../policy/schema.js';
import type { Clock, ReminderBook } from '../ports.js';
import { bookingChange, nextBooking, scheduleName, type Booking } from '../reminders/booking.js';
import { planReminders } from '../reminders/plan.js';
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
 * One one-time EventBridge Scheduler schedule per case, named by its reference, in the
 * deployment's group, naming the case's next reminder; the remind function moves it on to the
 * next when it fires (`bookNext`). It is kept after it runs (ActionAfterCompletion NONE), so that
 * the remind function's update finds it and no deletion by Scheduler races that update; it is
 * deleted when the case closes. What is booked follows from the case as it was read before the
 * change, so the message path lists nothing and books with one call: a new case creates its
 * schedule, a case that had one updates it (each falling back to the other when a retry or a
 * race got there first), a change that moves no reminder costs nothing
 * (docs/performance.md, 'Requests per message').
 */
export class SchedulerReminderBook implements ReminderBook {
  constructor(
    private readonly scheduler: SchedulerClient,
    private readonly settings: SchedulerSettings,
    private readonly clock: Clock,
    private readonly closureDays: readonly string[],
    /** Sends a reminder that is due now instead of booking it; the remind function, which only moves schedules on, has none. */
    private readonly sendNow: (request: ReminderRequest) => Promise<unknown> = () => Promise.resolve(),
  ) {}

  async sync(current: Case, policy: Policy, previous?: Case | null): Promise<void> {
    const now = this.clock.now();
    const horizon = now.plus({ milliseconds: SENT_EARLY_BY_AT_MOST_MS });
    const change = bookingChange(current, policy, previous, { horizon, after: horizon }, { closureDays: this.closureDays });
    if (change.kind === 'book') await this.book(change.booking, policy, change.exists ? 'update' : 'create');
    if (change.kind === 'drop') await this.remove(current.ref);
    // Due now under this change only: one the previous plan had due now was sent by its own sync.
    const dueNow = (of: Case) => planReminders(of, policy, now, { closureDays: this.closureDays }).filter((r) => r.at <= horizon);
    const sentBefore = new Set(previous ? dueNow(previous).map((r) => r.id) : []);
    for (const reminder of dueNow(current)) {
      if (!sentBefore.has(reminder.id)) await this.sendNow({ caseRef: reminder.caseRef, reminderId: reminder.id });
    }
  }

  async bookNext(current: Case, policy: Policy, after: DateTime): Promise<void> {
    const horizon = this.clock.now().plus({ milliseconds: SENT_EARLY_BY_AT_MOST_MS });
    const next = nextBooking(current, policy, horizon, after, { closureDays: this.closureDays });
    // It just fired, so it exists: an update, or a create when it was deleted meanwhile.
    if (next) await this.book(next, policy, 'update');
  }

  /** The case's schedule, naming one reminder. */
  scheduleInput(booking: Booking, policy: Policy): CreateScheduleCommandInput {
    const input: ReminderRequest = {
      caseRef: booking.caseRef,
      reminderId: booking.reminderId,
      after: booking.after.toUTC().toISO() ?? '',
    };
    return {
      Name: scheduleName(booking.caseRef),
      GroupName: this.settings.groupName,
      ScheduleExpression: `at(${booking.at.setZone(policy.timezone).toFormat("yyyy-MM-dd'T'HH:mm:ss")})`,
      ScheduleExpressionTimezone: policy.timezone,
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'NONE',
      State: 'ENABLED',
      Description: `next reminder for ${booking.caseRef}: ${booking.kind}`,
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

  /**
   * Create-or-update in one call on the common path: `first` is the call the case says will do
   * (create for a case that never booked, update for one that did); the other follows only when
   * a retry, a race or a deletion made it wrong.
   */
  private async book(booking: Booking, policy: Policy, first: 'create' | 'update'): Promise<void> {
    const input = this.scheduleInput(booking, policy);
    const create = async () => {
      try {
        await this.scheduler.send(new CreateScheduleCommand(input));
      } catch (error) {
        if (!(error instanceof ConflictException)) throw error;
        await this.scheduler.send(new UpdateScheduleCommand(input)); // booked meanwhile by a retry or a race: make it match
      }
    };
    if (first === 'create') return create();
    try {
      await this.scheduler.send(new UpdateScheduleCommand(input));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
      await create(); // gone (deleted by hand, or a case that never booked one)
    }
  }

  private async remove(ref: string): Promise<void> {
    try {
      await this.scheduler.send(new DeleteScheduleCommand({ Name: scheduleName(ref), GroupName: this.settings.groupName }));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error; // never booked, or deleted by a retry
    }
  }
}
