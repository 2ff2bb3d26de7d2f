import * as z from 'zod';
import type { Verdict, Verdicts } from '../mail/message.js';

/*
 * SES's Lambda-action event, as SES really sends it: Powertools' SesSchema
 * (@aws-lambda-powertools/parser/schemas/ses), field for field, loosened where SES sends less.
 * `dmarcPolicy` comes only when DMARC fails, `processingTimeMillis` can be 0, and a message may
 * lack From, To or Subject. It is written out here, not imported and extended, because
 * Powertools' module imports zod's whole namespace as a value (`import { z }`), which no bundler
 * we use can trim: 360 KB more in the ingest bundle and about 10 ms more at every cold start.
 * test/unit/aws/ses-event.test.ts holds it to Powertools': whatever theirs accepts, ours accepts.
 */

const verdict = z.object({ status: z.enum(['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED']) });
const addresses = z.array(z.string());

const receipt = z.object({
  timestamp: z.iso.datetime(),
  processingTimeMillis: z.number().int().nonnegative(),
  recipients: addresses,
  spamVerdict: verdict,
  virusVerdict: verdict,
  spfVerdict: verdict,
  dmarcVerdict: verdict,
  dkimVerdict: verdict,
  dmarcPolicy: z.enum(['none', 'quarantine', 'reject']).optional(),
  action: z.object({ type: z.enum(['Lambda']), invocationType: z.literal('Event'), functionArn: z.string() }),
});

const mail = z.object({
  timestamp: z.iso.datetime(),
  source: z.string(),
  messageId: z.string(),
  destination: addresses,
  headersTruncated: z.boolean(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  commonHeaders: z.object({
    from: addresses.optional(),
    to: addresses.optional(),
    cc: addresses.optional(),
    bcc: addresses.optional(),
    sender: addresses.optional(),
    'reply-to': addresses.optional(),
    returnPath: z.string().optional(),
    messageId: z.string().optional(),
    date: z.string().optional(),
    subject: z.string().optional(),
  }),
});

export const SesLambdaEventSchema = z.object({
  Records: z.array(z.object({ eventSource: z.literal('aws:ses'), eventVersion: z.string(), ses: z.object({ mail, receipt }) })).min(1),
});
export type SesLambdaEvent = z.infer<typeof SesLambdaEventSchema>;
export type SesRecord = SesLambdaEvent['Records'][number];

/** The receipt's verdicts, which win over any header in the stored message. */
export function verdictsOf(receipt: SesRecord['ses']['receipt']): Verdicts {
  const status = (verdict: { status: string }) => verdict.status as Verdict;
  return {
    spam: status(receipt.spamVerdict),
    virus: status(receipt.virusVerdict),
    spf: status(receipt.spfVerdict),
    dkim: status(receipt.dkimVerdict),
    dmarc: status(receipt.dmarcVerdict),
  };
}
