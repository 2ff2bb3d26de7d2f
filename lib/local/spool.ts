import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** A message the inbox has accepted: on disk until it is on its case. */
export interface SpooledMessage {
  id: string;
  raw: Buffer;
  recipients: string[];
}

/**
 * Mail accepted by the local inbox, kept on disk from before the sender hears `250` until the
 * message is on its case, so that neither a crash nor a stop loses it: what SES does by writing
 * to S3 before it answers. Each message is written to `.incoming/`, flushed to the disk (fsync),
 * then renamed into the spool (a rename is atomic); a start takes again, in arrival order,
 * whatever a previous run left there. A file in `.incoming/` was never acknowledged and is dropped.
 */
export class Spool {
  private readonly incoming: string;
  private written = 0;

  constructor(
    private readonly folder: string,
    private readonly maxBytes: number,
  ) {
    this.incoming = join(folder, '.incoming');
  }

  async open(): Promise<void> {
    await rm(this.incoming, { recursive: true, force: true });
    await mkdir(this.incoming, { recursive: true });
  }

  /**
   * Writes a message as it streams in. Past `maxBytes` the rest is read and thrown away, nothing
   * more held in memory or on disk, and the answer is null: the sender is told it is too large.
   */
  async write(stream: AsyncIterable<Buffer>, recipients: readonly string[]): Promise<SpooledMessage | null> {
    // Names sort in arrival order: the time, then a counter within this run.
    // A sender may go away before the file below is open: its stream's error then has no reader yet,
    // and unheard it would end the process. Heard here, it is thrown again where the stream is read.
    if (stream instanceof EventEmitter) stream.on('error', () => undefined);
    const id = `${String(Date.now()).padStart(15, '0')}-${String(++this.written).padStart(6, '0')}-${randomBytes(3).toString('hex')}`;
    const partial = join(this.incoming, id);
    const file = await open(partial, 'wx');
    const chunks: Buffer[] = [];
    let bytes = 0;
    let tooLarge = false;
    try {
      await file.write(`${JSON.stringify({ recipients })}\n`);
      for await (const chunk of stream) {
        if (tooLarge) continue;
        bytes += chunk.length;
        if (bytes > this.maxBytes) {
          tooLarge = true;
          chunks.length = 0;
          await file.truncate(0);
          continue;
        }
        chunks.push(chunk);
        await file.write(chunk);
      }
      if (!tooLarge) await file.sync();
    } catch (error) {
      // The sender went away mid-message (the stream ends in an error): it was never acknowledged.
      await file.close();
      await rm(partial, { force: true });
      throw error;
    }
    await file.close();
    if (tooLarge) {
      await rm(partial, { force: true });
      return null;
    }
    await rename(partial, join(this.folder, `${id}.eml`));
    await syncFolder(this.folder);
    return { id, raw: Buffer.concat(chunks), recipients: [...recipients] };
  }

  /** What a previous run accepted and did not finish, oldest first. */
  async pending(): Promise<SpooledMessage[]> {
    const names = (await readdir(this.folder)).filter((name) => name.endsWith('.eml')).sort();
    return Promise.all(
      names.map(async (name) => {
        const content = await readFile(join(this.folder, name));
        const newline = content.indexOf(0x0a);
        const { recipients } = JSON.parse(content.subarray(0, newline).toString('utf8')) as { recipients: string[] };
        return { id: name.slice(0, -'.eml'.length), raw: content.subarray(newline + 1), recipients };
      }),
    );
  }

  /** The message is on its case (or can never be): it leaves the spool. */
  async remove(id: string): Promise<void> {
    await rm(join(this.folder, `${id}.eml`), { force: true });
  }
}

/** Makes a rename into the folder durable: the folder's own entry list is flushed too. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
