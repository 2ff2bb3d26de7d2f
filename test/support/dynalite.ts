import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../lib/aws/dynamo-clients.js';
import { startEmbeddedDynamo } from '../../lib/local/embedded-dynamo.js';

export interface EmbeddedDynamo {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  table: string;
  /** DynamoDB requests by command name since the last reset. */
  requests: Map<string, number>;
  requestCount(): number;
  resetCount(): void;
  close(): Promise<void>;
}

/** The embedded DynamoDB-compatible server on 127.0.0.1, with a count of the requests made to it. */
export async function startDynamo(): Promise<EmbeddedDynamo> {
  const dynamo = await startEmbeddedDynamo();
  const requests = new Map<string, number>();
  dynamo.client.middlewareStack.add(
    (next, context) => (args) => {
      requests.set(context.commandName ?? '?', (requests.get(context.commandName ?? '?') ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
  return {
    client: dynamo.client,
    doc: documentClient(dynamo.client),
    table: dynamo.table,
    requests,
    requestCount: () => [...requests.values()].reduce((a, b) => a + b, 0),
    resetCount: () => {
      requests.clear();
    },
    close: () => dynamo.close(),
  };
}

/**
 * The environment a Lambda module needs to reach the embedded server through the AWS SDK
 * (`AWS_ENDPOINT_URL_DYNAMODB`), with the case table and a deployment on one mailbox.
 */
export async function functionEnvironment(dynamo: EmbeddedDynamo, mailbox: string): Promise<Record<string, string>> {
  const port = (await dynamo.client.config.endpoint?.())?.port;
  return {
    AWS_REGION: 'eu-west-2',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${String(port)}`,
    CASE_TABLE: dynamo.table,
    DEPLOYMENT: JSON.stringify({
      mailboxes: [{ address: mailbox, policy: 'swindon', partnershipAddresses: [mailbox], monitoringAddress: mailbox }],
      fromAddress: 'escalations@partnership.example',
      loopId: 'escalations@partnership.example',
    }),
  };
}
