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
