import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { Level } from 'level';
import { OPEN_INDEX, OPENED_INDEX } from '../aws/case-table.js';
import { LocalStoreError } from './errors.js';
import { closeLevelIteratorsWhenDynaliteEnds } from './level-iterators.js';
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
export async function startEmbeddedDynamo(options: { table?: string; path?: string; mustExist?: boolean } = {}): Promise<EmbeddedDynamo> {
  if (options.path) await checkStoreFolder(options.path, options.mustExist ?? false);
  closeLevelIteratorsWhenDynaliteEnds();
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(options.path ? { path: options.path } : {}) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = localDynamoClient(endpoint);
  const table = options.table ?? 'cases';
  const close = async () => {
    client.destroy();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  };
  try {
    await createCaseTable(client, table).catch(async (error: unknown) => {
      // A persisted folder already has its table.
      if (!(error instanceof Error && error.name === 'ResourceInUseException')) throw error;
      await checkIndexes(client, table, options.path ?? '');
    });
  } catch (error) {
    await close();
    throw error;
  }
  return { endpoint, client, table, close };
}

export { LocalStoreError };

/**
 * dynalite opens its folder lazily and throws outside any promise when another process (a running
 * `serve`) holds it, so the folder is opened once here first, with the same database library, to
 * turn that into an error the caller can report.
 */
async function checkStoreFolder(path: string, mustExist: boolean): Promise<void> {
  const probe = new Level(path, { createIfMissing: !mustExist });
  try {
    await probe.open();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code === 'LEVEL_LOCKED')
      throw new LocalStoreError(`the local store in ${path} is in use by another process (is \`serve\` running?)`, { cause: error });
    if (mustExist) throw new LocalStoreError(`no local store in ${path}: \`serve\` creates it when it first runs`, { cause: error });
    throw error;
  } finally {
    await probe.close();
  }
}

async function checkIndexes(client: DynamoDBClient, table: string, path: string): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const missing = [OPENED_INDEX.name, OPEN_INDEX.name].filter((name) => !present.has(name));
  // The embedded server cannot add indexes to a table, so an older version's store is refused.
  if (missing.length > 0)
    throw new LocalStoreError(
      `the local store in ${path} predates the monitoring report (no ${missing.join(', ')} index): move that folder aside to start a new store`,
    );
}
