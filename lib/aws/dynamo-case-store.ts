import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Case } from '../cases/case.js';
import { CaseConflictError } from '../cases/errors.js';
import type { CaseStore, Lookup, MessageRecord } from '../ports.js';
import { caseKey, counterKey, messageKey, sentKey, threadKey } from './case-table.js';

/** BatchGetItem takes 100 keys, BatchWriteItem 25 items. */
const GET_BATCH = 100;
const WRITE_BATCH = 25;
const UNPROCESSED_RETRIES = 8;

/** Left over after every retry of a batch: the table is throttling. */
export class StoreThrottledError extends Error {
  override readonly name = 'StoreThrottledError';
}

type Key = { pk: string; sk: string };

/**
 * CaseStore on DynamoDB, the same code against AWS and the embedded server. Correctness needs no
 * transactions: a case item carries the Message-IDs it has applied and is written only under a
 * version condition; message records and thread keys are idempotent puts written after it.
 */
export class DynamoCaseStore implements CaseStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async lookup(query: { messageId: string; refs: readonly string[]; policyId: string; threadKeys: readonly string[] }): Promise<Lookup> {
    const wanted = new Map<string, Key>();
    for (const key of [
      messageKey(query.messageId),
      ...query.refs.map(caseKey),
      ...query.threadKeys.map((k) => threadKey(query.policyId, k)),
    ]) {
      wanted.set(key.pk, key);
    }
    const items = await this.batchGet([...wanted.values()]);
    const lookup: Lookup = { message: null, cases: new Map(), threads: new Map() };
    const threadPrefix = `THREAD#${query.policyId}#`;
    for (const item of items) {
      const pk = String(item.pk);
      if (pk.startsWith('MSG#')) lookup.message = withoutKeys(item) as unknown as MessageRecord;
      else if (pk.startsWith('CASE#')) lookup.cases.set(String(item.ref), withoutKeys(item) as unknown as Case);
      else if (pk.startsWith(threadPrefix)) lookup.threads.set(pk.slice(threadPrefix.length), String(item.ref));
    }
    return lookup;
  }

  async getCase(ref: string): Promise<Case | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.table, Key: caseKey(ref), ConsistentRead: true }));
    return Item ? (withoutKeys(Item) as unknown as Case) : null;
  }

  async nextNumber(policyId: string, year: number): Promise<number> {
    const { Attributes } = await this.client.send(
      new UpdateCommand({
        TableName: this.table,
        Key: counterKey(policyId, year),
        UpdateExpression: 'ADD #n :one',
        ExpressionAttributeNames: { '#n': 'n' },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.n);
  }

  async claimThread(policyId: string, key: string, ref: string): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...threadKey(policyId, key), ref },
          ConditionExpression: 'attribute_not_exists(pk) OR #ref = :ref',
          ExpressionAttributeNames: { '#ref': 'ref' },
          ExpressionAttributeValues: { ':ref': ref },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async createCase(newCase: Case): Promise<void> {
    await this.conditionalPut(
      { ...caseKey(newCase.ref), ...newCase },
      'attribute_not_exists(pk)',
      {},
      `case ${newCase.ref} exists already`,
    );
  }

  async updateCase(changed: Case, expectedVersion: number): Promise<void> {
    await this.conditionalPut(
      { ...caseKey(changed.ref), ...changed },
      '#version = :expected',
      { ':expected': expectedVersion },
      `case ${changed.ref} changed since version ${expectedVersion}`,
      {
        '#version': 'version',
      },
    );
  }

  async addThreadKeys(policyId: string, ref: string, keys: readonly string[]): Promise<void> {
    const puts = [...new Set(keys)].map((key) => ({ PutRequest: { Item: { ...threadKey(policyId, key), ref } } }));
    for (let start = 0; start < puts.length; start += WRITE_BATCH) {
      let pending = puts.slice(start, start + WRITE_BATCH);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > UNPROCESSED_RETRIES) throw new StoreThrottledError(`${pending.length} thread keys left unwritten`);
        if (attempt > 0) await backoff(attempt);
        const { UnprocessedItems } = await this.client.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending } }));
        pending = (UnprocessedItems?.[this.table] ?? []) as typeof pending;
      }
    }
  }

  async recordMessage(record: MessageRecord): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.table, Item: { ...messageKey(record.messageId), ...record } }));
  }

  async claimSending(id: string): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...sentKey(id), id },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async releaseSending(id: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.table, Key: sentKey(id) }));
  }

  private async batchGet(keys: Key[]): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    for (let start = 0; start < keys.length; start += GET_BATCH) {
      let pending = keys.slice(start, start + GET_BATCH);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > UNPROCESSED_RETRIES) throw new StoreThrottledError(`${pending.length} keys left unread`);
        if (attempt > 0) await backoff(attempt);
        const { Responses, UnprocessedKeys } = await this.client.send(
          new BatchGetCommand({ RequestItems: { [this.table]: { Keys: pending, ConsistentRead: true } } }),
        );
        items.push(...(Responses?.[this.table] ?? []));
        pending = (UnprocessedKeys?.[this.table]?.Keys ?? []) as Key[];
      }
    }
    return items;
  }

  private async conditionalPut(
    item: Record<string, unknown>,
    condition: string,
    values: Record<string, unknown>,
    conflict: string,
    names?: Record<string, string>,
  ): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: item,
          ConditionExpression: condition,
          ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
          ...(names ? { ExpressionAttributeNames: names } : {}),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new CaseConflictError(conflict, { cause: error });
      throw error;
    }
  }
}

function withoutKeys(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([name]) => name !== 'pk' && name !== 'sk'));
}

/** Exponential back-off with full jitter, as AWS recommends for unprocessed batch items. */
function backoff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 25 * 2 ** attempt)));
}
