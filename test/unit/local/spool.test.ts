import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SerialWriter } from '../../../lib/local/serial-writer.js';
import { Spool } from '../../../lib/local/spool.js';

const chunks = (...parts: string[]) => Readable.from(parts.map((part) => Buffer.from(part)));

describe('the spool', () => {
  it('keeps each accepted message with its recipients until removed, and gives them back in arrival order', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'spool-')), 'spool');
    const spool = new Spool(folder, 1000);
    await spool.open();
    const first = await spool.write(chunks('Subject: one\r\n', '\r\nbody\n'), ['a@partnership.example']);
    const second = await spool.write(chunks('Subject: two\r\n\r\n'), ['b@partnership.example', 'c@partnership.example']);
    expect(first?.raw.toString()).toBe('Subject: one\r\n\r\nbody\n');

    const again = new Spool(folder, 1000);
    await again.open();
    expect((await again.pending()).map((m) => [m.id, m.raw.toString(), m.recipients])).toEqual([
      [first?.id, 'Subject: one\r\n\r\nbody\n', ['a@partnership.example']],
      [second?.id, 'Subject: two\r\n\r\n', ['b@partnership.example', 'c@partnership.example']],
    ]);
    await again.remove(first?.id ?? '');
    expect((await again.pending()).map((m) => m.id)).toEqual([second?.id]);
  });

  it('reads an over-limit message to its end but keeps none of it, and answers null', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'spool-')), 'spool');
    const spool = new Spool(folder, 10);
    await spool.open();
    const stream = chunks('12345', '67890', 'abcdef', 'more after the limit');
    expect(await spool.write(stream, ['a@partnership.example'])).toBeNull();
    expect(stream.readableEnded).toBe(true);
    expect(await spool.pending()).toEqual([]);
    expect(readdirSync(join(folder, '.incoming'))).toEqual([]);
  });

  it('drops at start a message that was still being received (it was never acknowledged)', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'spool-')), 'spool');
    const spool = new Spool(folder, 1000);
    await spool.open();
    writeFileSync(join(folder, '.incoming', 'partial'), '{"recipients":[]}\nSubject: half');
    await new Spool(folder, 1000).open();
    expect(readdirSync(join(folder, '.incoming'))).toEqual([]);
    expect(await spool.pending()).toEqual([]);
  });
});

describe('the serial writer', () => {
  it('never runs two writes at once, and serves requests made during a write with one more write', async () => {
    let running = 0;
    let most = 0;
    const started: (() => void)[] = [];
    const releases: (() => void)[] = [];
    const writer = new SerialWriter(async () => {
      running++;
      most = Math.max(most, running);
      started.shift()?.();
      await new Promise<void>((resolve) => releases.push(resolve));
      running--;
    });
    const writeStarted = () => new Promise<void>((resolve) => started.push(resolve));

    let first = writeStarted();
    const before = [writer.save(), writer.save()]; // both asked before any write began: one write serves both
    await first;
    first = writeStarted();
    const during = [writer.save(), writer.save(), writer.save()]; // asked during it: one more write, after it
    releases.shift()?.();
    await Promise.all(before);
    await first;
    expect(releases).toHaveLength(1);
    releases.shift()?.();
    await Promise.all(during);
    expect(most).toBe(1);
    expect(releases).toHaveLength(0);
  });
});

describe('the spool, when the sender goes away mid-message', () => {
  it('keeps nothing of it and says so', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'spool-')), 'spool');
    const spool = new Spool(folder, 1000);
    await spool.open();
    const stream = new Readable({ read() {} });
    stream.push(Buffer.from('Subject: half'));
    const written = spool.write(stream, ['a@partnership.example']);
    setImmediate(() => stream.destroy(new Error('Connection closed before the message was received in full')));
    await expect(written).rejects.toThrow('Connection closed');
    expect(readdirSync(join(folder, '.incoming'))).toEqual([]);
    expect(await spool.pending()).toEqual([]);
  });

  it('keeps nothing, and stops nothing, when the sender went away before the spool read a byte', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'spool-')), 'spool');
    const spool = new Spool(folder, 1000);
    await spool.open();
    const stream = new Readable({ read() {} });
    const written = spool.write(stream, ['a@partnership.example']);
    // At once, while the spool is still opening its file: an error nobody heard would end the process.
    stream.destroy(new Error('Connection closed before the message was received in full'));
    await expect(written).rejects.toThrow('Connection closed');
    expect(readdirSync(join(folder, '.incoming'))).toEqual([]);
  });
});
