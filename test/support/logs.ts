import { vi } from 'vitest';

/** Captures what Powertools' logger writes: INFO to stdout, WARN and ERROR to stderr. */
export function captureLogs(): string[] {
  const lines: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(chunk.toString());
      return true;
    });
  }
  return lines;
}
