import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SESClient } from '@aws-sdk/client-ses';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import { UnroutableMessageError } from '../cases/errors.js';
import { systemClock } from '../clock.js';
import { ingest } from '../ingest.js';
import type { Log } from '../log.js';
import { remind } from '../remind.js';
import { DynamoCaseStore } from './dynamo-case-store.js';
import { documentClient } from './dynamo-clients.js';
import type { IngestEnvironment } from './environment.js';
import { S3RawMailSource } from './s3-raw-mail-source.js';
import { SchedulerReminderBook } from './scheduler-reminder-book.js';
import { SesMailer } from './ses-mailer.js';
import { UnreadableMailError } from '../mail/errors.js';
import { handleSesEvent, type IntakeDependencies } from './ses-intake.js';
import { SesLambdaEventSchema } from './ses-event.js';

/** What a redrive did: nothing here names a person or an address. */
export interface RedriveSummary {
  /** Messages ingested again (a message already ingested comes back "ignored: duplicate" and changes nothing). */
  ingested: number;
  /** By outcome: opened, advanced, ignored… */
  outcomes: Record<string, number>;
  /** Failed again: left where they were (the queue's message stays; a date run can be repeated). */
  failed: number;
  /** Queue messages that are not failed mail events (a reminder, a report): left in the queue. */
  skipped: number;
}

const empty = (): RedriveSummary => ({ ingested: 0, outcomes: {}, failed: 0, skipped: 0 });
const tally = (summary: RedriveSummary, outcome: string) => {
  summary.outcomes[outcome] = (summary.outcomes[outcome] ?? 0) + 1;
};

/** Lambda's on-failure destination record: the event that failed is its requestPayload. */
const DestinationRecordSchema = z.looseObject({ requestPayload: z.unknown() });

/**
 * Re-ingests the SES events in the functions' failed-invocations queue. Each queue message is
 * deleted only once every record in it went through; anything else stays for another run. Ingest
 * is idempotent (processed messages are recorded), so a message redriven twice changes nothing.
 */
export async function redriveQueue(sqs: SQSClient, queueUrl: string, deps: IntakeDependencies): Promise<RedriveSummary> {
  const summary = empty();
  const seen = new Set<string>();
  for (;;) {
    // The visibility timeout keeps a message this run leaves behind from coming back in the same run.
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 900 }),
    );
    const fresh = Messages.filter((m) => m.MessageId !== undefined && !seen.has(m.MessageId));
    if (fresh.length === 0) return summary;
    for (const message of fresh) {
      seen.add(message.MessageId ?? '');
      const event = eventOf(message.Body);
      if (event === null) {
        summary.skipped++;
        continue;
      }
      const counting: IntakeDependencies = { ...deps, log: countingLog(deps.log, summary) };
      try {
        await handleSesEvent(event, counting);
        await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
      } catch {
        // handleSesEvent has logged which record failed and why; the message stays in the queue.
      }
    }
  }
}

/** The SES event inside a destination record, or null when the record is about something else. */
function eventOf(body: string | undefined): unknown {
  let json: unknown;
  try {
    json = JSON.parse(body ?? '');
  } catch {
    return null;
  }
  const record = DestinationRecordSchema.safeParse(json);
  if (!record.success) return null;
  return SesLambdaEventSchema.safeParse(record.data.requestPayload).success ? record.data.requestPayload : null;
}

/** handleSesEvent logs each record's fate: count from the same lines, so the summary and the logs agree. */
function countingLog(log: IntakeDependencies['log'], summary: RedriveSummary): IntakeDependencies['log'] {
  return {
    info: (message, attributes) => {
      if (message === 'message ingested') {
        summary.ingested++;
        tally(summary, String(attributes.outcome));
      }
      log.info(message, attributes);
    },
    warn: (message, attributes) => {
      if (message === 'message rejected') {
        summary.failed++;
        tally(summary, 'rejected');
      }
      log.warn(message, attributes);
    },
    error: (message, attributes) => {
      if (message.startsWith('message failed')) summary.failed++;
      log.error(message, attributes);
    },
  };
}

/**
 * Re-ingests every raw message the bucket received in [from, to) (UTC instants), oldest first.
 * Without SES's event there are no envelope recipients: the mailbox is found from To and Cc.
 */
export async function redriveStored(s3: S3Client, bucket: string, from: Date, to: Date, deps: IntakeDependencies): Promise<RedriveSummary> {
  const summary = empty();
  const keys: { key: string; at: number }[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: deps.keyPrefix, ContinuationToken: token }));
    for (const object of page.Contents ?? []) {
      const at = object.LastModified?.getTime();
      if (object.Key && at !== undefined && at >= from.getTime() && at < to.getTime()) keys.push({ key: object.Key, at });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  keys.sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
  for (const { key } of keys) {
    const sesMessageId = key.slice(deps.keyPrefix.length);
    try {
      const outcome = await ingest({ raw: await deps.source.read(key), recipients: [] }, deps);
      summary.ingested++;
      tally(summary, outcome.outcome);
      deps.log.info('message ingested', { sesMessageId, outcome: outcome.outcome, caseRef: outcome.caseRef });
    } catch (error) {
      summary.failed++;
      const rejected = error instanceof UnreadableMailError || error instanceof UnroutableMessageError;
      if (rejected) tally(summary, 'rejected');
      deps.log.error('message failed', { sesMessageId, error: error instanceof Error ? error.name : 'unknown' });
    }
  }
  return summary;
}

/** Where a redrive takes its messages from: the failed-invocations queue, or the bucket over a period. */
export type RedriveSource = { queueUrl: string } | { from: Date; to: Date };

/**
 * A redrive with the caller's AWS credentials: the ingest function's dependencies built as
 * functions/ingest.ts builds them, from the same settings (the stack's outputs).
 */
export async function redriveWithAws(env: IngestEnvironment, source: RedriveSource, log: Log): Promise<RedriveSummary> {
  const s3 = new S3Client({});
  const store = new DynamoCaseStore(documentClient(new DynamoDBClient({})), env.table);
  const mailer = new SesMailer(new SESClient({}), { from: env.deployment.fromAddress, loopId: env.deployment.loopId });
  const deps: IntakeDependencies = {
    store,
    mailer,
    reminders: new SchedulerReminderBook(new SchedulerClient({}), env.scheduler, systemClock, env.deployment.closureDays, (request) =>
      remind(request, { store, mailer, deployment: env.deployment, clock: systemClock }),
    ),
    clock: systemClock,
    deployment: env.deployment,
    source: new S3RawMailSource(s3, env.bucket),
    log,
    keyPrefix: env.prefix,
  };
  return 'queueUrl' in source
    ? redriveQueue(new SQSClient({}), source.queueUrl, deps)
    : redriveStored(s3, env.bucket, source.from, source.to, deps);
}
