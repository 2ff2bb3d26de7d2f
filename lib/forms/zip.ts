import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** Bytes that are not a zip archive this module can read (one disk, stored or deflated entries). */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

/** A file of an archive, deflated once: archives are written from entries as they are, so a part many archives share is compressed once. */
export interface ZipEntry {
  name: string;
  crc: number;
  /** Its size before compression. */
  size: number;
  deflated: Buffer;
}

export function deflatedEntry(name: string, content: string | Buffer): ZipEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, crc: crc32(bytes), size: bytes.length, deflated: deflateRawSync(bytes) };
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const [STORED, DEFLATED] = [0, 8];
/** Version 2.0: what deflate needs to extract. */
const VERSION = 20;

/** A zip archive of the entries in the order given, each deflated, modified at `at` (local time, as zip tools show it). */
export function zipArchive(entries: readonly ZipEntry[], at: Date): Buffer {
  const time = (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1);
  const date = ((at.getFullYear() - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate();
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(DEFLATED, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(VERSION, 4);
    local.copy(central, 6, 4, 30); // version needed to extract … name length: the same fields
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, entry.deflated);
    directory.push(central, name);
    offset += local.length + name.length + entry.deflated.length;
  }
  const size = directory.reduce((total, part) => total + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}

/** The files of an archive, in the order its directory lists them. */
export function unzipArchive(archive: Buffer): { name: string; content: Buffer }[] {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > archive.length) throw new ZipFormatError('no end of central directory');
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files: { name: string; content: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > archive.length || archive.readUInt32LE(at) !== CENTRAL_HEADER)
      throw new ZipFormatError(`entry ${i} has no directory header`);
    const [method, crc, compressed, nameLength] = [
      archive.readUInt16LE(at + 10),
      archive.readUInt32LE(at + 16),
      archive.readUInt32LE(at + 20),
      archive.readUInt16LE(at + 28),
    ];
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const local = archive.readUInt32LE(at + 42);
    if (local + 30 > archive.length || archive.readUInt32LE(local) !== LOCAL_HEADER)
      throw new ZipFormatError(`${name} has no local header`);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + compressed);
    if (method !== STORED && method !== DEFLATED) throw new ZipFormatError(`${name} is compressed by method ${method}`);
    const content = method === DEFLATED ? inflateRawSync(data) : Buffer.from(data);
    if (crc32(content) !== crc) throw new ZipFormatError(`${name} does not match its checksum`);
    files.push({ name, content });
    at += 46 + nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
  }
  return files;
}
