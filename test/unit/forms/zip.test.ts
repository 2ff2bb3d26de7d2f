import { describe, expect, it } from 'vitest';
import { deflatedEntry, unzipArchive, zipArchive, ZipFormatError } from '../../../lib/forms/zip.js';

describe('zip archives', () => {
  const entries = [deflatedEntry('a.xml', '<a>é</a>'), deflatedEntry('dir/b.bin', Buffer.from([0, 1, 2, 255])), deflatedEntry('empty', '')];
  const archive = zipArchive(entries, new Date(2026, 11, 2, 10, 30, 14));

  it('give back what was put in them, in order', () => {
    expect(unzipArchive(archive)).toEqual([
      { name: 'a.xml', content: Buffer.from('<a>é</a>') },
      { name: 'dir/b.bin', content: Buffer.from([0, 1, 2, 255]) },
      { name: 'empty', content: Buffer.alloc(0) },
    ]);
  });

  it('carry the time they were written, as zip tools read it (local time, to two seconds)', () => {
    const [time, date] = [archive.readUInt16LE(10), archive.readUInt16LE(12)];
    expect([date >> 9, (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2]).toEqual([46, 12, 2, 10, 30, 14]);
  });

  it('are refused when they are not archives, or their content does not match its checksum', () => {
    expect(() => unzipArchive(Buffer.from('not a zip'))).toThrow(ZipFormatError);
    const damaged = Buffer.from(archive);
    const directory = archive.readUInt32LE(archive.length - 22 + 16);
    damaged.writeUInt32LE(((entries[0]?.crc ?? 0) + 1) >>> 0, directory + 16); // the first entry's checksum, as the directory gives it
    expect(() => unzipArchive(damaged)).toThrow(/checksum/);
  });
});
