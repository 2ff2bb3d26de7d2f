import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { OPEN_INDEX, OPENED_INDEX } from '../aws/case-table.js';
import { createCaseTable, DescribeTableCommand, localDynamoClient, type DynamoDBClient } from '../aws/dynamo-clients.js';

export interface EmbeddedDynamo {
  endpoint: string;
  client: DynamoDBClient;
  table: string;
  close(): Promise<void>;
}

/**
 * A DynamoDB-compatible server (dynalite) on 127.0.0.1 at a random port, with the case table:
 * the same DynamoDB adapter runs against it as against AWS. In memory unless given a folder.
 */
export async function startEmbeddedDynamo(options: { table?: string; path?: string } = {}): Promise<EmbeddedDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(options.path ? { path: options.path } : {}) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = localDynamoClient(endpoint);
  const table = options.table ?? 'cases';
  await createCaseTable(client, table).catch(async (error: unknown) => {
    // A persisted folder already has its table.
    if (!(error instanceof Error && error.name === 'ResourceInUseException')) throw error;
    await checkIndexes(client, table, options.path ?? '');
  });
  return {
    endpoint,
    client,
    table,
    close: async () => {
      client.destroy();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}

/** The local store of an older version lacks the report's indexes, which the embedded server cannot add to a table. */
export class OutdatedLocalStoreError extends Error {
  override readonly name = 'OutdatedLocalStoreError';
}

async function checkIndexes(client: DynamoDBClient, table: string, path: string): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const missing = [OPENED_INDEX.name, OPEN_INDEX.name].filter((name) => !present.has(name));
  if (missing.length > 0)
    throw new OutdatedLocalStoreError(
      `the local store in ${path} predates the monitoring report (no ${missing.join(', ')} index): move that folder aside to start a new store`,
    );
}
