/**
 * What the /test page may ask the server to run while its worker loads the catalog
 * (lib/server/tester-run.ts): one set of limits, checked on both sides.
 */
export const SERVER_RUN_LIMITS = { inputChars: 16 * 1024, lines: 50, only: 5000, idChars: 200, running: 2 } as const;

/** Where the page posts `{ input, only? }` for a content version. */
export function serverRunUrl(version: string): string {
  return `/test/run/${encodeURIComponent(version)}`;
}

/** Null when the server takes this input, else why not (the page's worker answers it alone). */
export function serverRunProblem(input: string, only?: readonly unknown[]): string | null {
  if (input.length > SERVER_RUN_LIMITS.inputChars) return `input is over ${SERVER_RUN_LIMITS.inputChars} characters: the page's worker answers it`;
  let lines = 1;
  for (let i = input.indexOf("\n"); i >= 0; i = input.indexOf("\n", i + 1)) if (++lines > SERVER_RUN_LIMITS.lines) return `input is over ${SERVER_RUN_LIMITS.lines} lines: the page's worker answers it`;
  if (only !== undefined && (only.length > SERVER_RUN_LIMITS.only || !only.every((x) => typeof x === "string" && x.length <= SERVER_RUN_LIMITS.idChars))) return `only must be at most ${SERVER_RUN_LIMITS.only} analytic ids`;
  return null;
}
