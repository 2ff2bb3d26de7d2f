import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { connect, createServer, type AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { dirname, join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createCaseTable, documentClient, localDynamoClient } from '../../lib/aws/dynamo-clients.js';
import type { EmbeddedDynamo } from './dynalite.js';

/** The DynamoDB Local jar that the npm package `amplify-dynamodb-simulator` ships. */
const emulator = join(dirname(createRequire(import.meta.url).resolve('amplify-dynamodb-simulator/package.json')), 'emulator');

/** A port free now: DynamoDB Local takes a port number, not 0. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once a TCP connection to the port is accepted; gives up after about a minute. */
async function listening(port: number): Promise<void> {
  for (let attempt = 0, wait = 10; attempt < 400; attempt++, wait = Math.min(wait * 2, 200)) {
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => {
        resolve(false);
      });
    });
    if (accepted) return;
    await delay(wait);
  }
  throw new DynamoDbLocalError(`DynamoDB Local never listened on port ${String(port)}`);
}

export class DynamoDbLocalError extends Error {
  override readonly name = 'DynamoDbLocalError';
}

/**
 * AWS's own DynamoDB Local (Java 17), in memory, with the case table: stricter than dynalite
 * (transactions, TTL attributes, AWS's own validation messages). Started per test file; the
 * process is ended by its id when the file's tests are done.
 */
export async function startDynamoDbLocal(): Promise<EmbeddedDynamo> {
  const port = await freePort();
  const child = spawn(
    'java',
    ['-Djava.library.path=./DynamoDBLocal_lib', '-jar', 'DynamoDBLocal.jar', '-inMemory', '-disableTelemetry', '-port', String(port)],
    { cwd: emulator, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => {
      reject(new DynamoDbLocalError(`DynamoDB Local exited (${String(code)}): ${output.slice(-500)}`));
    });
    child.once('error', (error) => {
      reject(new DynamoDbLocalError(`java could not start: ${error.message}`, { cause: error }));
    });
  });
  exited.catch(() => undefined);
  // Ready once it prints its configuration (the HTTP server is up by then).
  await Promise.race([
    new Promise<void>((resolve) => {
      const check = () => {
        if (/CorsParams|Port:/.test(output)) resolve();
      };
      child.stdout.on('data', check);
      check();
    }),
    exited,
  ]);
  // Under load the configuration is printed before its HTTP server listens, and the SDK does not retry a refused
  // connection: probe the port until it accepts one (a readiness probe of the server, not a wait on a test's effect).
  await Promise.race([listening(port), exited]);
  const client = localDynamoClient(`http://127.0.0.1:${String(port)}`, { maxAttempts: 10 });
  await Promise.race([client.send(new ListTablesCommand({})), exited]);
  const requests = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => (args) => {
      requests.set(context.commandName ?? '?', (requests.get(context.commandName ?? '?') ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
  const table = 'cases';
  await createCaseTable(client, table);
  return {
    client,
    doc: documentClient(client),
    table,
    requests,
    requestCount: () => [...requests.values()].reduce((a, b) => a + b, 0),
    resetCount: () => {
      requests.clear();
    },
    close: async () => {
      client.destroy();
      if (child.exitCode === null) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await gone;
      }
    },
  };
}
