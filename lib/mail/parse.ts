import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { MailParser, simpleParser, type AddressObject, type HeaderLines } from 'mailparser';
import { UnreadableMailError } from './errors.js';
import { forwardedHeaderBlocks } from './forwarded.js';
import { htmlAsText } from './html-text.js';
import type { AttachmentInfo, ForwardedMessage, Message, Participant, Verdicts } from './message.js';
import { detectNoise, viaOwnList } from './noise.js';
import { splitNewText } from './new-text.js';
import { participant, uniqueParticipants } from './participants.js';
import { cleanSubject, referenceTags } from './subject.js';
import { mergeVerdicts, verdictsFromHeaders } from './verdicts.js';

/** SES refuses to receive messages over 40 MB; nothing larger can be genuine here. */
export const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;
/** An attached message is read for its people only, up to this size. */
const MAX_EMBEDDED_BYTES = 2 * 1024 * 1024;
/** mailparser reads no more HTML than this; html-text.ts then turns at most its first 256 KB into text. */
const MAX_HTML_CHARS = 2 * 1024 * 1024;

/**
 * The mailparser options the product uses: it needs neither HTML made from text, links found in
 * text, nor images inlined (three times faster), and it reads attached messages itself.
 */
export const MAILPARSER_OPTIONS = {
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
  skipHtmlToText: true,
  ignoreEmbedded: true,
  maxHtmlLengthToParse: MAX_HTML_CHARS,
  checksumAlgo: false,
} as const;

export interface ParseOptions {
  /** The system's own X-Loop value, to recognise its own mail. */
  ownLoop: string;
  /** Addresses the system sends from. */
  ownAddresses?: readonly string[];
  /** The partnership's own addresses, under which its own list (a Google Group) may relay mail. */
  ownLists?: readonly string[];
  /** Verdicts from the SES event, which win over the headers. */
  verdicts?: Partial<Verdicts>;
}

interface Collected {
  headers: Map<string, unknown>;
  headerLines: HeaderLines;
  text: string;
  html: string;
  attachments: AttachmentInfo[];
  embedded: Buffer[];
}

/** Raw MIME bytes → Message. Throws UnreadableMailError, never anything else. */
export async function parseMessage(raw: Buffer, options: ParseOptions): Promise<Message> {
  if (raw.length > MAX_MESSAGE_BYTES) {
    throw new UnreadableMailError('too-large', `message of ${raw.length} bytes is over the ${MAX_MESSAGE_BYTES}-byte receiving limit`);
  }
  let collected: Collected;
  try {
    collected = await collect(raw);
  } catch (error) {
    throw new UnreadableMailError('malformed', `MIME structure cannot be parsed: ${(error as Error).message}`, { cause: error });
  }
  try {
    return await toMessage(raw, collected, options);
  } catch (error) {
    if (error instanceof UnreadableMailError) throw error;
    throw new UnreadableMailError('malformed', `message cannot be read: ${(error as Error).message}`, { cause: error });
  }
}

/** Streams the message through MailParser, counting attachments' bytes and dropping them as they pass. */
function collect(raw: Buffer): Promise<Collected> {
  return new Promise((resolve, reject) => {
    const parser = new MailParser(MAILPARSER_OPTIONS);
    const collected: Collected = { headers: new Map(), headerLines: [], text: '', html: '', attachments: [], embedded: [] };
    parser.on('headers', (headers) => (collected.headers = headers as Map<string, unknown>));
    parser.on('headerLines', (lines: HeaderLines) => (collected.headerLines = lines));
    parser.on('data', (data) => {
      if (data.type === 'text') {
        collected.text = typeof data.text === 'string' ? data.text : '';
        collected.html = typeof data.html === 'string' ? data.html : '';
        return;
      }
      const info: AttachmentInfo = { filename: data.filename ?? null, contentType: data.contentType, size: 0 };
      collected.attachments.push(info);
      const keep = data.contentType === 'message/rfc822';
      const chunks: Buffer[] = [];
      data.content.on('data', (chunk: Buffer) => {
        info.size += chunk.length;
        if (keep && info.size <= MAX_EMBEDDED_BYTES) chunks.push(chunk);
      });
      data.content.on('end', () => {
        if (keep && info.size <= MAX_EMBEDDED_BYTES) collected.embedded.push(Buffer.concat(chunks));
        data.release?.();
      });
    });
    parser.on('error', reject);
    parser.on('end', () => {
      resolve(collected);
    });
    parser.end(raw);
  });
}

async function toMessage(raw: Buffer, mail: Collected, options: ParseOptions): Promise<Message> {
  const header = rawHeaderReader(mail.headerLines);
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const messageIdHeader = stringHeader(mail.headers.get('message-id'));
  const ownList = viaOwnList(header, options.ownLists ?? []);
  const replyTo = addresses(mail.headers.get('reply-to'));
  const listFrom = addresses(mail.headers.get('from'))[0] ?? null;
  // A Google Group rewrites the From of senders whose domain enforces DMARC to the group's own
  // address ("Jane via Partnership"), keeping the writer in Reply-To: the writer is the sender.
  const rewritten = ownList && listFrom !== null && (options.ownLists ?? []).includes(listFrom.address) && replyTo[0] !== undefined;
  const from = rewritten ? (replyTo[0] ?? null) : listFrom;
  const subject = stringHeader(mail.headers.get('subject')) ?? '';
  const date = sentDate(header('date')[0]);
  const to = addresses(mail.headers.get('to'));
  if (!messageIdHeader && !from && !subject && !date && to.length === 0) {
    throw new UnreadableMailError('not-mail', 'no From, To, Subject, Date or Message-ID header: these bytes are not an email');
  }

  // mailparser leaves `text` empty for an HTML-only part inside multipart/mixed: convert it here.
  const body = mail.text.trim() !== '' ? mail.text : mail.html ? htmlAsText(mail.html) : '';
  const { newText, historyText, historyLines } = splitNewText(body);
  const contentType = contentTypeOf(mail.headers.get('content-type'));
  const noise = detectNoise({
    header,
    subject,
    from,
    contentType,
    ownLoop: options.ownLoop,
    ownAddresses: options.ownAddresses ?? [],
    ownLists: options.ownLists ?? [],
  });

  return {
    messageId: messageIdHeader ? normaliseId(messageIdHeader) : `<${sha256.slice(0, 32)}@derived.invalid>`,
    messageIdDerived: !messageIdHeader,
    sha256,
    size: raw.length,
    date,
    from,
    to,
    cc: addresses(mail.headers.get('cc')),
    replyTo,
    subject,
    cleanSubject: cleanSubject(subject),
    referenceTags: referenceTags(subject),
    inReplyTo: messageIds(mail.headers.get('in-reply-to'))[0] ?? null,
    references: messageIds(mail.headers.get('references')),
    attachments: mail.attachments,
    forwarded: [...forwardedHeaderBlocks(historyLines), ...(await Promise.all(mail.embedded.map(embeddedPeople)))],
    flags: noise.flags,
    flagReasons: noise.reasons,
    verdicts: mergeVerdicts(
      options.verdicts,
      verdictsFromHeaders({
        spam: header('x-ses-spam-verdict')[0],
        virus: header('x-ses-virus-verdict')[0],
        authenticationResults: header('authentication-results'),
      }),
    ),
    newText,
    historyText,
  };
}

/** An attached message: its people and subject are kept; its text is history. */
async function embeddedPeople(bytes: Buffer): Promise<ForwardedMessage> {
  try {
    const mail = await simpleParser(bytes, { ...MAILPARSER_OPTIONS, maxHtmlLengthToParse: 0 });
    const list = (value: AddressObject | AddressObject[] | undefined) => addresses(value);
    return { from: list(mail.from), to: list(mail.to), cc: list(mail.cc), subject: mail.subject ?? null };
  } catch {
    return { from: [], to: [], cc: [], subject: null };
  }
}

function addresses(value: unknown): Participant[] {
  const objects = (Array.isArray(value) ? value : value ? [value] : []) as Partial<AddressObject>[];
  const flat: Participant[] = [];
  const visit = (entries: readonly { address?: string | undefined; name?: string; group?: unknown[] }[] | undefined) => {
    for (const entry of entries ?? []) {
      if (Array.isArray(entry.group)) visit(entry.group as typeof entries);
      const p = participant(entry.address, entry.name);
      if (p) flat.push(p);
    }
  };
  for (const object of objects) visit(object.value);
  return uniqueParticipants(flat);
}

/** mailparser puts the current time in place of an invalid Date header: read the header itself. */
function sentDate(raw: string | undefined): Date | null {
  if (!raw) return null;
  const quick = Date.parse(raw);
  if (!Number.isNaN(quick)) return new Date(quick);
  const rfc = DateTime.fromRFC2822(raw.replace(/\s+\([^)]*\)\s*$/, ''));
  return rfc.isValid ? rfc.toJSDate() : null;
}

function stringHeader(value: unknown): string | undefined {
  if (Array.isArray(value)) return stringHeader(value[0]);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The thread's root (first) and its most recent ids: a References header of thousands of ids
 * would make a case item pass DynamoDB's 400 KB while adding nothing a reply needs to match.
 */
export const MAX_REFERENCES = 40;

function messageIds(value: unknown): string[] {
  const text = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
  const ids = [...new Set((text.match(/<[^<>\s]+>/g) ?? text.split(/\s+/).filter((id) => id.includes('@'))).map(normaliseId))];
  return ids.length <= MAX_REFERENCES ? ids : [ids[0] ?? '', ...ids.slice(ids.length - MAX_REFERENCES + 1)];
}

/** Longer ids are kept as their hash: DynamoDB keys stop at 2,048 bytes, and no mail client writes ids this long. */
export const MAX_ID_LENGTH = 250;

/** Message-IDs compare with their angle brackets, case-sensitive local part as sent. */
function normaliseId(id: string): string {
  const trimmed = id.trim().replace(/^<|>$/g, '');
  if (Buffer.byteLength(trimmed) <= MAX_ID_LENGTH) return `<${trimmed}>`;
  return `<${createHash('sha256').update(trimmed).digest('hex').slice(0, 40)}@hashed.invalid>`;
}

function contentTypeOf(value: unknown): string {
  const type = (value as { value?: unknown } | undefined)?.value;
  return typeof type === 'string' ? type.toLowerCase() : 'text/plain';
}

/** Header values as written, unfolded, every occurrence: what noise and verdict checks read. */
function rawHeaderReader(lines: HeaderLines): (name: string) => string[] {
  const byName = new Map<string, string[]>();
  for (const { key, line } of lines) {
    const value = line.slice(line.indexOf(':') + 1);
    const unfolded = (value.includes('\n') ? value.replace(/\r?\n[ \t]+/g, ' ') : value).trim();
    const values = byName.get(key);
    // Pushed, not copied: a message with thousands of Received lines stays linear.
    if (values) values.push(unfolded);
    else byName.set(key, [unfolded]);
  }
  return (name) => byName.get(name.toLowerCase()) ?? [];
}
