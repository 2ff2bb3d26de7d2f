import { SesRecordSchema } from '@aws-lambda-powertools/parser/schemas/ses';
import * as z from 'zod';
import type { Verdict, Verdicts } from '../mail/message.js';

const powertools = SesRecordSchema.shape.ses.shape;

/**
 * SES's Lambda-action event, as SES really sends it. Powertools' schema is stricter: it requires
 * `dmarcPolicy`, which SES sends only when DMARC fails, and the From, To and Subject common
 * headers, which a message may lack. This extends it with those loosened.
 */
export const SesLambdaEventSchema = z.object({
  Records: z
    .array(
      SesRecordSchema.extend({
        ses: z.object({
          mail: powertools.mail.extend({ commonHeaders: powertools.mail.shape.commonHeaders.partial() }),
          receipt: powertools.receipt.extend({
            dmarcPolicy: z.enum(['none', 'quarantine', 'reject']).optional(),
            processingTimeMillis: z.number().int().nonnegative(),
          }),
        }),
      }),
    )
    .min(1),
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
