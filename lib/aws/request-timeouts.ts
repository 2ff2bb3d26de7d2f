/**
 * Every SDK client's HTTP limits: a hung SES, Scheduler or DynamoDB call fails in seconds and is
 * retried by the SDK (3 attempts), well inside the shortest function timeout (remind, 30 s), so
 * the function can give a claim back and fail cleanly instead of being killed mid-send. Without
 * `throwOnRequestTimeout` the SDK only warns when a request runs over.
 */
export const REQUEST_LIMITS = {
  requestHandler: { connectionTimeout: 2_000, requestTimeout: 6_000, throwOnRequestTimeout: true },
  maxAttempts: 3,
} as const;
