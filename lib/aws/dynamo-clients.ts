import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  waitUntilTableExists,
  type DynamoDBClientConfig,
} from '@aws-sdk/client-dynamodb';

export { DescribeTableCommand };
export type { DynamoDBClient };
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { OPEN_INDEX, OPENED_INDEX, PARTITION_KEY, SORT_KEY } from './case-table.js';

const INDEXES = [OPENED_INDEX, OPEN_INDEX];

/** The document client the case store uses, over a given low-level client. */
export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/** A client for a DynamoDB-compatible server on this machine: the embedded one, for tests and the local runtime. */
export function localDynamoClient(endpoint: string, extra: DynamoDBClientConfig = {}): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, ...extra });
}

/**
 * Creates the case table as the CDK stack declares it: the two key attributes and the report's two
 * indexes, on demand; resolves once the table is ACTIVE. A table is CREATING at first, and a write
 * then is refused (seen on a loaded machine: the first write of a test failed with ResourceNotFound).
 */
export async function createCaseTable(client: DynamoDBClient, table: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [PARTITION_KEY, SORT_KEY, ...INDEXES.flatMap((index) => [index.partitionKey, index.sortKey])].map((name) => ({
        AttributeName: name,
        AttributeType: 'S',
      })),
      KeySchema: [
        { AttributeName: PARTITION_KEY, KeyType: 'HASH' },
        { AttributeName: SORT_KEY, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: INDEXES.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
  // The waiter looks at once, then every 100 ms: the embedded server makes a table ACTIVE within milliseconds.
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 0.1, maxDelay: 0.1 }, { TableName: table });
}
