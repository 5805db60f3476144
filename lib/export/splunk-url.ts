/**
 * "Open in Splunk": the user's Splunk Web search page with a search and a time range.
 *
 * The link is `<SPLUNK_URL>/en-US/app/search/search?q=<search>&earliest=<t>&latest=<t>`, the form
 * Splunk Web itself uses for links to a search: Simple XML drilldowns link to
 * `search?q=…&earliest=…&latest=…`
 * (https://help.splunk.com/en/splunk-enterprise/create-dashboards-and-reports/simple-xml-dashboards/9.4/simple-xml-reference/event-handler-reference),
 * and the time values are the search time modifiers (`-24h`, `now`, `0` for all time;
 * https://help.splunk.com/splunk-enterprise/search/spl2-search-manual/get-started-searching/searching-specific-time-ranges).
 * `q` carries the search as written, URL-encoded (encodeURIComponent: `|`, `` ` ``, quotes, `=`,
 * `&`, `#`, spaces and newlines all escaped). Pure; browser-safe.
 */

import { checkBaseUrl } from "../catalog/web-url";

export type SplunkUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/**
 * A Splunk Web base URL as the settings take it: http or https only, a host, no user name or
 * password, no query or fragment; a trailing slash and a trailing `/en-US` (or any locale) dropped.
 */
export function checkSplunkUrl(input: string): SplunkUrlCheck {
  const base = checkBaseUrl(input);
  if (!base.ok) return base;
  const u = base.url;
  if (u.search !== "" || u.hash !== "") return { ok: false, reason: "no query (?…) or fragment (#…): only the address of Splunk Web" };
  const path = u.pathname.replace(/\/+$/, "").replace(/\/[a-z]{2}-[A-Z]{2}$/, "");
  return { ok: true, url: `${u.protocol}//${u.host}${path}` };
}

export interface TimeRange {
  id: string;
  label: string;
  earliest: string;
  latest: string;
}

/** The time ranges offered (Splunk time modifiers). The default is the last 24 hours. */
export const TIME_RANGES: readonly TimeRange[] = [
  { id: "15m", label: "Last 15 minutes", earliest: "-15m", latest: "now" },
  { id: "4h", label: "Last 4 hours", earliest: "-4h", latest: "now" },
  { id: "24h", label: "Last 24 hours", earliest: "-24h", latest: "now" },
  { id: "7d", label: "Last 7 days", earliest: "-7d", latest: "now" },
  { id: "30d", label: "Last 30 days", earliest: "-30d", latest: "now" },
  { id: "all", label: "All time", earliest: "0", latest: "now" },
];
export const DEFAULT_TIME_RANGE = "24h";

export function timeRange(id: string | undefined): TimeRange {
  return TIME_RANGES.find((r) => r.id === id) ?? TIME_RANGES.find((r) => r.id === DEFAULT_TIME_RANGE)!;
}

/** The search as Splunk's search bar takes it: surrounding blank lines trimmed, nothing else changed. */
export function searchForSplunk(search: string): string {
  return search.trim();
}

/** `<base>/en-US/app/search/search?q=…&earliest=…&latest=…`; null when the base URL is not valid. */
export function splunkSearchUrl(base: string, search: string, range: TimeRange = timeRange(undefined)): string | null {
  const checked = checkSplunkUrl(base);
  if (!checked.ok) return null;
  const q = encodeURIComponent(searchForSplunk(search));
  return `${checked.url}/en-US/app/search/search?q=${q}&earliest=${encodeURIComponent(range.earliest)}&latest=${encodeURIComponent(range.latest)}`;
}

/** The server's SPLUNK_URL when it is valid; otherwise undefined and why (for the page to say). */
export function splunkUrlFromEnv(value: string | undefined): { url?: string; problem?: string } {
  if (value === undefined || value.trim() === "") return {};
  const c = checkSplunkUrl(value);
  return c.ok ? { url: c.url } : { problem: `SPLUNK_URL is ignored: ${c.reason}` };
}
