import { DateTime } from 'luxon';
import type { Case } from '../../lib/cases/case.js';
import type { OutgoingMail } from '../../lib/outgoing/mail.js';
import type { Clock, Mailer, ReminderBook } from '../../lib/ports.js';

/** Keeps what would have been sent. */
export class RecordingMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
    return Promise.resolve();
  }
}

/** Records each sync: the reminders issue replaces it with the Scheduler book. */
export class RecordingReminderBook implements ReminderBook {
  readonly synced: { ref: string; stage: string; status: string; version: number }[] = [];
  sync(current: Case): Promise<void> {
    this.synced.push({ ref: current.ref, stage: current.stage, status: current.status, version: current.version });
    return Promise.resolve();
  }
  bookNext(): Promise<void> {
    return Promise.resolve();
  }
}

export class FixedClock implements Clock {
  constructor(private instant: DateTime) {}
  now(): DateTime {
    return this.instant;
  }
  set(iso: string): void {
    this.instant = DateTime.fromISO(iso, { zone: 'Europe/London' });
  }
}
