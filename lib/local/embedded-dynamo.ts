import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { createCaseTable, localDynamoClient, type DynamoDBClient } from '../aws/dynamo-clients.js';

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
  await createCaseTable(client, table).catch((error: unknown) => {
    // A persisted folder already has its table.
    if (!(error instanceof Error && error.name === 'ResourceInUseException')) throw error;
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
