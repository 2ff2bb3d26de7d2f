/**
 * Every pattern in lib/mail reads a line through `examine`, which hands it at most
 * `MAX_EXAMINED` characters. A header, a separator or a sign-off is far shorter than that, and a
 * bounded input bounds the work of any regular expression on it, backtracking included: with a
 * constant number of patterns per line, the work on a message is linear in its size whatever it
 * contains. `work` counts the characters examined, so that tests can assert linearity on a count
 * rather than on a clock.
 */
export const MAX_EXAMINED = 400;

export const work = { examined: 0, longest: 0 };

/** The first `MAX_EXAMINED` characters of `text`, counted. */
export function head(text: string, length = MAX_EXAMINED): string {
  const part = text.length > length ? text.slice(0, length) : text;
  work.examined += part.length;
  if (part.length > work.longest) work.longest = part.length;
  return part;
}

/** The last `length` characters of `text`, counted. */
export function tail(text: string, length = MAX_EXAMINED): string {
  const part = text.length > length ? text.slice(text.length - length) : text;
  work.examined += part.length;
  if (part.length > work.longest) work.longest = part.length;
  return part;
}

export function resetWork(): void {
  work.examined = 0;
  work.longest = 0;
}
