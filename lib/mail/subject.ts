/**
 * Reply and forward prefixes in the languages mail clients use (Re, Fw, Fwd, AW, WG, SV, VS,
 * Antw, TR, RV, R, Odp, RIF, ENC…), possibly numbered ("Re[2]:") or in full-width colon, and
 * tags that gateways add ("[EXTERNAL]", "[OFFICIAL-SENSITIVE]", "*EXTERNAL*").
 */
const PREFIX =
  /^\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|antw|doorst|tr|rv|r|odp|pd|rif|enc|res|ynt|vb)(?:\s*\[\d+\]|\s*\(\d+\))?\s*[:：]\s*|\[(?:external|ext|external email|external sender|caution|secure|official|official[- ]sensitive|spam\??|suspected spam)\]\s*|\*(?:external|ext)\*\s*|(?:external|caution)\s*:\s*)/i;

export function cleanSubject(subject: string): string {
  let rest = subject.replace(/\s+/g, ' ').trim();
  for (let previous = ''; previous !== rest;) {
    previous = rest;
    rest = rest.replace(PREFIX, '');
  }
  return rest.trim();
}

/** `SSP-2026-0007`, bracketed or not; the prefix is capital letters as the system writes them. */
const REFERENCE = /(?<![A-Za-z0-9-])([A-Z]{2,8})-(\d{4})-(\d{4,6})(?![A-Za-z0-9-])/g;

export function referenceTags(subject: string): string[] {
  return [...new Set([...subject.matchAll(REFERENCE)].map((match) => match[0]))];
}
