import { Duration, TimeZone } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { type Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { sendClaims } from './functions.js';
import { OPEN_INDEX, OPENED_INDEX } from '../../lib/aws/case-table.js';
import type { InfraConfig } from '../config.js';
import { DEPLOYMENT_FILE } from '../deployment-file.js';
import { handlerFunction } from './handler-function.js';
import { scheduledInvocation } from './scheduled-invocation.js';
import { sendRawEmailFrom } from './ses-sending.js';

export interface MonthlyReportProps {
  config: InfraConfig;
  /** The validated deployment as a file, bundled beside the handler. */
  deploymentFile: string;
  table: ITableV2;
  /** Where the function's failed asynchronous invocations go. */
  failures: IQueue;
  /** Where Scheduler puts an invocation it could not deliver. */
  deadLetterQueue: IQueue;
}

/** On the 1st of each month at 07:00 London time, the previous month's monitoring report to each partnership. */
export class MonthlyReport extends Construct {
  readonly function: LambdaFunction;
  readonly schedule: Schedule;
  /** The role Scheduler assumes to invoke the function. */
  readonly schedulerRole: Role;

  constructor(scope: Construct, id: string, props: MonthlyReportProps) {
    super(scope, id);
    const { config, table } = props;
    // Reads a month of cases and the open ones, renders HTML and CSV, sends one email a monitoring address.
    this.function = handlerFunction(this, 'Function', {
      entry: 'report',
      memorySize: 512,
      timeout: Duration.minutes(2),
      environment: { CASE_TABLE: table.tableName, DEPLOYMENT_FILE },
      bundledFile: props.deploymentFile,
      failures: props.failures,
    });
    // By hand: table.grant would name the table and every index; the report queries its two indexes only.
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [OPENED_INDEX, OPEN_INDEX].map((index) => `${table.tableArn}/index/${index.name}`),
      }),
    );
    // A claim per report and month, so a retried run never sends twice.
    this.function.addToRolePolicy(sendClaims(table));
    this.function.addToRolePolicy(sendRawEmailFrom(this, config.deployment.fromAddress, config.verifiedDomains));

    ({ role: this.schedulerRole, schedule: this.schedule } = scheduledInvocation(this, this.function, {
      target: 'the monthly report function',
      description: 'The monthly monitoring report of professional disagreements',
      schedule: ScheduleExpression.cron({ minute: '0', hour: '7', day: '1', timeZone: TimeZone.EUROPE_LONDON }),
      deadLetterQueue: props.deadLetterQueue,
    }));
  }
}
