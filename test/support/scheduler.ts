import type { SchedulerSettings } from '../../lib/aws/scheduler-reminder-book.js';

/** A deployment's Scheduler settings, for books whose client is a stand-in. */
export const SCHEDULER_SETTINGS: SchedulerSettings = {
  groupName: 'g',
  targetArn: 'arn:aws:lambda:eu-west-2:1:function:remind',
  roleArn: 'arn:aws:iam::1:role/r',
  deadLetterArn: 'arn:aws:sqs:eu-west-2:1:d',
  maximumRetryAttempts: 4,
  maximumEventAgeInSeconds: 3600,
};
