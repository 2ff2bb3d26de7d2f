/**
 * Structured logging, as Powertools' Logger and the local runtime provide it. Attributes carry
 * case references, hashes and outcomes: never names, addresses, subjects or message text.
 */
export interface Log {
  info(message: string, attributes: Record<string, unknown>): void;
  warn(message: string, attributes: Record<string, unknown>): void;
  error(message: string, attributes: Record<string, unknown>): void;
}
