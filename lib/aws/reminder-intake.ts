import * as z from 'zod';
import type { Log } from '../log.js';
import { countReminder, noMetrics, type Metrics } from '../metrics.js';
import { issueCodes } from '../validation.js';
import { remind, type RemindDependencies } from '../remind.js';
import { withoutPersonalData } from './failure.js';

/** What each schedule sends: always set, or Scheduler would send a default payload. */
export const ReminderEventSchema = z.strictObject({
  caseRef: z.string().regex(/^[A-Z]{2,8}-\d{4}-\d{4,6}$/),
  reminderId: z.string().min(1).max(300),
  /** The case schedule's cursor (ReminderRequest.after); absent in a schedule of an older release. */
  after: z.iso.datetime({ offset: true }).optional(),
});

/**
 * A schedule fired. An event that is not a reminder is logged and dropped (a retry cannot cure
 * it); a failure to send is thrown, so that Lambda's retries and then its on-failure destination
 * take it.
 */
export async function handleReminderEvent(event: unknown, deps: RemindDependencies & { log: Log; metrics?: Metrics }): Promise<void> {
  const parsed = ReminderEventSchema.safeParse(event);
  if (!parsed.success) {
    deps.log.error('rejected an invalid reminder event', {
      problems: issueCodes(parsed.error),
    });
    return;
  }
  const outcome = await withoutPersonalData('reminder', deps.log, () => remind(parsed.data, deps));
  countReminder(deps.metrics ?? noMetrics, outcome);
  deps.log.info(outcome.outcome === 'sent' ? 'reminder sent' : 'reminder not sent', { ...outcome });
}
