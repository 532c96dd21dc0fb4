/**
 * The ECS agent retries an AWS call that failed in transport (`RequestError`, timeouts, a canceled context) several
 * times and reports `retried 3|5 time(s)`; one the service refused (access denied, no such secret) is not retried, so
 * `retried 1 time(s)` with no transport error after it is a refusal, not a network fault.
 */
export const SINGLE_ATTEMPT =
  /service call has been retried 1 times?(?:\(s\))?(?![^\n]*?(?:RequestError|send request failed|i\/o timeout|deadline exceeded|RequestCanceled|dial tcp|Client\.Timeout))/i;
