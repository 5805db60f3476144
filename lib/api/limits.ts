/** The HTTP API's documented limits (docs/api.md). */
export const LIMITS = {
  /** Largest request body, in bytes (1 MiB). Larger bodies get 413 without being read. */
  maxBodyBytes: 1024 * 1024,
  /** Events per request. */
  maxEvents: 1000,
  /** Characters in one string (a command line, or a value inside an event object): 64 Ki. */
  maxStringLength: 64 * 1024,
  /** Tables in `lookups` (each also within the body size; read like the CLI's `--lookup`). */
  maxLookups: 20,
  /** Analytic names in `analytics`. */
  maxAnalyticNames: 5000,
  /** (event, analytic) pairs per request. */
  maxPairs: 250_000,
  /** Pairs per request with `?explain=1` (traces are large): more is refused with 413 before any work. */
  maxExplainPairs: 100,
  /** Largest answer, in bytes of JSON (8 MiB): a larger one (long values in traces) is refused with 422. */
  maxResponseBytes: 8 * 1024 * 1024,
  /** Crash guard: a pair still running after this many ms ends the request with 500 naming it. */
  watchdogMs: 30_000,
  /** Budget of one request's evaluation, in ms: past it the request answers 503, no verdicts. */
  requestTimeoutMs: 15_000,
} as const;

export type ApiLimits = typeof LIMITS;
