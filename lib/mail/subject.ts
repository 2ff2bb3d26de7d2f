/**
 * Reply and forward prefixes in the languages mail clients use (Re, Fw, Fwd, AW, WG, SV, VS,
 * Antw, TR, RV, R, Odp, RIF, ENC…), possibly numbered ("Re[2]:") or in full-width colon, and
 * tags that gateways add ("[EXTERNAL]", "[OFFICIAL-SENSITIVE]", "*EXTERNAL*").
 */
const PREFIX =
  /\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|antw|doorst|tr|rv|r|odp|pd|rif|enc|res|ynt|vb)(?:\s*\[\d+\]|\s*\(\d+\))?\s*[:：]\s*|\[(?:external|ext|external email|external sender|caution|secure|official|official[- ]sensitive|spam\??|suspected spam)\]\s*|\*(?:external|ext)\*\s*|(?:external|caution)\s*:\s*)/iy;

/** The subject without its prefixes and tags: they are matched where the last one ended (sticky), so "Re: " ×100,000 takes linear time. */
export function cleanSubject(subject: string): string {
  const rest = subject.replace(/\s+/g, ' ').trim();
  let at = 0;
  for (;;) {
    PREFIX.lastIndex = at;
    const match = PREFIX.exec(rest);
    if (!match || match[0].length === 0) break;
    at += match[0].length;
  }
  return rest.slice(at).trim();
}

/** `SSP-2026-0007`, bracketed or not; the prefix is capital letters as the system writes them. */
const REFERENCE = /(?<![A-Za-z0-9-])([A-Z]{2,8})-(\d{4})-(\d{4,6})(?![A-Za-z0-9-])/g;

export function referenceTags(subject: string): string[] {
  return [...new Set([...subject.matchAll(REFERENCE)].map((match) => match[0]))];
}
