import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { documentClient } from '../aws/dynamo-clients.js';
import { DynamoCaseStore } from '../aws/dynamo-case-store.js';
import { isoLocal } from '../calendar/wording.js';
import type { Case } from '../cases/case.js';
import { caseDeadlines } from '../cases/deadlines.js';
import type { Deployment } from '../config.js';
import { digestTimeAfter, sendWeeklyDigests } from '../digest.js';
import { ingest } from '../ingest.js';
import { UnreadableMailError } from '../mail/errors.js';
import { parseMessage } from '../mail/parse.js';
import { WORD_DOCUMENT, type Attachment } from '../outgoing/mail.js';
import type { Policy } from '../policy/schema.js';
import { remind } from '../remind.js';
import { figuresOf, periodOfDates } from '../report/build.js';
import type { MonitoringReport } from '../report/figures.js';
import { startEmbeddedDynamo } from './embedded-dynamo.js';
import { InProcessReminderBook } from './in-process-reminder-book.js';
import { flat, StringTable } from './kept-strings.js';
import { LOCAL_SENDER } from './local-config.js';
import { Outbox } from './outbox.js';
import { rememberingStore } from './remembering-store.js';
import { VirtualClock } from './virtual-clock.js';

export interface StoredMessage {
  /** The file it came from: ties between equal Date headers go by this name. */
  name: string;
  /** Its bytes, read when needed (twice: for its date, then to ingest it), so a replay holds one message at a time. */
  read(): Promise<Buffer>;
}

export interface ReplayInput {
  policy: Policy;
  mailbox: string;
  messages: readonly StoredMessage[];
  /** Run the clock on to here after the last message; default: the last message's time. */
  until?: DateTime;
  /** Given each Word form the replayed cases send to the partnership, as it is sent; a later form of the same name replaces it. */
  onForm?: (form: Attachment) => Promise<void>;
  /** Work out the replayed cases' monitoring report (`ReplayResult.report`); otherwise nothing is kept for it. */
  report?: boolean;
}

/** The replay document (docs/design.md, 'Replay'). */
export interface ReplayDocument {
  cases: {
    ref: string;
    policy: string;
    status: string;
    stage: string;
    openedAt: string;
    stageStartedAt: string;
    deadlines: { kind: string; stage: string | null; label: string; due: string }[];
    messages: string[];
    /** `from`: who sent a correction (`corrected`, `withdrawn`, `merged`). */
    history: { at: string; event: string; stage: string; messageId: string; from?: string }[];
  }[];
  /** `to` and `cc`: one frozen copy of each list of recipients, shared by the emails sent to it. */
  outbox: {
    at: string;
    kind: string;
    caseRef: string | null;
    stage: string | null;
    to: readonly string[];
    cc: readonly string[];
    subject: string;
  }[];
  ignored: { messageId: string; reason: string }[];
  review: { messageId: string; caseRef: string | null; reason: string }[];
  /** Messages that could not be processed, each with why: the run went on with the rest. */
  failed: { file: string; messageId?: string; error: string }[];
}

export interface ReplayResult {
  document: ReplayDocument;
  /** Messages that could not be read, by file: reported, while the rest still ran. */
  unreadable: { name: string; reason: string }[];
  /** The monitoring report of the replayed cases, from the day the first opened to the end of the run; null unless asked for. */
  report: MonitoringReport | null;
}

/**
 * The real ingest path over stored messages with a virtual clock: each message at the time in its
 * Date header (in that order, ties by file name), reminders firing at their times in between and
 * after the last message, the same DynamoDB adapter against an embedded server.
 */
export async function replay(input: ReplayInput): Promise<ReplayResult> {
  const { policy, mailbox } = input;
  const deployment: Deployment = {
    mailboxes: [{ address: mailbox, policy, partnershipAddresses: [mailbox], monitoringAddress: mailbox }],
    fromAddress: LOCAL_SENDER,
    loopId: LOCAL_SENDER,
    closureDays: [],
    maxRecipients: 10,
    agencies: {},
  };
  const unreadable: ReplayResult['unreadable'] = [];
  // Each message's time as a number in an array of numbers (8 bytes each, not an object and a
  // boxed number each: a run of 10,000 messages keeps 10,000 of them until it ends); NaN: no date.
  const readable: StoredMessage[] = [];
  const times: number[] = [];
  for (const message of input.messages) {
    try {
      const parsed = await parseMessage(await message.read(), { ownLoop: LOCAL_SENDER });
      readable.push(message);
      times.push(parsed.date ? parsed.date.getTime() : NaN);
    } catch (error) {
      if (!(error instanceof UnreadableMailError)) throw error;
      unreadable.push({ name: message.name, reason: error.message });
    }
  }
  const timeOf = (index: number) => times[index] ?? NaN;
  const nameOf = (index: number) => readable[index]?.name ?? '';
  const undatedLast = (index: number) => (Number.isNaN(timeOf(index)) ? Infinity : timeOf(index));
  const order = readable.map((_, index) => index).sort((a, b) => undatedLast(a) - undatedLast(b) || nameOf(a).localeCompare(nameOf(b)));

  // The run's store on disk, in a folder of its own removed after: in memory, every item (and each
  // 8 KB buffer its bytes landed in) stayed on the heap or beside it for the whole run.
  const storeFolder = await mkdtemp(join(tmpdir(), 'escalations-replay-'));
  const dynamo = await startEmbeddedDynamo({ path: storeFolder }).catch(async (error: unknown) => {
    await rm(storeFolder, { recursive: true, force: true });
    throw error;
  });
  try {
    const store = rememberingStore(new DynamoCaseStore(documentClient(dynamo.client), dynamo.table));
    const first = order.length > 0 ? timeOf(order[0] ?? 0) : NaN;
    const clock = new VirtualClock(Number.isNaN(first) ? (input.until ?? DateTime.utc()) : DateTime.fromMillis(first));
    const book = new InProcessReminderBook(clock, deployment.closureDays);
    const document: ReplayDocument = {
      cases: [],
      outbox: [],
      ignored: [],
      review: [],
      failed: unreadable.map((problem) => ({ file: problem.name, error: `UnreadableMailError: ${problem.reason}` })),
    };
    // What the run reports of each email is kept, in one copy of each address, list of
    // recipients, reference and time; its body and attachments are not.
    const kept = new StringTable();
    const outbox = new Outbox(clock, async ({ at, mail }) => {
      document.outbox.push({
        at: kept.of(at),
        kind: mail.kind,
        caseRef: mail.caseRef === null ? null : kept.of(mail.caseRef),
        stage: mail.stage === null ? null : kept.of(mail.stage),
        to: kept.list(mail.to),
        cc: kept.list(mail.cc),
        subject: flat(mail.subject),
      });
      for (const file of mail.attachments ?? []) if (file.contentType === WORD_DOCUMENT) await input.onForm?.(file);
    });
    const refs: string[] = [];
    const fireReminders = async (until: DateTime) => {
      for (let due = book.takeNextDue(until); due; due = book.takeNextDue(until)) {
        clock.advanceTo(due.at);
        await remind(due, { store, mailer: outbox, deployment, clock, reminders: book });
      }
    };
    // The weekly picture goes out every Monday 08:00 local, as `serve` and the AWS schedule send it,
    // from the first message the run processed: a message dated long ago that fails starts no weeks.
    let nextDigest: DateTime | null = null;
    const fireUntil = async (until: DateTime) => {
      for (; nextDigest !== null && nextDigest <= until; nextDigest = digestTimeAfter(nextDigest, policy.timezone)) {
        await fireReminders(nextDigest);
        clock.advanceTo(nextDigest);
        await sendWeeklyDigests({ store, mailer: outbox, clock, deployment });
      }
      await fireReminders(until);
    };

    for (const index of order) {
      const message = readable[index];
      if (!message) continue;
      const ms = timeOf(index);
      const at = Number.isNaN(ms) ? null : DateTime.fromMillis(ms);
      await fireUntil(at ?? clock.now());
      if (at) clock.advanceTo(at);
      let outcome: Awaited<ReturnType<typeof ingest>>;
      try {
        outcome = await ingest(
          { raw: await message.read(), recipients: [mailbox] },
          { store, mailer: outbox, reminders: book, clock, deployment, reviewToken: replayReviewToken },
        );
      } catch (error) {
        // One message that cannot be processed is reported; the others still run.
        const messageId = await messageIdOf(message);
        document.failed.push({ file: message.name, ...(messageId ? { messageId } : {}), error: describeError(error) });
        continue;
      }
      nextDigest ??= digestTimeAfter(clock.now(), policy.timezone);
      // A Message-ID as parsed is a tree of slices of the header it came from: kept as one flat copy.
      if (outcome.outcome === 'ignored') document.ignored.push({ messageId: flat(outcome.messageId), reason: kept.of(outcome.reason) });
      else if (outcome.outcome === 'review')
        document.review.push({
          messageId: flat(outcome.messageId),
          caseRef: outcome.caseRef === null ? null : kept.of(outcome.caseRef),
          reason: kept.of(outcome.reason),
        });
      if (outcome.caseRef && outcome.outcome !== 'ignored' && !refs.includes(outcome.caseRef)) refs.push(outcome.caseRef);
    }
    await fireUntil(input.until ?? clock.now());

    // Each case read once, into its entry and (when a report is asked for) what the report reads of it.
    const reported: Case[] = [];
    for (const ref of refs) {
      const stored = await store.getCase(ref);
      if (!stored || stored.messages.length === 0) continue;
      document.cases.push(caseEntry(stored, policy, kept));
      if (input.report) reported.push(asReported(stored));
    }
    // The run ends at --until, which may be later than the last thing that happened.
    const end = input.until && input.until > clock.now() ? input.until : clock.now();
    return { document, unreadable, report: input.report ? replayReport(reported, deployment, policy, end) : null };
  } finally {
    await dynamo.close();
    await rm(storeFolder, { recursive: true, force: true });
  }
}

/** A message's Message-ID, read again from its file: only a message that failed needs it, so none is kept. */
async function messageIdOf(message: StoredMessage): Promise<string | undefined> {
  try {
    return (await parseMessage(await message.read(), { ownLoop: LOCAL_SENDER })).messageId;
  } catch {
    return undefined;
  }
}

/**
 * Replay's review tokens come from the reviewed message's id, so that a stored reply to a review
 * request can name its review (`[review <token>]`). Replay is a simulation: the live system's
 * tokens are random.
 */
export const replayReviewToken = (messageId: string): string =>
  createHash('sha256').update(`replay:${messageId}`).digest('hex').slice(0, 24);

function replayReport(cases: readonly Case[], deployment: Deployment, policy: Policy, end: DateTime): MonitoringReport {
  const first = cases.map((c) => DateTime.fromISO(c.openedAt)).reduce((a, b) => (b < a ? b : a), end);
  const day = (instant: DateTime) => instant.setZone(policy.timezone).toISODate() ?? '';
  return figuresOf(deployment.mailboxes, deployment, periodOfDates(day(first), day(end), policy.timezone), end, {
    cases,
    openCases: cases.filter((c) => c.status === 'open'),
  });
}

/**
 * A case as the monitoring report reads it (its stages, dates, status, history and opener),
 * without what only the store needs (Message-IDs, thread keys, sends, contacts): what is kept of
 * each replayed case until the report is worked out.
 */
function asReported(stored: Case): Case {
  return {
    ...stored,
    messages: [],
    threadKeys: [],
    domains: [],
    stageContacts: [],
    participants: stored.participants.slice(0, 1),
    sends: {},
  };
}

const describeError = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

const utc = (iso: string) => DateTime.fromISO(iso).toUTC().toISO({ suppressMilliseconds: true }) ?? iso;

/** A case's entry, its times, stages and words one copy each across the run (`kept`): the cases of a long run share most of them. */
function caseEntry(stored: Case, policy: Policy, kept: StringTable): ReplayDocument['cases'][number] {
  return {
    ref: stored.ref,
    policy: kept.of(stored.policyId),
    status: kept.of(stored.status),
    stage: kept.of(stored.stage),
    openedAt: kept.of(utc(stored.openedAt)),
    stageStartedAt: kept.of(utc(stored.stageStartedAt)),
    deadlines: caseDeadlines(stored, policy, []).map((d) => ({
      kind: kept.of(d.kind),
      stage: d.stage === null ? null : kept.of(d.stage),
      label: kept.of(d.label),
      due: kept.of(isoLocal(d.due, policy.timezone)),
    })),
    messages: stored.messages,
    history: stored.history.map((h) => ({
      at: kept.of(utc(h.at)),
      event: kept.of(h.event),
      stage: kept.of(h.stage),
      messageId: h.messageId,
      ...(h.status !== undefined && h.from ? { from: kept.of(h.from) } : {}),
    })),
  };
}
