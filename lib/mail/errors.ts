export type UnreadableReason = 'too-large' | 'not-mail' | 'malformed';

/** Bytes that cannot be read as an email; the reason says which way. */
export class UnreadableMailError extends Error {
  override readonly name = 'UnreadableMailError';

  constructor(
    readonly reason: UnreadableReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
