import type { Verdict, Verdicts } from './message.js';

export const NO_VERDICTS: Verdicts = { spam: null, virus: null, spf: null, dkim: null, dmarc: null };

const SES_VERDICTS = new Set(['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED']);

export function asVerdict(value: string | undefined | null): Verdict {
  const upper = value?.trim().toUpperCase();
  return upper && SES_VERDICTS.has(upper) ? (upper as Verdict) : null;
}

/** RFC 8601 results map onto SES's words: pass, fail (and softfail), anything else is GRAY. */
function fromAuthResult(result: string | undefined): Verdict {
  if (!result) return null;
  const lower = result.toLowerCase();
  if (lower === 'pass') return 'PASS';
  if (lower === 'fail' || lower === 'softfail' || lower === 'permerror') return 'FAIL';
  if (lower === 'temperror') return 'PROCESSING_FAILED';
  return 'GRAY';
}

/**
 * The verdicts SES writes into a stored message. Only an Authentication-Results header whose
 * authserv-id is SES's own is believed: any other could have been written by the sender.
 */
export function verdictsFromHeaders(headers: {
  spam: string | undefined;
  virus: string | undefined;
  authenticationResults: readonly string[];
}): Verdicts {
  const ses = headers.authenticationResults.find((value) => /^\s*amazonses\.com\s*;/i.test(value));
  const result = (method: string) => ses?.match(new RegExp(`(?:^|[;\\s])${method}=([a-z]+)`, 'i'))?.[1];
  return {
    spam: asVerdict(headers.spam),
    virus: asVerdict(headers.virus),
    spf: fromAuthResult(result('spf')),
    dkim: fromAuthResult(result('dkim')),
    dmarc: fromAuthResult(result('dmarc')),
  };
}

/** SES event verdicts win over headers; a field the event lacks falls back to the header's. */
export function mergeVerdicts(fromEvent: Partial<Verdicts> | undefined, fromHeaders: Verdicts): Verdicts {
  const pick = (key: keyof Verdicts) => fromEvent?.[key] ?? fromHeaders[key];
  return { spam: pick('spam'), virus: pick('virus'), spf: pick('spf'), dkim: pick('dkim'), dmarc: pick('dmarc') };
}

/** docs/design.md, 'Safety': SPF and DKIM both fail, or DMARC fails. */
export function failsAuthentication(verdicts: Verdicts): boolean {
  return (verdicts.spf === 'FAIL' && verdicts.dkim === 'FAIL') || verdicts.dmarc === 'FAIL';
}
