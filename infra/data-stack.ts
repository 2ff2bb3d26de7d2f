import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { InfraConfig } from './config.js';
import { AlarmKey } from './constructs/alarm-key.js';
import { CaseTable } from './constructs/case-table.js';
import { MailStore } from './constructs/mail-store.js';
import { serviceNames } from './names.js';

export interface DataStackProps extends StackProps {
  config: InfraConfig;
  /** The name of the stack whose receipt rule writes mail and whose alarms use the key. */
  serviceStackName: string;
}

/**
 * What must outlive any deploy: the case table, the raw mail and its access logs, the alarm key.
 * The service stack (functions, schedules, alarms) can be redeployed or destroyed without touching them.
 */
export class EscalationMailboxData extends Stack {
  readonly cases: CaseTable;
  readonly mail: MailStore;
  readonly alarmKey: AlarmKey;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const names = serviceNames(props.serviceStackName);
    this.cases = new CaseTable(this, 'Cases', { tableName: names.table });
    this.mail = new MailStore(this, 'Mail', {
      bucketName: names.rawMailBucket,
      retentionDays: props.config.rawMailRetentionDays,
      receiptRule: { ruleSetName: names.ruleSet, ruleName: names.rule },
    });
    this.alarmKey = new AlarmKey(this, 'AlarmKey', { alarmNamePrefix: names.alarmPrefix, aliasName: names.alarmKeyAlias });
  }
}
