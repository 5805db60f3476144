/**
 * Event timestamps → `_time` (epoch seconds), as an add-on's TIME_PREFIX / TIME_FORMAT would read
 * them, and Splunk's `date_*` default fields (the timestamp's parts as written in the event; see
 * Splunk's "Use default fields" page, help.splunk.com, Knowledge Manager Manual: date_hour … date_zone,
 * date_zone in minutes from UTC). Pure; no Node, no DOM.
 */
import type { EventDraft } from "./build";

export interface Timestamp {
  epoch: number;
  /** The parts as written, and the offset from UTC in minutes. */
  parts: { year: number; month: number; day: number; hour: number; minute: number; second: number; zone: number };
}

const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/i;
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

function valid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && s <= 60 && y >= 1970 && y <= 9999;
}

/**
 * An ISO 8601 / RFC 3339 timestamp (`2020-10-08T11:03:46.617920300Z`, `2024-03-01 10:00:00.000`,
 * `…+02:00`). No zone means UTC (Windows SystemTime and Sysmon UtcTime are UTC). Undefined when
 * the text is not one.
 */
export function parseIsoTime(text: string): Timestamp | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  if (!valid(y!, mo!, d!, h!, mi!, s!)) return undefined;
  const frac = m[7] ? Number(`0.${m[7]}`) : 0;
  let zone = 0;
  const z = m[8];
  if (z && z.toUpperCase() !== "Z") {
    const sign = z[0] === "-" ? -1 : 1;
    const digits = z.slice(1).replace(":", "");
    zone = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  const utc = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) / 1000 - zone * 60 + frac;
  return { epoch: Math.round(utc * 1e6) / 1e6, parts: { year: y!, month: mo!, day: d!, hour: h!, minute: mi!, second: s!, zone } };
}

/** Epoch seconds (or milliseconds when ≥ 1e11) → a Timestamp in UTC. */
export function fromEpoch(n: number): Timestamp | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  const secs = n >= 1e11 ? n / 1000 : n;
  const d = new Date(secs * 1000);
  if (Number.isNaN(d.getTime())) return undefined;
  return {
    epoch: secs,
    parts: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), zone: 0 },
  };
}

/** A timestamp given as text or number: ISO text, or epoch seconds / milliseconds. */
export function parseAnyTime(v: unknown): Timestamp | undefined {
  if (typeof v === "number") return fromEpoch(v);
  if (typeof v !== "string") return undefined;
  const t = v.trim();
  if (/^\d{9,10}(\.\d+)?$/.test(t) || /^\d{12,13}$/.test(t)) return fromEpoch(Number(t));
  return parseIsoTime(t);
}

/** Set `_time` and the `date_*` fields from a timestamp. */
export function setTime(draft: EventDraft, ts: Timestamp, from: string, note?: string): void {
  draft.set("_time", ts.epoch, { origin: "derived", from, note: note ?? `the event's own time (${from})` });
  const p = ts.parts;
  const dow = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  const prov = { origin: "derived" as const, from, note: "the timestamp's part as written in the event" };
  draft.set("date_year", p.year, prov);
  draft.set("date_month", MONTHS[p.month - 1], prov);
  draft.set("date_mday", p.day, prov);
  draft.set("date_wday", DAYS[dow], prov);
  draft.set("date_hour", p.hour, prov);
  draft.set("date_minute", p.minute, prov);
  draft.set("date_second", p.second, prov);
  draft.set("date_zone", p.zone, prov);
}

const MON = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** A timestamp from its parts (zone in minutes east of UTC). */
export function fromParts(year: number, month: number, day: number, hour: number, minute: number, second: number, frac = 0, zone = 0): Timestamp | undefined {
  if (!valid(year, month, day, hour, minute, second)) return undefined;
  const epoch = Date.UTC(year, month - 1, day, hour, minute, second) / 1000 - zone * 60 + frac;
  return { epoch: Math.round(epoch * 1e6) / 1e6, parts: { year, month, day, hour, minute, second, zone } };
}

function zoneOf(z: string | undefined): number {
  if (!z || /^z$/i.test(z)) return 0;
  const sign = z[0] === "-" ? -1 : 1;
  const digits = z.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

/** Common log format `22/Feb/2024:13:00:00 -0500`. */
export function parseClfTime(text: string): Timestamp | undefined {
  const m = /(\d{1,2})\/([A-Za-z]{3})\/(\d{4}):(\d\d):(\d\d):(\d\d)(?:\s*([+-]\d{4}))?/.exec(text);
  if (!m) return undefined;
  const month = MON.indexOf(m[2]!.toLowerCase()) + 1;
  return fromParts(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]), 0, zoneOf(m[7]));
}

/** `2022/05/10 11:08:38` (year first) or `05/14/2024 17:36:21.859` / `01-25-2023 22:08:54.818` (month first); no zone: UTC. */
export function parseNumericDateTime(text: string): Timestamp | undefined {
  let m = /(\d{4})[/-](\d\d)[/-](\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d+))?/.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), m[7] ? Number(`0.${m[7]}`) : 0);
  m = /(\d\d)[/-](\d\d)[/-](\d{4})[ T](\d\d):(\d\d):(\d\d)(?:\.(\d+))?/.exec(text);
  if (m) return fromParts(Number(m[3]), Number(m[1]), Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6]), m[7] ? Number(`0.${m[7]}`) : 0);
  return undefined;
}

/** Syslog `May 27 09:28:36` (no year: the given one, as Splunk takes the current year; no zone: UTC). */
export function parseSyslogTime(text: string, year: number): Timestamp | undefined {
  const m = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d\d):(\d\d):(\d\d)/.exec(text);
  if (!m) return undefined;
  const month = MON.indexOf(m[1]!.toLowerCase()) + 1;
  return month > 0 ? fromParts(year, month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) : undefined;
}
