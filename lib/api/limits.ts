/** The HTTP API's documented limits (docs/api.md). */
export const LIMITS = {
  /** Largest request body, in bytes (1 MiB). Larger bodies get 413 without being read. */
  maxBodyBytes: 1024 * 1024,
  /** Events per request. */
  maxEvents: 1000,
  /** Characters in one string (a command line, or a value inside an event object): 64 Ki. */
  maxStringLength: 64 * 1024,
  /** Analytic names in `analytics`. */
  maxAnalyticNames: 5000,
  /** (event, analytic) pairs per request. */
  maxPairs: 250_000,
  /** Pairs per request with `?explain=1` (traces are large). */
  maxExplainPairs: 1000,
  /** Budget of one (event, analytic) pair on the server, in ms. */
  pairTimeoutMs: 1000,
  /** Budget of one request's evaluation, in ms. */
  requestTimeoutMs: 15_000,
} as const;
