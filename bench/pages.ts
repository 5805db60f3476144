/**
 * The pages the browser benchmarks visit with the full catalog (lighthouse.ts, route-js.ts):
 * /about first, the floor (a page with almost no data), then one of each kind; the story is the
 * one with the most analytics in ESCU 4.42.
 */
export const PAGES: [string, string][] = [
  ["/about (floor)", "/about"],
  ["/ catalog", "/"],
  ["/analytics/<smbexec>", "/analytics/impacket_lateral_movement_smbexec_commandline_parameters"],
  ["/test", "/test"],
  ["/attack", "/attack"],
  ["/stories", "/stories"],
  ["/stories/<AD lateral>", "/stories/active_directory_lateral_movement"],
  ["/stories/<data destr.>", "/stories/data_destruction"],
  ["/data-sources", "/data-sources"],
  ["/problems", "/problems"],
];

/**
 * The pages a benchmark's `*_PAGES` variable names (comma-separated routes), labelled as in
 * `PAGES` when listed there; every page of `PAGES` when it is unset.
 */
export function pagesFrom(routes: string | undefined): [string, string][] {
  if (!routes) return PAGES;
  return routes.split(",").map((route) => PAGES.find(([, p]) => p === route) ?? [route, route]);
}
