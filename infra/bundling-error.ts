/** A function could not be bundled: the synth stops. */
export class BundlingError extends Error {
  override readonly name = 'BundlingError';
}
