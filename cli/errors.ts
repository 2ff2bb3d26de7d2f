/** The command line was used wrongly: printed as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
