/** The local store cannot be used: another process holds it, it is missing, or an older version made it. */
export class LocalStoreError extends Error {
  override readonly name = 'LocalStoreError';
}
