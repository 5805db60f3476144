/**
 * Macros every ESCU search uses but security_content does not define in `macros/`:
 * `drop_dm_object_name` ships with Splunk_SA_CIM, and contentctl generates one `<detection>_filter`
 * macro per detection (default `search *`, a no-op hook for local tuning). Browser-safe.
 */
import type { MacroDefinition } from "./types";

export const DROP_DM_OBJECT_NAME: MacroDefinition = {
  name: "drop_dm_object_name",
  args: ["object"],
  definition: "rename $object$.* AS *",
  description: "From the Splunk Common Information Model add-on: strips the data-model node prefix (e.g. `Processes.`) from field names.",
};

export function defaultFilterMacro(name: string): MacroDefinition {
  return {
    name,
    args: [],
    definition: "search *",
    description:
      "Empty by default (`search *` keeps every result). It is the place to tune this analytic: add exclusions for known false positives here without editing the detection's SPL.",
  };
}

const FILTER_CALL = /`([A-Za-z0-9_]+_filter)`/g;

/** Names of `*_filter` macros a search calls. */
export function filterMacrosIn(search: string): string[] {
  return [...search.matchAll(FILTER_CALL)].map((m) => m[1] ?? "").filter(Boolean);
}
