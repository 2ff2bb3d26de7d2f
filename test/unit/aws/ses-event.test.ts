import { SesSchema } from '@aws-lambda-powertools/parser/schemas/ses';
import type { SesEvent } from '@aws-lambda-powertools/parser/types';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import { SesLambdaEventSchema, verdictsOf } from '../../../lib/aws/ses-event.js';

const text = fc.string({ maxLength: 12 });
const addressList = fc.array(fc.emailAddress(), { maxLength: 3 });
const instant = fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
const verdict = fc.record({ status: fc.constantFrom('PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED') });

/** Any event Powertools' strict schema accepts: every field it requires, each optional one or not. */
const strictEvent = fc.record({
  Records: fc.array(
    fc.record({
      eventSource: fc.constant('aws:ses'),
      eventVersion: text,
      ses: fc.record({
        mail: fc.record({
          timestamp: instant,
          source: text,
          messageId: text,
          destination: addressList,
          headersTruncated: fc.boolean(),
          headers: fc.array(fc.record({ name: text, value: text }), { maxLength: 3 }),
          commonHeaders: fc.record(
            {
              from: addressList,
              to: addressList,
              cc: addressList,
              bcc: addressList,
              sender: addressList,
              'reply-to': addressList,
              returnPath: text,
              messageId: text,
              date: text,
              subject: text,
            },
            { requiredKeys: ['from', 'to', 'returnPath', 'messageId', 'date', 'subject'] },
          ),
        }),
        receipt: fc.record({
          timestamp: instant,
          processingTimeMillis: fc.integer({ min: 1, max: 60_000 }),
          recipients: addressList,
          spamVerdict: verdict,
          virusVerdict: verdict,
          spfVerdict: verdict,
          dmarcVerdict: verdict,
          dkimVerdict: verdict,
          dmarcPolicy: fc.constantFrom('none', 'quarantine', 'reject'),
          action: fc.record({ type: fc.constant('Lambda'), invocationType: fc.constant('Event'), functionArn: text }),
        }),
      }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

/** One strict event made as SES sends it when DMARC passes and the message has no From, To or Subject. */
const asSesSends = () => {
  const record = (fc.sample(strictEvent, { numRuns: 1, seed: 7 })[0] as SesEvent).Records[0];
  if (!record) throw new Error('the sample has no record');
  const receipt: Partial<typeof record.ses.receipt> = { ...record.ses.receipt, processingTimeMillis: 0 };
  delete receipt.dmarcPolicy;
  return { Records: [{ ...record, ses: { mail: { ...record.ses.mail, commonHeaders: {} }, receipt } }] };
};

describe('the SES event schema', () => {
  it('accepts, unchanged, every event Powertools’ SES schema accepts', () => {
    expectTypeOf<SesEvent>().toExtend<z.input<typeof SesLambdaEventSchema>>();
    fc.assert(
      fc.property(strictEvent, (event) => {
        const theirs = SesSchema.safeParse(event);
        expect(theirs.success).toBe(true);
        expect(SesLambdaEventSchema.parse(event)).toEqual(theirs.data);
      }),
    );
  });

  it('accepts what SES sends and Powertools refuses: no dmarcPolicy, no common headers, 0 ms processing', () => {
    const event = asSesSends();
    expect(SesSchema.safeParse(event).success).toBe(false);
    expect(SesLambdaEventSchema.safeParse(event).success).toBe(true);
  });

  it.each([
    ['no records', () => ({ Records: [] }), 'Records'],
    ['another event source', () => ({ Records: [{ ...asSesSends().Records[0], eventSource: 'aws:sns' }] }), 'Records.0.eventSource'],
    [
      'an unknown verdict',
      () => {
        const [record] = asSesSends().Records;
        return { Records: [{ ...record, ses: { ...record?.ses, receipt: { ...record?.ses.receipt, spamVerdict: { status: 'MAYBE' } } } }] };
      },
      'Records.0.ses.receipt.spamVerdict.status',
    ],
    [
      'a missing receipt',
      () => {
        const [record] = asSesSends().Records;
        return { Records: [{ ...record, ses: { mail: record?.ses.mail } }] };
      },
      'Records.0.ses.receipt',
    ],
  ])('refuses %s, naming where', (_, event, path) => {
    const parsed = SesLambdaEventSchema.safeParse(event());
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('reads the receipt’s verdicts', () => {
    const receipt = SesLambdaEventSchema.parse(asSesSends()).Records[0]?.ses.receipt;
    if (!receipt) throw new Error('the sample has no receipt');
    const verdicts = verdictsOf({
      ...receipt,
      spamVerdict: { status: 'GRAY' },
      virusVerdict: { status: 'PASS' },
      spfVerdict: { status: 'FAIL' },
      dkimVerdict: { status: 'PROCESSING_FAILED' },
      dmarcVerdict: { status: 'PASS' },
    });
    expect(verdicts).toEqual({ spam: 'GRAY', virus: 'PASS', spf: 'FAIL', dkim: 'PROCESSING_FAILED', dmarc: 'PASS' });
  });
});
