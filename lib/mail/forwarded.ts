import type { ForwardedMessage } from './message.js';
import type { Participant } from './message.js';
import { participant } from './participants.js';
import { head } from './scan.js';

/** A quoted To or Cc line longer than this is cut: 100 recipients fit in it. */
const MAX_HEADER_LINE = 4000;

const HEADER_LINE = /^\s*\*?(from|to|cc|subject|von|an|de|à|para|da|a|van|aan|från|till|fra|til)\s*:\*?\s*(.*)$/i;
const FIELD: Record<string, 'from' | 'to' | 'cc' | 'subject'> = {
  from: 'from',
  von: 'from',
  de: 'from',
  da: 'from',
  van: 'from',
  från: 'from',
  fra: 'from',
  to: 'to',
  an: 'to',
  à: 'to',
  para: 'to',
  a: 'to',
  aan: 'to',
  till: 'to',
  til: 'to',
  cc: 'cc',
  subject: 'subject',
};

/**
 * The header blocks of inline forwards and quoted Outlook replies in a message's history: their
 * people belong to the case even though their text gives no signals.
 */
export function forwardedHeaderBlocks(historyLines: readonly string[]): ForwardedMessage[] {
  const blocks: ForwardedMessage[] = [];
  // A long thread repeats the same To and Cc lines in every quoted block: parse each value once.
  const parsed = new Map<string, Participant[]>();
  let current: ForwardedMessage | null = null;
  for (const line of historyLines) {
    const match = line.includes(':') ? HEADER_LINE.exec(head(line, MAX_HEADER_LINE)) : null;
    const field = match ? FIELD[(match[1] ?? '').toLowerCase()] : undefined;
    if (!match || !field) {
      if (current && line.trim() === '') current = null;
      continue;
    }
    const value = match[2] ?? '';
    if (field === 'from' || !current) {
      current = { from: [], to: [], cc: [], subject: null };
      blocks.push(current);
    }
    if (field === 'subject') current.subject = value.trim();
    else {
      let list = parsed.get(value);
      if (!list) {
        list = value.includes('@') ? quotedAddresses(value) : [];
        parsed.set(value, list);
      }
      current[field].push(...list);
    }
  }
  return blocks.filter((block) => block.from.length + block.to.length + block.cc.length > 0);
}

/**
 * The people of a quoted header line. These lines are display text that mail clients write
 * ("Smith, Jane <jane@…>", "Jane Smith [mailto:jane@…]", bare addresses), not RFC 5322 lists,
 * so a scan for addresses, each with the words before it as its name, reads them better than
 * an address-list parser, and at a tenth of the cost.
 */
function quotedAddresses(value: string): Participant[] {
  const people: Participant[] = [];
  const text = value.includes('[') ? value.replace(/\[mailto:([^\]]{0,254})\]/gi, '<$1>') : value;
  let rest = 0;
  // Tokens, not a pattern for an address: a bare token is read once whatever its length (linear time).
  for (const match of text.matchAll(/<([^<>\s]{1,254})>|([^\s<>()",;:[\]]+)/g)) {
    const address = match[1] ?? match[2] ?? '';
    if (!address.includes('@')) continue;
    const bracketed = match[1] !== undefined;
    const name = bracketed
      ? text
          // A display name is short: its last 200 characters at most, so that trimming stays linear.
          .slice(Math.max(rest, match.index - 200), match.index)
          .replace(/^[\s,;]+/, '')
          .trimEnd()
          .replace(/[,;"']+$/, '')
          .trim()
          .replace(/^["']/, '')
      : '';
    const found = participant(address, name);
    if (found) people.push(found);
    rest = match.index + match[0].length;
  }
  return people;
}
