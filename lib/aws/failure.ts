import { createHash } from 'node:crypto';

/**
 * A function invocation failed, said without the failure's own text: AWS errors quote what they
 * were given (addresses, keys), and the Lambda runtime logs whatever a handler throws. The name
 * and a digest of the message are enough to match log lines; the retry does the rest.
 */
export class InvocationFailedError extends Error {
  override readonly name = 'InvocationFailedError';
}

export const errorName = (error: unknown): string => (error instanceof Error ? error.name : 'unknown');

/** A fingerprint of an error's message, never the message. */
export const errorHash = (error: unknown): string =>
  createHash('sha256')
    .update(error instanceof Error ? error.message : String(error))
    .digest('hex')
    .slice(0, 12);

/** Runs `work`; a failure is logged by name and digest and rethrown as an InvocationFailedError saying only those. */
export async function withoutPersonalData<T>(
  what: string,
  log: { error(message: string, attributes: Record<string, unknown>): void },
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const attributes = { error: errorName(error), errorHash: errorHash(error) };
    log.error(`${what} failed; the invocation will be retried`, attributes);
    throw new InvocationFailedError(`${what} failed: ${attributes.error} (${attributes.errorHash})`);
  }
}
