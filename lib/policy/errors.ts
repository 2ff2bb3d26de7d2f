/** No policy has the id asked for. */
export class UnknownPolicyError extends Error {
  override readonly name = 'UnknownPolicyError';

  constructor(
    readonly requested: string,
    readonly known: readonly string[],
  ) {
    super(`unknown policy '${requested}': use one of ${known.join(', ')}, or the path of a policy .json file`);
  }
}

/** A policy file cannot be read, is not JSON, or does not describe a valid policy. */
export class InvalidPolicyError extends Error {
  override readonly name = 'InvalidPolicyError';

  constructor(
    readonly origin: string,
    readonly problems: readonly string[],
    options?: ErrorOptions,
  ) {
    super(`invalid policy ${origin}: ${problems.join('; ')}`, options);
  }
}

/** A stage id that the policy does not have. */
export class UnknownStageError extends Error {
  override readonly name = 'UnknownStageError';

  constructor(
    readonly policyId: string,
    readonly requested: string,
    readonly known: readonly string[],
  ) {
    super(`policy '${policyId}' has no stage '${requested}': use one of ${known.join(', ')}`);
  }
}
