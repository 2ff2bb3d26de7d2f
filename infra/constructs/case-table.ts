import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { OPEN_INDEX, OPENED_INDEX, PARTITION_KEY, SORT_KEY } from '../../lib/aws/case-table.js';

/** The one table: cases, processed messages, thread keys, sending claims, reference counters; two indexes for the report. */
export class CaseTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: { tableName: string }) {
    super(scope, id);
    this.table = new TableV2(this, 'Table', {
      tableName: props.tableName,
      partitionKey: { name: PARTITION_KEY, type: AttributeType.STRING },
      sortKey: { name: SORT_KEY, type: AttributeType.STRING },
      // The monitoring report's two queries: cases by the month they opened, and the open ones.
      globalSecondaryIndexes: [OPENED_INDEX, OPEN_INDEX].map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
      // On demand (TableV2's default billing): a partnership's mail comes in bursts and is small.
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Kept when the stack goes: teardown (docs/deploy.md) deletes it by hand, after an export.
      deletionProtection: true,
      timeToLiveAttribute: 'expiresAt',
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
