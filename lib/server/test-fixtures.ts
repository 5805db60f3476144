/**
 * Small in-memory catalogs for the pool and API tests: a plain analytic, and one whose regex
 * backtracks for a very long time in JavaScript and cannot go to the linear-time engine (it has
 * a lookahead): `(?=a)a*a*…a*b` on thirty `a` and a `!` would run for tens of seconds. The engine
 * classifies it (degree-11 polynomial with the search loop, lib/spl/regex/risk.ts) and runs it
 * only on values of at most 5 characters: on longer ones it answers not_testable (regex_limit).
 */
import type { VerdictCatalog } from "./protocol";

export const CATASTROPHIC_PATTERN = "(?=a)a*a*a*a*a*a*a*a*a*a*b";
export const CATASTROPHIC_INPUT = "a".repeat(30) + "!";

export const PLAIN_SEARCH =
  '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.process | `drop_dm_object_name(Processes)` | where match(process, "(?i)whoami")';
export const CATASTROPHIC_SEARCH =
  `| tstats count from datamodel=Endpoint.Processes where Processes.process_name=* by Processes.process | \`drop_dm_object_name(Processes)\` | where match(process, "${CATASTROPHIC_PATTERN}")`;

export function hostileCatalog(): VerdictCatalog {
  return {
    macros: [],
    analytics: [
      { id: "11111111-1111-4111-8111-111111111111", slug: "plain_whoami", name: "Plain whoami", search: PLAIN_SEARCH },
      { id: "22222222-2222-4222-8222-222222222222", slug: "catastrophic_regex", name: "Catastrophic regex", search: CATASTROPHIC_SEARCH },
    ],
  };
}
