/**
 * What /test shows of the firing analytics: which kinds are hidden (deprecated, experimental,
 * hunting, small-batch thresholds) and the order (risk or name). Kept in the URL (`?show=…&sort=…`,
 * defaults absent) so a link shows what its sender saw. Pure.
 */
import { formatCount } from "../detection/numbers";
import type { BatchThreshold } from "../detection/types";

/** Kinds of analytic hidden by default: each buries the real hit under noise on a small paste. */
export const HIDEABLE = ["deprecated", "experimental", "hunting", "threshold"] as const;
export type Hideable = (typeof HIDEABLE)[number];

export const HIDE_LABELS: Record<Hideable, string> = {
  deprecated: "Hide deprecated",
  experimental: "Hide experimental",
  hunting: "Hide hunting",
  threshold: "Hide batch-threshold analytics",
};

/** What each toggle covers, for its title (one toggle per analytic: status first, then kind). */
export const HIDE_TITLES: Record<Hideable, string> = {
  deprecated: "Analytics whose status is deprecated (of any type)",
  experimental: "Analytics whose status is experimental (of any type)",
  hunting: "Hunting searches in production: broad by design, for an analyst to read",
  threshold: "Production analytics whose verdict comes from a count any small batch meets, e.g. dc(dest) < 10",
};

export type SortKey = "risk" | "name";

export interface ResultFilters {
  /** Kinds hidden. */
  hide: ReadonlySet<Hideable>;
  sort: SortKey;
}

export const DEFAULT_FILTERS: ResultFilters = { hide: new Set(HIDEABLE), sort: "risk" };

/** What the filters read of an analytic. */
export interface FilterFacts {
  status: string;
  type: string;
  threshold?: BatchThreshold;
}

/**
 * The one toggle an analytic answers to: its status first (deprecated, experimental), then its
 * kind (hunting, small-batch threshold); undefined for a production TTP, anomaly… without one.
 * "Hide deprecated" off shows every deprecated analytic, hunting ones included.
 */
export function kindOf(a: FilterFacts): Hideable | undefined {
  const status = a.status.toLowerCase();
  if (status === "deprecated" || status === "experimental") return status;
  if (a.type.toLowerCase() === "hunting") return "hunting";
  return a.threshold !== undefined ? "threshold" : undefined;
}

/** The toggle that hides this analytic under `filters`, or undefined when it is shown. */
export function hiddenBy(a: FilterFacts, filters: ResultFilters): Hideable | undefined {
  const k = kindOf(a);
  return k !== undefined && filters.hide.has(k) ? k : undefined;
}

/** `?show=deprecated,hunting&sort=name` → filters; unknown words are ignored. */
export function filtersFromQuery(q: URLSearchParams): ResultFilters {
  const shown = new Set((q.get("show") ?? "").split(",").map((s) => s.trim()));
  const hide = new Set(HIDEABLE.filter((k) => !shown.has(k) && !shown.has("all")));
  return { hide, sort: q.get("sort") === "name" ? "name" : "risk" };
}

/** The query with the filters written in (defaults left out); other parameters kept. */
export function filtersToQuery(f: ResultFilters, base: URLSearchParams): URLSearchParams {
  const q = new URLSearchParams(base);
  const shown = HIDEABLE.filter((k) => !f.hide.has(k));
  if (shown.length) q.set("show", shown.length === HIDEABLE.length ? "all" : shown.join(","));
  else q.delete("show");
  if (f.sort === "name") q.set("sort", "name");
  else q.delete("sort");
  return q;
}

/** "fires on any batch with fewer than 10 hosts", from the derived threshold (lib/spl threshold.ts). */
const NOUNS: Record<string, string> = {
  dest: "hosts", host: "hosts", dvc: "hosts", dest_host: "hosts", src_host: "source hosts", computer: "hosts",
  user: "users", src_user: "source users", dest_user: "target users",
  src: "sources", src_ip: "source addresses", dest_ip: "destination addresses",
  process_name: "process names",
};

export function thresholdWords(t: BatchThreshold): string {
  const last = t.field?.split(".").pop() ?? "";
  const noun = t.aggregate === "count" ? "events" : (NOUNS[last.toLowerCase()] ?? `distinct ${t.field} values`);
  const batch = `any batch with fewer than ${formatCount(t.below)} ${noun}`;
  return t.fires ? `fires on ${batch} (\`${t.clause}\`)` : `\`${t.clause}\` is met by ${batch}`;
}
