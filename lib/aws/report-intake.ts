import * as z from 'zod';
import type { Log } from '../log.js';
import { sendMonthlyReports, type MonthlyReportDependencies } from '../report/monthly.js';
import { issueCodes } from '../validation.js';
import { withoutPersonalData } from './failure.js';

/**
 * What the monthly schedule sends: `{}` for the month just ended. An admin may invoke the function
 * with `{ "month": "2026-10" }` to send a month's report again (once per monitoring address).
 */
export const ReportEventSchema = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month such as 2026-10')
    .optional(),
});

/** The schedule fired: an invalid event is logged and dropped; a failure to send is thrown, for Lambda to retry. */
export async function handleReportEvent(event: unknown, deps: MonthlyReportDependencies & { log: Log }): Promise<void> {
  const parsed = ReportEventSchema.safeParse(event ?? {});
  if (!parsed.success) {
    deps.log.error('rejected an invalid report event', { problems: issueCodes(parsed.error) });
    return;
  }
  const outcome = await withoutPersonalData('monthly report', deps.log, () => sendMonthlyReports(deps, parsed.data.month));
  deps.log.info('monthly report', { ...outcome });
}
