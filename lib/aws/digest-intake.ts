import * as z from 'zod';
import { sendWeeklyDigests, type DigestDependencies } from '../digest.js';
import type { Log } from '../log.js';
import { issueCodes } from '../validation.js';

/** What the weekly schedule sends: `{}`. */
export const DigestEventSchema = z.strictObject({});

/** The schedule fired: an invalid event is logged and dropped; a failure to send is thrown, for Lambda to retry. */
export async function handleDigestEvent(event: unknown, deps: DigestDependencies & { log: Log }): Promise<void> {
  const parsed = DigestEventSchema.safeParse(event ?? {});
  if (!parsed.success) {
    deps.log.error('rejected an invalid digest event', { problems: issueCodes(parsed.error) });
    return;
  }
  const outcome = await sendWeeklyDigests(deps);
  deps.log.info('weekly digest', { ...outcome });
}
