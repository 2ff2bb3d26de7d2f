/** A calendar cannot be built or a time cannot be computed from what it was given. */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
}
