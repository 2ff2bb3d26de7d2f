/**
 * The one table: a case (`CASE#<ref>`), each processed message (`MSG#<Message-ID>`), each thread
 * key (`THREAD#<policy>#<Message-ID>`), each reminder or record sent (`SENT#<id>`), the
 * reference counters (`COUNTER#<policy>#<year>`), each message sent for review (`REVIEW#<token>`,
 * and `REVIEWOF#<Message-ID>` naming it) and each correction (`CORRECTION#<Message-ID>#<ref>`).
 * Every item has the same sort key. Two indexes serve the monitoring report: case items carry
 * the month they opened (`byOpenedMonth`) and, while open, a flag (`openCases`, sparse).
 */
export const PARTITION_KEY = 'pk';
export const SORT_KEY = 'sk';
export const ITEM = 'item';

export const caseKey = (ref: string) => ({ pk: `CASE#${ref}`, sk: ITEM });
export const messageKey = (messageId: string) => ({ pk: `MSG#${messageId}`, sk: ITEM });
export const threadKey = (policyId: string, key: string) => ({ pk: `THREAD#${policyId}#${key}`, sk: ITEM });
export const sentKey = (id: string) => ({ pk: `SENT#${id}`, sk: ITEM });
export const counterKey = (policyId: string, year: number) => ({ pk: `COUNTER#${policyId}#${year}`, sk: ITEM });

export const reviewKey = (token: string) => ({ pk: `REVIEW#${token}`, sk: ITEM });
export const reviewOfKey = (messageId: string) => ({ pk: `REVIEWOF#${messageId}`, sk: ITEM });
export const correctionKey = (messageId: string, ref: string) => ({ pk: `CORRECTION#${messageId}#${ref}`, sk: ITEM });
/**
 * Pending reviews and the corrections log use the sparse `openCases` index under their own flag
 * values (its sort key `ref` holding the receipt or correction instant), so no index is added.
 */
export const REVIEW_FLAG = 'REVIEW';
/** A review is kept a year after the message came: long after anyone would act on it. */
export const REVIEW_RETENTION_DAYS = 366;
/** The corrections log feeds the weekly picture; the audit trail is each case's history: 90 days is plenty. */
export const CORRECTION_LOG_RETENTION_DAYS = 90;
/** Epoch seconds `days` after an ISO instant: a TTL value. */
export const expiryAfter = (iso: string, days: number): number => Math.floor(Date.parse(iso) / 1000) + days * 86_400;
export const correctionFlag = (utcDate: string) => `CORRECTED#${utcDate}`;

/** Cases by the UTC month they opened (`2026-11`), sorted by their opening instant. */
export const OPENED_INDEX = { name: 'byOpenedMonth', partitionKey: 'openedMonth', sortKey: 'openedAt' } as const;
/** Open cases only: the flag is written while a case is open and dropped when it is resolved. */
export const OPEN_INDEX = { name: 'openCases', partitionKey: 'openFlag', sortKey: 'ref' } as const;
export const OPEN_FLAG = 'OPEN';
/** When DynamoDB's TTL deletes an item (seconds since the epoch): the table's TTL attribute. */
export const EXPIRES_AT = 'expiresAt';
/** Attributes that exist for the indexes and the TTL only: not part of a case. */
export const INDEX_ONLY_ATTRIBUTES: readonly string[] = [OPENED_INDEX.partitionKey, OPEN_INDEX.partitionKey, EXPIRES_AT];
