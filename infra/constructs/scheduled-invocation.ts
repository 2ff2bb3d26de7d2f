import { Duration, Stack } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, type ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export interface ScheduledInvocationProps {
  /** What the function does, for the role's description: "the weekly digest function". */
  target: string;
  description: string;
  schedule: ScheduleExpression;
  /** Where Scheduler puts an invocation it could not deliver. */
  deadLetterQueue: IQueue;
}

/**
 * A function invoked on a schedule (`{}` as its event) by a role of its own that may invoke it and
 * nothing else, assumed only by this account's Scheduler: retried for six hours, then dead-lettered.
 */
export function scheduledInvocation(scope: Construct, fn: IFunction, props: ScheduledInvocationProps): { role: Role; schedule: Schedule } {
  const role = new Role(scope, 'SchedulerRole', {
    assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } },
    }),
    description: `EventBridge Scheduler invokes ${props.target}, and nothing else`,
  });
  const schedule = new Schedule(scope, 'Schedule', {
    description: props.description,
    schedule: props.schedule,
    target: new LambdaInvoke(fn, {
      role,
      input: ScheduleTargetInput.fromObject({}),
      retryAttempts: 4,
      maxEventAge: Duration.hours(6),
      deadLetterQueue: props.deadLetterQueue,
    }),
  });
  return { role, schedule };
}
