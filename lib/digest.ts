import type { DateTime } from 'luxon';
import type { Deployment } from './config.js';
import { weeklyDigest } from './outgoing/digest.js';
import type { CaseStore, Clock, Mailer } from './ports.js';

export interface DigestDependencies {
  store: CaseStore;
  mailer: Mailer;
  clock: Clock;
  deployment: Deployment;
}

export interface DigestOutcome {
  /** The Monday the digests are for, `2026-11-30`. */
  week: string;
  sent: number;
  alreadySent: number;
}

/** Monday, 08:00 local: when the weekly picture goes out. */
export const DIGEST_WEEKDAY = 1;
export const DIGEST_HOUR = 8;

/** The latest Monday 08:00 (local) at or before `now`. */
export function digestTimeAtOrBefore(now: DateTime, zone: string): DateTime {
  const local = now.setZone(zone);
  const monday = local
    .minus({ days: (local.weekday - DIGEST_WEEKDAY + 7) % 7 })
    .set({ hour: DIGEST_HOUR, minute: 0, second: 0, millisecond: 0 });
  return monday > local ? monday.minus({ weeks: 1 }) : monday;
}

/** The first Monday 08:00 (local) after `instant`. */
export const digestTimeAfter = (instant: DateTime, zone: string): DateTime => digestTimeAtOrBefore(instant, zone).plus({ weeks: 1 });

/**
 * The weekly picture, one email per mailbox to its monitoring address: the week is the latest
 * Monday 08:00 at or before now. Each is claimed before it is sent, so a retried or repeated run
 * sends it once.
 */
export async function sendWeeklyDigests(deps: DigestDependencies): Promise<DigestOutcome> {
  const zone = deps.deployment.mailboxes[0]?.policy.timezone ?? 'Europe/London';
  const at = digestTimeAtOrBefore(deps.clock.now(), zone);
  const week = at.toISODate() ?? '';
  const [open, reviews, corrections] = await Promise.all([
    deps.store.openCases(),
    deps.store.pendingReviews(),
    deps.store.corrections(at.minus({ weeks: 1 }), at),
  ]);
  const outcome: DigestOutcome = { week, sent: 0, alreadySent: 0 };
  for (const mailbox of deps.deployment.mailboxes) {
    const claim = `digest:${mailbox.address}:${week}`;
    if (!(await deps.store.claimSending(claim))) {
      outcome.alreadySent += 1;
      continue;
    }
    const mail = weeklyDigest({
      mailbox,
      now: deps.clock.now(),
      cases: open.filter((c) => c.mailbox === mailbox.address),
      reviews: reviews.filter((r) => r.mailbox === mailbox.address),
      corrections: corrections.filter((c) => c.mailbox === mailbox.address),
      closureDays: deps.deployment.closureDays,
    });
    try {
      await deps.mailer.send(mail);
      outcome.sent += 1;
    } catch (error) {
      await deps.store.releaseSending(claim);
      throw error;
    }
  }
  return outcome;
}
