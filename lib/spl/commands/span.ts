/**
 * Time spans of `bin`/`bucket` and `timechart` (`span=5m`) [V cmd:bin "span-length",
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/bin]:
 * `<int><timescale>` with s/sec/secs/second/seconds, m/min/mins/minute/minutes, h/hr/hrs/hour/hours,
 * d/day/days. Bins start at multiples of the span counted from local midnight; the console's local
 * time is UTC (spl-semantics §6), so a span that divides a day floors the epoch time to a
 * multiple of itself. Weeks, months, quarters, years, sub-seconds and spans that do not divide a
 * day align to calendar boundaries the docs do not pin down: not modelled.
 */
import { parseTimeUnit } from "../time/relative";

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

export type TimeSpan = { seconds: number } | { unsupported: string };

export function timeSpan(text: string): TimeSpan {
  const m = /^(\d+)([a-zA-Z]*)$/.exec(text.trim());
  if (!m) return { unsupported: `span=${text} is not a time span the engine models` };
  const n = Number(m[1]);
  const unit = m[2] === "" ? null : parseTimeUnit(m[2]!);
  if (m[2] !== "" && (unit === null || UNIT_SECONDS[unit] === undefined)) return { unsupported: `span=${text}: calendar or sub-second spans are not modelled` };
  if (unit === null) return { unsupported: `span=${text} without a time unit is not modelled` };
  const seconds = n * UNIT_SECONDS[unit]!;
  if (seconds <= 0 || 86400 % seconds !== 0) return { unsupported: `span=${text} does not divide a day: its bin alignment is not modelled` };
  return { seconds };
}

/** The start of the bin holding epoch time `t`. */
export function binStart(t: number, seconds: number): number {
  return Math.floor(t / seconds) * seconds;
}
