import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Alias } from 'aws-cdk-lib/aws-kms';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { InfraConfig } from './config.js';
import { Alarms } from './constructs/alarms.js';
import { OperationsDashboard } from './constructs/dashboard.js';
import { Functions } from './constructs/functions.js';
import { MailIntake } from './constructs/mail-intake.js';
import { MonthlyReport } from './constructs/monthly-report.js';
import { QuietMailboxes } from './constructs/quiet-mailboxes.js';
import { Reminders } from './constructs/reminders.js';
import { ResyncAfterDeploy } from './constructs/resync.js';
import { WeeklyDigest } from './constructs/weekly-digest.js';
import type { EscalationMailboxData } from './data-stack.js';
import { serviceNames } from './names.js';

export interface ServiceStackProps extends StackProps {
  config: InfraConfig;
  /** The stack holding the table, the raw mail and the alarm key. */
  data: EscalationMailboxData;
  /** The deployment file bundled beside each handler (infra/deployment-file.ts). */
  deploymentFile: string;
}

/**
 * The escalation mailbox's service: receipt rule, functions, schedules, alarms, dashboard. Holds
 * no data: it can be redeployed or destroyed and deployed again without touching cases or mail.
 */
export class EscalationMailboxStack extends Stack {
  readonly intake: MailIntake;
  readonly reminders: Reminders;
  readonly functions: Functions;
  readonly monthlyReport: MonthlyReport;
  readonly weeklyDigest: WeeklyDigest;
  readonly resync: ResyncAfterDeploy;
  readonly alarms: Alarms;
  readonly dashboard: OperationsDashboard;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { config, data, deploymentFile } = props;
    const names = serviceNames(this.stackName);
    // The data stack's resources, by name (infra/names.ts); the receipt rule's dependency on the bucket policy orders the stacks.
    const table = TableV2.fromTableAttributes(this, 'Cases', { tableName: names.table });
    const mailBucket = Bucket.fromBucketName(this, 'RawMail', names.rawMailBucket);
    const alarmKey = Alias.fromAliasName(this, 'AlarmKey', names.alarmKeyAlias);
    this.reminders = new Reminders(this, 'Reminders', { groupName: names.reminderGroup });
    this.functions = new Functions(this, 'Functions', { config, deploymentFile, table, mailBucket, reminders: this.reminders });
    this.intake = new MailIntake(this, 'MailIntake', {
      recipients: config.deployment.mailboxes.map((m) => m.address),
      ruleSetName: names.ruleSet,
      ruleName: names.rule,
      bucket: mailBucket,
      bucketPolicy: data.mail.writePolicy,
      activateRuleSet: config.activateRuleSet,
      failures: this.functions.failures,
    });
    this.intake.deliverTo(this.functions.ingest);
    this.monthlyReport = new MonthlyReport(this, 'MonthlyReport', {
      config,
      deploymentFile,
      table,
      failures: this.functions.failures,
      deadLetterQueue: this.reminders.deadLetterQueue,
    });
    this.weeklyDigest = new WeeklyDigest(this, 'WeeklyDigest', {
      config,
      deploymentFile,
      table,
      failures: this.functions.failures,
      deadLetterQueue: this.reminders.deadLetterQueue,
    });
    // After each deploy that changed what reminders depend on, open cases re-booked, once functions and reminders exist.
    this.resync = new ResyncAfterDeploy(this, 'Resync', {
      config,
      deploymentFile,
      table,
      reminders: this.reminders,
      remind: this.functions.remind,
      failures: this.functions.failures,
      after: [this.functions, this.reminders],
    });
    const functions = {
      Ingest: this.functions.ingest,
      Remind: this.functions.remind,
      Report: this.monthlyReport.function,
      Digest: this.weeklyDigest.function,
      Resync: this.resync.function,
    };
    const deadLetterQueues = { FailedInvocations: this.functions.failures, ReminderDeadLetters: this.reminders.deadLetterQueue };
    this.alarms = new Alarms(this, 'Alarms', {
      alarmEmail: config.alarmEmail,
      key: alarmKey,
      alarmNamePrefix: names.alarmPrefix,
      functions,
      deadLetterQueues,
    });
    if (config.quietMailboxAlarmWorkingDays !== undefined)
      new QuietMailboxes(this, 'QuietMailboxes', {
        mailboxes: config.deployment.mailboxes.map((m) => m.address),
        workingDays: config.quietMailboxAlarmWorkingDays,
        alarms: this.alarms,
      });
    // What `escalations redrive` needs (cdk deploy --outputs-file outputs.json): the ingest function's settings and its failures.
    const ingestSettings: Record<string, string> = {
      CaseTable: names.table,
      MailBucket: names.rawMailBucket,
      ScheduleGroup: this.reminders.groupName,
      RemindFunctionArn: this.functions.remind.functionArn,
      SchedulerRoleArn: this.reminders.role.roleArn,
      ReminderDeadLetterQueueArn: this.reminders.deadLetterQueue.queueArn,
      FailedInvocationsQueueUrl: this.functions.failures.queueUrl,
    };
    for (const [key, value] of Object.entries(ingestSettings)) new CfnOutput(this, key, { value });
    this.dashboard = new OperationsDashboard(this, 'Dashboard', { dashboardName: this.stackName, functions, deadLetterQueues });
  }
}
