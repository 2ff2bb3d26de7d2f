import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DateTime } from 'luxon';
import { createTransport } from 'nodemailer';
import { documentClient } from '../aws/dynamo-clients.js';
import { DynamoCaseStore } from '../aws/dynamo-case-store.js';
import { UnroutableMessageError } from '../cases/errors.js';
import { publicAddressOf, type Deployment } from '../config.js';
import { digestTimeAtOrBefore, sendWeeklyDigests } from '../digest.js';
import { ingest } from '../ingest.js';
import { UnreadableMailError } from '../mail/errors.js';
import { MAX_MESSAGE_BYTES } from '../mail/parse.js';
import { composeRaw } from '../outgoing/compose.js';
import type { Clock } from '../ports.js';
import { remind } from '../remind.js';
import { startEmbeddedDynamo } from './embedded-dynamo.js';
import { InProcessReminderBook, type PendingReminder } from './in-process-reminder-book.js';
import { Outbox, type SentMail } from './outbox.js';
import { SerialWriter } from './serial-writer.js';
import { startSmtpInbox } from './smtp-inbox.js';
import { Spool, type SpooledMessage } from './spool.js';

export interface LocalRuntimeOptions {
  deployment: Deployment;
  /** Where cases, pending reminders, the spool and the outbox live; a restart picks them up. */
  dataDir: string;
  smtpPort: number;
  /** An SMTP server to relay outgoing mail to, as well as writing it to the outbox. */
  relay?: { host: string; port: number } | undefined;
  clock: Clock;
  /** One readable line per event. */
  log: (line: string) => void;
  /** How often due reminders (and the weekly picture) are looked for. */
  tickMs?: number;
  /** Told after each look: for whoever needs to know the runtime has seen its clock's time. */
  onTick?: () => void;
}

export interface LocalRuntime {
  smtpPort: number;
  store: DynamoCaseStore;
  reminders: InProcessReminderBook;
  outbox: Outbox;
  /** Stops taking mail, waits for work in hand, and closes everything. */
  stop(): Promise<void>;
}

/** The same lib/ code as in AWS, with local adapters: the product on one machine. */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const { deployment, clock, log } = options;
  const outboxDir = join(options.dataDir, 'outbox');
  await mkdir(join(outboxDir, '.partial'), { recursive: true });
  const dynamo = await startEmbeddedDynamo({ path: join(options.dataDir, 'db') });
  // One process holds the store folder: a claim on a send that a killed run left is taken over at once.
  const store = new DynamoCaseStore(documentClient(dynamo.client), dynamo.table, { soleWriter: true });
  const sender = { from: deployment.fromAddress, loopId: deployment.loopId };
  const relay = options.relay
    ? createTransport({ host: options.relay.host, port: options.relay.port, secure: false, ignoreTLS: true })
    : null;
  let written = 0;
  const outbox = new Outbox(clock, async ({ at, mail }: SentMail) => {
    const raw = await composeRaw(mail, sender);
    const file = join(
      outboxDir,
      `${at.replace(/[:]/g, '')}-${String(++written).padStart(4, '0')}-${mail.kind}-${mail.caseRef ?? 'none'}.eml`,
    );
    // Whole or not at all: whoever watches the outbox never reads a part of an email.
    const partial = join(outboxDir, '.partial', basename(file));
    await writeFile(partial, raw);
    await rename(partial, file);
    log(`email ${mail.kind}${mail.caseRef ? ` for ${mail.caseRef}` : ''} to ${mail.to.length + mail.cc.length} recipient(s): ${file}`);
    if (relay) await relay.sendMail({ envelope: { from: sender.from, to: [...mail.to, ...mail.cc] }, raw });
  });

  const reminders = new InProcessReminderBook(clock, deployment.closureDays);
  const pendingFile = join(options.dataDir, 'reminders.json');
  reminders.restore(await loadPending(pendingFile));
  const pendingWriter = new SerialWriter(() => savePendingReminders(reminders, pendingFile));
  const savePending = () => pendingWriter.save();
  const spool = new Spool(join(options.dataDir, 'spool'), MAX_MESSAGE_BYTES);
  await spool.open();

  const work = new Set<Promise<void>>();
  const track = (promise: Promise<void>) => {
    work.add(promise);
    void promise.finally(() => work.delete(promise));
  };
  // A message leaves the spool once it is on its case and its reminders are saved.
  const receive = async ({ id, raw, recipients }: SpooledMessage) => {
    try {
      const outcome = await ingest({ raw, recipients }, { store, mailer: outbox, reminders, clock, deployment });
      const about = outcome.caseRef ? ` ${outcome.caseRef}` : '';
      if (outcome.outcome === 'ignored') log(`message ignored${about}: ${outcome.reason}`);
      else if (outcome.outcome === 'review') log(`message sent for review${about}: ${outcome.reason}`);
      else if (outcome.outcome === 'command') log(`command ${outcome.applied ? 'applied' : 'refused'}${about}: ${outcome.reason}`);
      else log(`case${about} ${outcome.outcome}, now at stage ${(await store.getCase(outcome.caseRef))?.stage ?? '?'}`);
      if (outcome.caseRef)
        log(`reminders booked for ${outcome.caseRef}: ${reminders.list().filter((r) => r.caseRef === outcome.caseRef).length} pending`);
      await savePending();
      await spool.remove(id);
    } catch (error) {
      if (error instanceof UnreadableMailError || error instanceof UnroutableMessageError) {
        log(`message rejected: ${error.message}`);
        await spool.remove(id).catch(() => undefined);
      } else
        log(
          `message failed: ${error instanceof Error ? error.name : 'error'} (it stays in the spool and is taken again at the next start)`,
        );
    }
  };
  const left = await spool.pending();
  if (left.length > 0) log(`taking ${left.length} message(s) accepted before the last stop`);
  for (const message of left) await receive(message);
  const inbox = await startSmtpInbox({
    port: options.smtpPort,
    // Locally nothing forwards: mail may come to the public address itself.
    mailboxes: [...new Set(deployment.mailboxes.flatMap((m) => [m.address, publicAddressOf(m)]))],
    spool,
    receive: (message) => {
      const job = receive(message);
      track(job);
      return job;
    },
  });

  // The weekly picture: looked for once a week, on the Monday itself (a runtime started later in the week sends none).
  const zone = deployment.mailboxes[0]?.policy.timezone ?? 'Europe/London';
  let digestWeek: string | null = null;
  const digestIfDue = async () => {
    const week = digestTimeAtOrBefore(clock.now(), zone).toISODate();
    if (week === digestWeek) return;
    if (clock.now().setZone(zone).toISODate() === week) {
      const outcome = await sendWeeklyDigests({ store, mailer: outbox, clock, deployment });
      if (outcome.sent > 0) log(`weekly digest sent for ${outcome.week}: ${outcome.sent} mailbox(es)`);
    }
    digestWeek = week;
  };

  let ticking = false;
  const tick = async () => {
    if (ticking) return;
    ticking = true;
    try {
      await digestIfDue();
      for (let due = reminders.takeNextDue(clock.now()); due; due = reminders.takeNextDue(clock.now())) {
        const outcome = await remind(due, { store, mailer: outbox, deployment, clock, reminders });
        log(
          outcome.outcome === 'sent'
            ? `reminder sent: ${outcome.kind} for ${outcome.caseRef}`
            : `reminder for ${outcome.caseRef} not sent: ${outcome.reason}`,
        );
        await savePending();
      }
    } catch (error) {
      log(`reminder failed: ${error instanceof Error ? error.name : 'error'}`);
    } finally {
      ticking = false;
      options.onTick?.();
    }
  };
  const timer = setInterval(() => {
    track(tick());
  }, options.tickMs ?? 1000);

  return {
    smtpPort: inbox.port,
    store,
    reminders,
    outbox,
    stop: async () => {
      clearInterval(timer);
      await inbox.close();
      await Promise.all([...work]);
      relay?.close();
      await dynamo.close();
    },
  };
}

/** The runtime's pending reminders, written whole, flushed and renamed into place. */
export async function savePendingReminders(reminders: InProcessReminderBook, file: string): Promise<void> {
  const serialised = reminders.list().map((r) => ({ ...r, at: r.at.toUTC().toISO() }));
  await writeDurably(file, JSON.stringify(serialised, null, 2));
}

/** Replaces a file so that a crash leaves the old or the new content, never a part: a temporary file, flushed, renamed. */
async function writeDurably(file: string, content: string): Promise<void> {
  const temporary = `${file}.tmp`;
  await writeFile(temporary, content);
  const handle = await open(temporary, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

/** What `serve` had booked: read by the runtime at start, and by `case` commands on the local store. */
export async function loadPending(file: string): Promise<PendingReminder[]> {
  try {
    const list = JSON.parse(await readFile(file, 'utf8')) as (Omit<PendingReminder, 'at'> & { at: string })[];
    return list.map((r) => ({ ...r, at: DateTime.fromISO(r.at) }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
