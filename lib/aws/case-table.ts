/**
 * The one table: a case (`CASE#<ref>`), each processed message (`MSG#<Message-ID>`), each thread
 * key (`THREAD#<policy>#<Message-ID>`), each reminder or record sent (`SENT#<id>`) and the
 * reference counters (`COUNTER#<policy>#<year>`).
 * Every item has the same sort key, so the table needs only these two attributes declared.
 */
export const PARTITION_KEY = 'pk';
export const SORT_KEY = 'sk';
export const ITEM = 'item';

export const caseKey = (ref: string) => ({ pk: `CASE#${ref}`, sk: ITEM });
export const messageKey = (messageId: string) => ({ pk: `MSG#${messageId}`, sk: ITEM });
export const threadKey = (policyId: string, key: string) => ({ pk: `THREAD#${policyId}#${key}`, sk: ITEM });
export const sentKey = (id: string) => ({ pk: `SENT#${id}`, sk: ITEM });
export const counterKey = (policyId: string, year: number) => ({ pk: `COUNTER#${policyId}#${year}`, sk: ITEM });
