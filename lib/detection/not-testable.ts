/** A matcher that answers every event with the same named reason (an unknown language, a failed compile). */
import type { Matcher } from "./matcher";

export function notTestable(language: string, code: string, reason: string): Matcher {
  const verdict = Object.freeze({ verdict: "not_testable" as const, code, reason });
  return {
    language,
    support: { level: "none", code, reason },
    fieldsRead: [],
    datasets: [],
    evaluate: () => verdict,
    explain: () => ({ ...verdict, stages: [] }),
    run: () => ({ ok: false, reason, code }),
  };
}
