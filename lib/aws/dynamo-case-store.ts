import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type QueryCommandInput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { DateTime } from 'luxon';
import type { Case, CaseSend } from '../cases/case.js';
import { CaseConflictError } from '../cases/errors.js';
import type { Review } from '../cases/review.js';
import type { CaseStore, CorrectionLogEntry, Lookup, MessageRecord, SendClaim, SendClaims } from '../ports.js';
import {
  caseKey,
  CORRECTION_LOG_RETENTION_DAYS,
  correctionFlag,
  correctionKey,
  counterKey,
  EXPIRES_AT,
  expiryAfter,
  INDEX_ONLY_ATTRIBUTES,
  messageKey,
  OPEN_FLAG,
  OPEN_INDEX,
  OPENED_INDEX,
  REVIEW_FLAG,
  REVIEW_RETENTION_DAYS,
  reviewKey,
  reviewOfKey,
  sentKey,
  threadKey,
} from './case-table.js';

/** BatchGetItem takes 100 keys, BatchWriteItem 25 items. */
const GET_BATCH = 100;
const WRITE_BATCH = 25;
const UNPROCESSED_RETRIES = 8;

/** Left over after every retry of a batch: the table is throttling. */
export class StoreThrottledError extends Error {
  override readonly name = 'StoreThrottledError';
}

type Key = { pk: string; sk: string };

export interface StoreOptions {
  /** Items per query page; DynamoDB's own 1 MB pages when absent. */
  pageSize: number | undefined;
  /**
   * How long a claimed send is held: longer than any function runs (the longest, the monthly
   * report, stops at 2 minutes), so a live invocation never loses its claim; shorter than the
   * gap before Lambda's second retry (1 + 2 minutes), so a retry after a death sends.
   */
  leaseSeconds: number;
  /**
   * How long a case is kept after it is resolved (or withdrawn), and a message's record and
   * thread keys after the message: the deployment's retention, 6 years by default.
   */
  retentionYears: number;
  /**
   * Whether this store object is the only writer there is: the local runtime, whose store folder
   * one process holds at a time. Then a claim another holder left is a dead process's, whatever
   * its lease says, and a restart sends at once what the crash left unsent.
   */
  soleWriter?: boolean;
  /** How long a sent mark is kept: a year and more, past any stage's deadline and the month a report covers. */
  sentRetentionDays: number;
}

export const DEFAULT_STORE_OPTIONS: StoreOptions = { pageSize: undefined, leaseSeconds: 150, retentionYears: 6, sentRetentionDays: 400 };

/**
 * CaseStore on DynamoDB, the same code against AWS and the embedded server. Correctness needs no
 * transactions: a case item carries the Message-IDs it has applied and is written only under a
 * version condition; message records and thread keys are idempotent puts written after it.
 */
export class DynamoCaseStore implements CaseStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
    options: { [K in keyof StoreOptions]?: StoreOptions[K] | undefined } = {},
  ) {
    const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
    this.options = { ...DEFAULT_STORE_OPTIONS, ...given };
  }

  private readonly options: StoreOptions;
  /** Who holds the claims this object makes: one id per store object, so per process. */
  private readonly holder = randomUUID();

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
      else if (pk.startsWith('CASE#')) lookup.cases.set(String(item.ref), caseOf(item));
      else if (pk.startsWith(threadPrefix)) {
        const key = pk.slice(threadPrefix.length);
        lookup.threads.set(key, String(item.ref));
        // The message's own thread key carries its record once it was applied to a case.
        if (key === query.messageId && typeof item.outcome === 'string') {
          lookup.message = {
            messageId: key,
            caseRef: String(item.ref),
            outcome: item.outcome,
            at: String(item.at),
            sha256: String(item.sha256),
          };
        }
      }
    }
    return lookup;
  }

  async getCase(ref: string): Promise<Case | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.table, Key: caseKey(ref), ConsistentRead: true }));
    return Item ? caseOf(Item) : null;
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
          Item: { ...threadKey(policyId, key), ref, [EXPIRES_AT]: this.retainedUntil() },
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

  async createCase(newCase: Case, claims?: SendClaims): Promise<void> {
    await this.conditionalPut(
      caseItem(this.withClaims(newCase, claims), this.options.retentionYears),
      'attribute_not_exists(pk)',
      {},
      `case ${newCase.ref} exists already`,
    );
  }

  async updateCase(changed: Case, expectedVersion: number, claims?: SendClaims): Promise<void> {
    await this.conditionalPut(
      caseItem(this.withClaims(changed, claims), this.options.retentionYears),
      '#version = :expected',
      { ':expected': expectedVersion },
      `case ${changed.ref} changed since version ${expectedVersion}`,
      {
        '#version': 'version',
      },
    );
  }

  async addThreadKeys(policyId: string, ref: string, keys: readonly string[]): Promise<void> {
    const expiresAt = this.retainedUntil();
    const puts = [...new Set(keys)].map((key) => ({ PutRequest: { Item: { ...threadKey(policyId, key), ref, [EXPIRES_AT]: expiresAt } } }));
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
    await this.client.send(
      new PutCommand({ TableName: this.table, Item: { ...messageKey(record.messageId), ...record, [EXPIRES_AT]: this.retainedUntil() } }),
    );
  }

  async recordCaseMessage(policyId: string, record: MessageRecord & { caseRef: string }): Promise<void> {
    const { messageId, caseRef, outcome, at, sha256 } = record;
    await this.client.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...threadKey(policyId, messageId), ref: caseRef, outcome, at, sha256, [EXPIRES_AT]: this.retainedUntil() },
      }),
    );
  }

  async claimSending(id: string, now: DateTime): Promise<SendClaim> {
    const leaseUntil = now.plus({ seconds: this.options.leaseSeconds });
    const takeover = this.takeover(now);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...sentKey(id),
            id,
            state: 'claimed',
            holder: this.holder,
            leaseUntil: isoUtc(leaseUntil),
            expiresAt: epochSeconds(leaseUntil.plus({ days: 1 })),
          },
          // A claim whose lease ran out belongs to an invocation that died: it may be taken over.
          ConditionExpression: `attribute_not_exists(pk) OR (${takeover.condition})`,
          ExpressionAttributeNames: takeover.names,
          ExpressionAttributeValues: takeover.values,
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const { Item } = await this.client.send(new GetCommand({ TableName: this.table, Key: sentKey(id), ConsistentRead: true }));
    // Claims written before leases existed carry no state: they were sent.
    return Item?.state === 'claimed' ? 'held' : 'sent';
  }

  async markSent(id: string, now: DateTime): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ...sentKey(id),
          id,
          state: 'sent',
          sentAt: isoUtc(now),
          expiresAt: epochSeconds(now.plus({ days: this.options.sentRetentionDays })),
        },
      }),
    );
  }

  async releaseSending(id: string): Promise<void> {
    await this.client
      .send(
        new DeleteCommand({
          TableName: this.table,
          Key: sentKey(id),
          // Only a claim: a send marked done stays done.
          ConditionExpression: '#state = :claimed',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':claimed': 'claimed' },
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
  }

  async claimCaseSend(ref: string, id: string, now: DateTime): Promise<{ current: Case; claim: SendClaim } | null> {
    const takeover = this.takeover(now, '#send.');
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: caseKey(ref),
          UpdateExpression: 'SET #send = :claim, #version = #version + :one',
          ConditionExpression: `attribute_exists(pk) AND (attribute_not_exists(#send) OR (${takeover.condition}))`,
          ExpressionAttributeNames: { '#send': sendAttribute(id), '#version': 'version', ...takeover.names },
          ExpressionAttributeValues: { ':claim': this.claim(now), ':one': 1, ...takeover.values },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? { current: caseOf(Attributes), claim: 'claimed' } : null;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    // Not claimed: no case, a send done, or another's lease. Rare, so read rather than ask for the old item with the refusal.
    const current = await this.getCase(ref);
    if (!current) return null;
    return { current, claim: current.sends?.[id]?.state === 'claimed' ? 'held' : 'sent' };
  }

  async markCaseSent(
    ref: string,
    id: string,
    now: DateTime,
    record: Pick<Case, 'acknowledgedAt' | 'acknowledgementRefusedAt'> = { acknowledgedAt: null },
  ): Promise<void> {
    const sent: CaseSend = { state: 'sent', sentAt: isoUtc(now) };
    const recorded = Object.entries(record).filter(([, value]) => typeof value === 'string');
    await this.client
      .send(
        new UpdateCommand({
          TableName: this.table,
          Key: caseKey(ref),
          UpdateExpression: ['SET #send = :sent, #version = #version + :one', ...recorded.map(([name]) => `#${name} = :${name}`)].join(
            ', ',
          ),
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: {
            '#send': sendAttribute(id),
            '#version': 'version',
            ...Object.fromEntries(recorded.map(([name]) => [`#${name}`, name])),
          },
          ExpressionAttributeValues: {
            ':sent': sent,
            ':one': 1,
            ...Object.fromEntries(recorded.map(([name, value]) => [`:${name}`, value])),
          },
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error; // the case is gone: nothing to mark
      });
  }

  async releaseCaseSend(ref: string, id: string): Promise<void> {
    await this.client
      .send(
        new UpdateCommand({
          TableName: this.table,
          Key: caseKey(ref),
          UpdateExpression: 'REMOVE #send SET #version = #version + :one',
          // Only this writer's claim: a send marked done stays done, and another's claim stays its.
          ConditionExpression: '#send.#state = :claimed AND #send.#holder = :me',
          ExpressionAttributeNames: { '#send': sendAttribute(id), '#version': 'version', '#state': 'state', '#holder': 'holder' },
          ExpressionAttributeValues: { ':one': 1, ':claimed': 'claimed', ':me': this.holder },
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
  }

  /** A claim by this store object, for the lease from `now`. */
  private claim(now: DateTime): CaseSend {
    return { state: 'claimed', holder: this.holder, leaseUntil: isoUtc(now.plus({ seconds: this.options.leaseSeconds })) };
  }

  /** A case with the sends claimed for this writer added. */
  private withClaims(current: Case, claims: SendClaims | undefined): Case {
    if (!claims || claims.ids.length === 0) return current;
    const claim = this.claim(claims.now);
    return { ...current, sends: { ...current.sends, ...Object.fromEntries(claims.ids.map((id) => [id, claim])) } };
  }

  /** When a claim may be taken over: its lease ran out (its holder died), or, for the sole writer, another process left it. */
  private takeover(now: DateTime, path = ''): { condition: string; names: Record<string, string>; values: Record<string, unknown> } {
    const sole = this.options.soleWriter === true;
    const [state, lease, holder] = ['#state', '#lease', '#holder'].map((name) => `${path}${name}`);
    return {
      condition: `${state} = :claimed AND ${sole ? `(${lease} < :now OR ${holder} <> :me)` : `${lease} < :now`}`,
      names: { '#state': 'state', '#lease': 'leaseUntil', ...(sole ? { '#holder': 'holder' } : {}) },
      values: { ':claimed': 'claimed', ':now': isoUtc(now), ...(sole ? { ':me': this.holder } : {}) },
    };
  }

  async casesOpened(from: DateTime, to: DateTime): Promise<Case[]> {
    const cases: Case[] = [];
    const [start, end] = [from.toUTC(), to.toUTC()];
    for (let month = start.startOf('month'); month < end; month = month.plus({ months: 1 })) {
      cases.push(
        ...(await this.queryAll({
          IndexName: OPENED_INDEX.name,
          KeyConditionExpression: '#month = :month AND #opened BETWEEN :from AND :to',
          ExpressionAttributeNames: { '#month': OPENED_INDEX.partitionKey, '#opened': OPENED_INDEX.sortKey },
          ExpressionAttributeValues: { ':month': month.toFormat('yyyy-MM'), ':from': isoUtc(start), ':to': isoUtc(end) },
        })),
      );
    }
    // BETWEEN includes its upper bound; the period does not.
    return cases.filter((c) => c.openedAt < isoUtc(end));
  }

  async openCases(): Promise<Case[]> {
    return this.queryAll({
      IndexName: OPEN_INDEX.name,
      KeyConditionExpression: '#flag = :open',
      ExpressionAttributeNames: { '#flag': OPEN_INDEX.partitionKey },
      ExpressionAttributeValues: { ':open': OPEN_FLAG },
    });
  }

  // Reviews and corrections (docs/design.md, 'Corrections').

  async openReview(review: Review): Promise<Review> {
    // The message's item decides the token once; the token's item is written after it (idempotent).
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...reviewOfKey(review.messageId),
            token: review.token,
            [EXPIRES_AT]: expiryAfter(review.receivedAt, REVIEW_RETENTION_DAYS),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const { Item } = await this.client.send(
        new GetCommand({ TableName: this.table, Key: reviewOfKey(review.messageId), ConsistentRead: true }),
      );
      const kept = await this.getReview(String(Item?.token));
      if (kept) return kept;
      review = { ...review, token: String(Item?.token) };
    }
    await this.client.send(new PutCommand({ TableName: this.table, Item: reviewItem(review) }));
    return review;
  }

  async getReview(token: string): Promise<Review | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.table, Key: reviewKey(token), ConsistentRead: true }));
    return Item ? (withoutReviewIndex(Item) as unknown as Review) : null;
  }

  async settleReview(settled: Review): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: reviewItem(settled),
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending' },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async pendingReviews(): Promise<Review[]> {
    const items = await this.queryItems({
      IndexName: OPEN_INDEX.name,
      KeyConditionExpression: '#flag = :review',
      ExpressionAttributeNames: { '#flag': OPEN_INDEX.partitionKey },
      ExpressionAttributeValues: { ':review': REVIEW_FLAG },
    });
    return items.map((item) => withoutReviewIndex(item) as unknown as Review);
  }

  async logCorrection(entry: CorrectionLogEntry): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ...correctionKey(entry.messageId, entry.caseRef),
          ...entry,
          [OPEN_INDEX.partitionKey]: correctionFlag(entry.at.slice(0, 10)),
          [OPEN_INDEX.sortKey]: `${entry.at}#${entry.caseRef}`,
          [EXPIRES_AT]: expiryAfter(entry.at, CORRECTION_LOG_RETENTION_DAYS),
        },
      }),
    );
  }

  async corrections(from: DateTime, to: DateTime): Promise<CorrectionLogEntry[]> {
    const entries: CorrectionLogEntry[] = [];
    const [start, end] = [isoUtc(from), isoUtc(to)];
    for (let day = from.toUTC().startOf('day'); day < to; day = day.plus({ days: 1 })) {
      const items = await this.queryItems({
        IndexName: OPEN_INDEX.name,
        KeyConditionExpression: '#flag = :day',
        ExpressionAttributeNames: { '#flag': OPEN_INDEX.partitionKey },
        ExpressionAttributeValues: { ':day': correctionFlag(day.toISODate() ?? '') },
      });
      entries.push(...items.map((item) => withoutReviewIndex(item) as unknown as CorrectionLogEntry));
    }
    return entries.filter((e) => e.at >= start && e.at < end).sort((a, b) => a.at.localeCompare(b.at));
  }

  private async queryItems(query: Omit<QueryCommandInput, 'TableName'>): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({ TableName: this.table, ...query, ExclusiveStartKey: startKey, Limit: this.options.pageSize }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  /** DynamoDB's TTL runs on real time: a record is kept the retention from when it is written. */
  private retainedUntil(): number {
    return epochSeconds(DateTime.utc().plus({ years: this.options.retentionYears }));
  }

  private async queryAll(query: Omit<QueryCommandInput, 'TableName'>): Promise<Case[]> {
    return (await this.queryItems(query)).map(caseOf);
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
  return Object.fromEntries(
    Object.entries(item).filter(([name]) => name !== 'pk' && name !== 'sk' && !INDEX_ONLY_ATTRIBUTES.includes(name)),
  );
}

/** A review as an item: pending ones carry the flag of the index that lists them, by when they came. */
function reviewItem(review: Review): Record<string, unknown> {
  return {
    ...reviewKey(review.token),
    ...review,
    [EXPIRES_AT]: expiryAfter(review.receivedAt, REVIEW_RETENTION_DAYS),
    ...(review.status === 'pending'
      ? { [OPEN_INDEX.partitionKey]: REVIEW_FLAG, [OPEN_INDEX.sortKey]: `${review.receivedAt}#${review.token}` }
      : {}),
  };
}

/** A review or log item without its keys and index attributes (`ref` is only the index's sort key there). */
function withoutReviewIndex(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(withoutKeys(item)).filter(([name]) => name !== OPEN_INDEX.sortKey && name !== EXPIRES_AT));
}

/** Stored case instants are UTC ISO strings, so they sort and compare as text. */
const isoUtc = (instant: DateTime) => instant.toUTC().toISO() ?? '';

/** A case's sends are attributes of their own on its item, so that one is claimed or marked without touching the others. */
const SEND_PREFIX = 'send:';
const sendAttribute = (id: string) => `${SEND_PREFIX}${id}`;

/** A case item as a case: its sends gathered back. */
function caseOf(item: Record<string, unknown>): Case {
  const fields = Object.entries(withoutKeys(item));
  const sends = fields.filter(([name]) => name.startsWith(SEND_PREFIX)).map(([name, send]) => [name.slice(SEND_PREFIX.length), send]);
  const current = Object.fromEntries(fields.filter(([name]) => !name.startsWith(SEND_PREFIX))) as unknown as Case;
  return sends.length > 0 ? { ...current, sends: Object.fromEntries(sends) as Record<string, CaseSend> } : current;
}

/** A case as an item: its key, the case, and the attributes of the report's indexes. */
function caseItem(current: Case, retentionYears: number): Record<string, unknown> {
  const { sends, ...stored } = current;
  // Kept while open; deleted by DynamoDB's TTL the retention after it was resolved or withdrawn.
  const closedAt = stored.status !== 'open' ? stored.resolvedAt : null;
  return {
    ...caseKey(stored.ref),
    ...stored,
    ...Object.fromEntries(Object.entries(sends ?? {}).map(([id, send]) => [sendAttribute(id), send])),
    ...(closedAt ? { [EXPIRES_AT]: epochSeconds(DateTime.fromISO(closedAt).plus({ years: retentionYears })) } : {}),
    [OPENED_INDEX.partitionKey]: stored.openedAt.slice(0, 7),
    ...(stored.status === 'open' ? { [OPEN_INDEX.partitionKey]: OPEN_FLAG } : {}),
  };
}

/** DynamoDB's TTL reads whole seconds since the epoch. */
const epochSeconds = (instant: DateTime) => Math.floor(instant.toSeconds());

/** Exponential back-off with full jitter, as AWS recommends for unprocessed batch items. */
function backoff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 25 * 2 ** attempt)));
}
