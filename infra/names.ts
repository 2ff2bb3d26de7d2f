import { Aws } from 'aws-cdk-lib';

/**
 * Names both stacks agree on, derived from the service stack's name. The service stack finds the
 * data stack's table, bucket and key by these names rather than through CloudFormation exports:
 * an export cannot change while it is imported, which would pin the data stack to the service stack.
 */
export function serviceNames(serviceStackName: string) {
  return {
    ruleSet: `${serviceStackName}-intake`,
    rule: `${serviceStackName}-deliver`,
    reminderGroup: `${serviceStackName}-reminders`,
    /** Every alarm of the service stack is named with this prefix: the alarm key's policy names it. */
    alarmPrefix: `${serviceStackName}-`,
    table: `${serviceStackName}-cases`,
    /** Bucket names are global: the account and region make it unique (tokens each stack resolves alike). */
    rawMailBucket: `${serviceStackName.toLowerCase()}-raw-mail-${Aws.ACCOUNT_ID}-${Aws.REGION}`,
    alarmKeyAlias: `alias/${serviceStackName}-alarms`,
  };
}
