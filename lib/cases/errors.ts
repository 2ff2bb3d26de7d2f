/** Someone else wrote the case (or its reference) first: re-read and try again. */
export class CaseConflictError extends Error {
  override readonly name = 'CaseConflictError';
}

/** A case kept conflicting after every retry. */
export class CaseContentionError extends Error {
  override readonly name = 'CaseContentionError';
}

/** No configured partnership mailbox is among the message's recipients. */
export class UnroutableMessageError extends Error {
  override readonly name = 'UnroutableMessageError';
}
