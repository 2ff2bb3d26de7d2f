/**
 * The mail service refused this email for good (a recipient it cannot take, too many recipients,
 * a sender not verified): sending it again will not help. The case goes on; a person is told.
 */
export class PermanentSendError extends Error {
  override readonly name = 'PermanentSendError';
}

/** The mail service failed this time (throttled, unreachable, timed out): a retry may send. */
export class TransientSendError extends Error {
  override readonly name = 'TransientSendError';
}
