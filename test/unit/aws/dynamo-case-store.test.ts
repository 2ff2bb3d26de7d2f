import { ConditionalCheckFailedException, DynamoDBClient, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { CaseConflictError } from '../../../lib/cases/errors.js';
import { DynamoCaseStore, StoreThrottledError } from '../../../lib/aws/dynamo-case-store.js';

const doc = mockClient(DynamoDBDocumentClient);
const store = new DynamoCaseStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), 'cases');
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

beforeEach(() => doc.reset());

describe('DynamoCaseStore, for what a local server cannot produce', () => {
  it('looks up the message, named cases and thread keys in one consistent batch, and retries unprocessed keys', async () => {
    doc
      .on(BatchGetCommand)
      .resolvesOnce({
        Responses: { cases: [{ pk: 'THREAD#swindon#<a@x>', sk: 'item', ref: 'SSP-2026-0001' }] },
        UnprocessedKeys: { cases: { Keys: [{ pk: 'MSG#<m@x>', sk: 'item' }] } },
      })
      .resolvesOnce({ Responses: { cases: [{ pk: 'MSG#<m@x>', sk: 'item', messageId: '<m@x>', caseRef: 'SSP-2026-0001' }] } });
    const found = await store.lookup({ messageId: '<m@x>', refs: ['SSP-2026-0002'], policyId: 'swindon', threadKeys: ['<a@x>'] });
    expect(doc.commandCalls(BatchGetCommand)[0]?.args[0].input).toEqual({
      RequestItems: {
        cases: {
          Keys: [
            { pk: 'MSG#<m@x>', sk: 'item' },
            { pk: 'CASE#SSP-2026-0002', sk: 'item' },
            { pk: 'THREAD#swindon#<a@x>', sk: 'item' },
          ],
          ConsistentRead: true,
        },
      },
    });
    expect(doc.commandCalls(BatchGetCommand)[1]?.args[0].input.RequestItems?.cases?.Keys).toEqual([{ pk: 'MSG#<m@x>', sk: 'item' }]);
    expect(found.message).toEqual({ messageId: '<m@x>', caseRef: 'SSP-2026-0001' });
    expect(found.threads.get('<a@x>')).toBe('SSP-2026-0001');
  });

  it('gives up with a named error when the table keeps throttling a batch', async () => {
    doc.on(BatchWriteCommand).resolves({
      UnprocessedItems: { cases: [{ PutRequest: { Item: { pk: 'THREAD#swindon#<a@x>', sk: 'item', ref: 'SSP-2026-0001' } } }] },
    });
    await expect(store.addThreadKeys('swindon', 'SSP-2026-0001', ['<a@x>'])).rejects.toBeInstanceOf(StoreThrottledError);
    expect(doc.commandCalls(BatchWriteCommand).length).toBe(9);
  }, 20_000);

  it('lets the SDK’s own throttling errors through, for the caller to retry the message', async () => {
    doc.on(PutCommand).rejects(new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} }));
    await expect(
      store.recordMessage({ messageId: '<m@x>', caseRef: null, outcome: 'review', at: '2026-11-02T10:00:00Z', sha256: 'ab' }),
    ).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
  });

  it('writes a changed case only under its version, and reports a lost race as a conflict', async () => {
    doc.on(PutCommand).rejects(conditionFailed());
    const changed = { ref: 'SSP-2026-0001', version: 4, openedAt: '2026-11-02T10:00:00Z', status: 'open' } as unknown as Parameters<
      typeof store.updateCase
    >[0];
    await expect(store.updateCase(changed, 3)).rejects.toBeInstanceOf(CaseConflictError);
    expect(doc.commandCalls(PutCommand)[0]?.args[0].input).toMatchObject({
      TableName: 'cases',
      Item: { pk: 'CASE#SSP-2026-0001', sk: 'item', ref: 'SSP-2026-0001', version: 4, openedMonth: '2026-11', openFlag: 'OPEN' },
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': 3 },
    });
  });

  it('claims a thread only when it is free or already this case’s', async () => {
    doc.on(PutCommand).rejectsOnce(conditionFailed()).resolves({});
    expect(await store.claimThread('swindon', '<root@x>', 'SSP-2026-0002')).toBe(false);
    expect(await store.claimThread('swindon', '<root@x>', 'SSP-2026-0002')).toBe(true);
    expect(doc.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: 'cases',
      Item: { pk: 'THREAD#swindon#<root@x>', sk: 'item', ref: 'SSP-2026-0002', expiresAt: expect.any(Number) as number },
      ConditionExpression: 'attribute_not_exists(pk) OR #ref = :ref',
      ExpressionAttributeNames: { '#ref': 'ref' },
      ExpressionAttributeValues: { ':ref': 'SSP-2026-0002' },
    });
  });
});
