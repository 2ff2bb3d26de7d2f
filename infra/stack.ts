import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { InfraConfig } from './config.js';
import { Alarms } from './constructs/alarms.js';
import { CaseTable } from './constructs/case-table.js';
import { Functions } from './constructs/functions.js';
import { MailIntake } from './constructs/mail-intake.js';
import { MonthlyReport } from './constructs/monthly-report.js';
import { Reminders } from './constructs/reminders.js';
import { WeeklyDigest } from './constructs/weekly-digest.js';

/** The escalation mailbox: the stack only wires its parts together. */
export class EscalationMailboxStack extends Stack {
  readonly cases: CaseTable;
  readonly intake: MailIntake;
  readonly reminders: Reminders;
  readonly functions: Functions;
  readonly monthlyReport: MonthlyReport;
  readonly weeklyDigest: WeeklyDigest;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, config: InfraConfig, props: StackProps = {}) {
    super(scope, id, props);
    this.cases = new CaseTable(this, 'Cases');
    this.intake = new MailIntake(this, 'MailIntake', {
      recipients: config.deployment.mailboxes.map((m) => m.address),
      retentionDays: config.rawMailRetentionDays,
      activateRuleSet: config.activateRuleSet,
    });
    this.reminders = new Reminders(this, 'Reminders');
    this.functions = new Functions(this, 'Functions', {
      config,
      table: this.cases.table,
      mailBucket: this.intake.bucket,
      reminders: this.reminders,
    });
    this.intake.deliverTo(this.functions.ingest);
    this.monthlyReport = new MonthlyReport(this, 'MonthlyReport', {
      config,
      table: this.cases.table,
      failures: this.functions.failures,
      deadLetterQueue: this.reminders.deadLetterQueue,
    });
    this.weeklyDigest = new WeeklyDigest(this, 'WeeklyDigest', {
      config,
      table: this.cases.table,
      failures: this.functions.failures,
      deadLetterQueue: this.reminders.deadLetterQueue,
    });
    this.alarms = new Alarms(this, 'Alarms', {
      alarmEmail: config.alarmEmail,
      functions: { Ingest: this.functions.ingest, Remind: this.functions.remind, Report: this.monthlyReport.function },
      deadLetterQueues: { FailedInvocations: this.functions.failures, ReminderDeadLetters: this.reminders.deadLetterQueue },
    });
  }
}
