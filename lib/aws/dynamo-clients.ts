import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

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

/** Creates the case table as the CDK stack declares it: the two key attributes and the report's two indexes, on demand. */
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
}
