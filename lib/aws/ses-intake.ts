import { createHash } from 'node:crypto';
import { CalendarError } from '../calendar/errors.js';
import { UnroutableMessageError } from '../cases/errors.js';
import { ingest, type IngestDependencies } from '../ingest.js';
import type { Log } from '../log.js';
import { countIngested, countReceived, noMetrics, type Metrics } from '../metrics.js';
import { issueCodes } from '../validation.js';
import { UnreadableMailError } from '../mail/errors.js';
import type { RawMailSource } from '../ports.js';
import { SesLambdaEventSchema, verdictsOf } from './ses-event.js';

/** Some records failed for a reason a retry may cure: thrown so that Lambda retries the event. */
export class TransientIntakeError extends Error {
  override readonly name = 'TransientIntakeError';
}

export interface IntakeDependencies extends IngestDependencies {
  source: RawMailSource;
  log: Log;
  /** The S3 action's object key prefix, e.g. `incoming/`. */
  keyPrefix: string;
  /** Messages by outcome, per mailbox, cases opened/advanced/resolved, reviews. */
  metrics?: Metrics;
}

export interface IntakeSummary {
  processed: number;
  rejected: number;
}

/**
 * SES's Lambda action → ingest, record by record. An invalid event or a message that is not mail
 * is logged and dropped (a retry cannot cure it); anything else that fails is retried by
 * throwing once every record has had its turn. Logs carry hashes and references only.
 */
export async function handleSesEvent(event: unknown, deps: IntakeDependencies): Promise<IntakeSummary> {
  const parsed = SesLambdaEventSchema.safeParse(event);
  if (!parsed.success) {
    deps.log.error('rejected an invalid SES event', { problems: issueCodes(parsed.error) });
    return { processed: 0, rejected: 1 };
  }
  const summary: IntakeSummary = { processed: 0, rejected: 0 };
  const transient: unknown[] = [];
  for (const record of parsed.data.Records) {
    const sesMessageId = record.ses.mail.messageId;
    const metrics = deps.metrics ?? noMetrics;
    const recipients = new Set(record.ses.receipt.recipients.map((r) => r.toLowerCase()));
    const mailbox = deps.deployment.mailboxes.find((m) => recipients.has(m.address));
    if (mailbox) countReceived(metrics, mailbox.address);
    try {
      const raw = await deps.source.read(`${deps.keyPrefix}${sesMessageId}`);
      const outcome = await ingest({ raw, recipients: record.ses.receipt.recipients, verdicts: verdictsOf(record.ses.receipt) }, deps);
      summary.processed++;
      countIngested(metrics, outcome.outcome);
      deps.log.info('message ingested', {
        sesMessageId,
        messageHash: outcome.sha256.slice(0, 16),
        outcome: outcome.outcome,
        caseRef: outcome.caseRef,
        ...('reason' in outcome ? { reason: outcome.reason } : {}),
      });
    } catch (error) {
      if (error instanceof UnreadableMailError || error instanceof UnroutableMessageError || cannotBeCured(error)) {
        summary.rejected++;
        countIngested(metrics, 'rejected');
        deps.log.warn('message rejected', {
          sesMessageId,
          error: errorName(error),
          ...(error instanceof UnreadableMailError ? { reason: error.reason } : {}),
          ...(cannotBeCured(error) ? { reason: 'unprocessable', errorHash: hashOf(error) } : {}),
        });
        continue;
      }
      transient.push(error);
      deps.log.error('message failed; the event will be retried', { sesMessageId, error: errorName(error), errorHash: hashOf(error) });
    }
  }
  if (transient.length > 0)
    throw new TransientIntakeError(`${transient.length} of ${parsed.data.Records.length} records failed`, { cause: transient[0] });
  return summary;
}

/**
 * Failures the same message meets on every try: a date no calendar covers, a request DynamoDB
 * refuses as invalid (an item or key over its limits). Retrying would only fill the dead-letter
 * queue; the message is refused with its reason, and the raw mail stays in the bucket.
 */
function cannotBeCured(error: unknown): boolean {
  return error instanceof CalendarError || (error instanceof Error && error.name === 'ValidationException');
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}

/** Errors from AWS may quote what they were given: log a fingerprint of the message, not the message. */
function hashOf(error: unknown): string {
  return createHash('sha256')
    .update(error instanceof Error ? error.message : String(error))
    .digest('hex')
    .slice(0, 12);
}
