/**
 * esbuild writes its output in ASCII except inside regular expression literals (and comments),
 * where a non-ASCII character stays as it is: one such character makes node decode and V8 scan
 * the whole file as two-byte text, which costs ingest about 7 % of its cold start. Each is
 * written as a `\u` escape instead, which means the same character there, and the source map's
 * columns on that line are moved to match.
 */
/** Whether a text holds any character outside ASCII. */
export const hasNonAscii = (text: string): boolean => /[\u0080-\uffff]/.test(text);

export function asciiOnly(code: string, map: string): { code: string; map: string } {
  const lines = code.split('\n');
  const moved = new Map<number, (column: number) => number>();
  lines.forEach((line, index) => {
    if (!hasNonAscii(line)) return;
    const { text, column } = escapeLine(line);
    lines[index] = text;
    moved.set(index, column);
  });
  if (moved.size === 0) return { code, map };
  const parsed = JSON.parse(map) as { mappings: string };
  parsed.mappings = parsed.mappings
    .split(';')
    .map((segments, index) => {
      const column = moved.get(index);
      return column ? moveColumns(segments, column) : segments;
    })
    .join(';');
  return { code: lines.join('\n'), map: JSON.stringify(parsed) };
}

/** The line with each non-ASCII character escaped, and where each old column (UTF-16) went. */
function escapeLine(line: string): { text: string; column: (column: number) => number } {
  let text = '';
  const shifts: [at: number, by: number][] = [];
  for (let i = 0; i < line.length; i++) {
    const unit = line.charCodeAt(i);
    if (unit < 0x80) {
      text += line.charAt(i);
      continue;
    }
    // `\é` (an escaped é) becomes `\u00e9`: its backslash already opens the escape.
    let backslashes = 0;
    while (text[text.length - 1 - backslashes] === '\\') backslashes++;
    const escape = `${backslashes % 2 === 1 ? '' : '\\'}u${unit.toString(16).padStart(4, '0')}`;
    text += escape;
    shifts.push([i, escape.length - 1]);
  }
  const column = (old: number) => old + shifts.reduce((sum, [at, by]) => (at < old ? sum + by : sum), 0);
  return { text, column };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One line of a source map's mappings with each segment's generated column moved (the first field, relative within the line). */
function moveColumns(segments: string, column: (old: number) => number): string {
  let previousOld = 0;
  let previousNew = 0;
  return segments
    .split(',')
    .map((segment) => {
      if (segment === '') return segment;
      const [delta = 0, ...rest] = decodeVlq(segment);
      const old = previousOld + delta;
      const moved = column(old);
      const encoded = encodeVlq([moved - previousNew, ...rest]);
      previousOld = old;
      previousNew = moved;
      return encoded;
    })
    .join(',');
}

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

function encodeVlq(values: readonly number[]): string {
  let out = '';
  for (const value of values) {
    let rest = value < 0 ? (-value << 1) | 1 : value << 1;
    do {
      let digit = rest & 31;
      rest >>>= 5;
      if (rest > 0) digit |= 32;
      out += BASE64.charAt(digit);
    } while (rest > 0);
  }
  return out;
}
