import type { ForwardedMessage } from './message.js';
import { parseAddressList } from './participants.js';

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
export function forwardedHeaderBlocks(history: string): ForwardedMessage[] {
  const blocks: ForwardedMessage[] = [];
  let current: ForwardedMessage | null = null;
  for (const line of history.split('\n')) {
    const match = HEADER_LINE.exec(line);
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
    else current[field].push(...parseAddressList(value.replace(/\[mailto:([^\]]*)\]/gi, '<$1>')));
  }
  return blocks.filter((block) => block.from.length + block.to.length + block.cc.length > 0);
}
