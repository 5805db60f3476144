/**
 * The shape of a `POST /api/match` body: `{"events": [object | string, …], "analytics"?: [string, …]}`.
 * Every problem names the field (`events[3]: expected an object or a string`) and carries the
 * status to answer with (400 shape, 413 limits). Events become engine inputs here, through the
 * same conversion the CLI and the test cases use (lib/events `eventFromValue`), with the
 * content's data sources in `options` (as `cli events` and `POST /api/events` read events).
 */
import type { EventInput } from "../detection/types";
import { eventFromValue, type ReadOptions } from "../events/index";
import { LIMITS } from "./limits";
import type { LookupTable } from "../detection/lookups";
import { readLookupCsv, USER_TABLE_LIMITS } from "../events/lookup-csv";

export interface MatchRequest {
  events: EventInput[];
  analytics?: string[];
  /** Lookup tables the caller supplies, by lookup name (`{"name": "csv text"}`). */
  lookups?: Record<string, LookupTable>;
}

export type MatchBodyResult = { ok: true; value: MatchRequest } | { ok: false; status: 400 | 413; error: string };

const KEYS = new Set(["events", "analytics", "lookups"]);

function kind(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/** The first string (key or value) inside `v` longer than the limit, as a field path. */
function longString(v: unknown, at: string, depth = 0): string | undefined {
  if (typeof v === "string") return v.length > LIMITS.maxStringLength ? at : undefined;
  if (depth > 8 || typeof v !== "object" || v === null) return undefined;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const hit = longString(v[i], `${at}[${i}]`, depth + 1);
      if (hit) return hit;
    }
    return undefined;
  }
  for (const [k, x] of Object.entries(v)) {
    if (k.length > LIMITS.maxStringLength) return `${at} (a key)`;
    const hit = longString(x, `${at}.${k.length > 40 ? k.slice(0, 40) + "…" : k}`, depth + 1);
    if (hit) return hit;
  }
  return undefined;
}

export function validateMatchBody(body: unknown, options: ReadOptions = {}): MatchBodyResult {
  const bad = (error: string, status: 400 | 413 = 400): MatchBodyResult => ({ ok: false, status, error });
  if (typeof body !== "object" || body === null || Array.isArray(body)) return bad(`body: expected a JSON object, got ${kind(body)}`);
  const extra = Object.keys(body).find((k) => !KEYS.has(k));
  if (extra !== undefined) return bad(`body.${extra.slice(0, 60)}: unknown field (expected "events" and optionally "analytics", "lookups")`);
  const { events, analytics, lookups } = body as { events?: unknown; analytics?: unknown; lookups?: unknown };
  if (events === undefined) return bad("events: required (an array of event objects or command-line strings)");
  if (!Array.isArray(events)) return bad(`events: expected an array, got ${kind(events)}`);
  if (events.length > LIMITS.maxEvents) return bad(`events: ${events.length} events; at most ${LIMITS.maxEvents} per request`, 413);

  let names: string[] | undefined;
  if (analytics !== undefined && analytics !== null) {
    if (!Array.isArray(analytics)) return bad(`analytics: expected an array of analytic ids or slugs, got ${kind(analytics)}`);
    if (analytics.length > LIMITS.maxAnalyticNames) return bad(`analytics: ${analytics.length} names; at most ${LIMITS.maxAnalyticNames}`, 413);
    names = [];
    for (let i = 0; i < analytics.length; i++) {
      const a: unknown = analytics[i];
      if (typeof a !== "string" || a.trim() === "") return bad(`analytics[${i}]: expected a non-empty string (an analytic id or slug), got ${typeof a === "string" ? "an empty string" : kind(a)}`);
      if (a.length > 200) return bad(`analytics[${i}]: longer than 200 characters`);
      names.push(a);
    }
  }

  const inputs: EventInput[] = [];
  for (let i = 0; i < events.length; i++) {
    const e: unknown = events[i];
    if (typeof e !== "string" && (typeof e !== "object" || e === null || Array.isArray(e))) {
      return bad(`events[${i}]: expected an object or a string, got ${kind(e)}`);
    }
    const long = longString(e, `events[${i}]`);
    if (long) return bad(`${long}: string longer than ${LIMITS.maxStringLength} characters`, 413);
    const r = eventFromValue(e, i + 1, options);
    if ("error" in r) return bad(`events[${i}]: ${r.error}`);
    inputs.push(r.event);
  }
  let tables: Record<string, LookupTable> | undefined;
  if (lookups !== undefined && lookups !== null) {
    const t = readLookups(lookups);
    if (!t.ok) return bad(t.error, t.status);
    tables = t.tables;
  }
  return { ok: true, value: { events: inputs, ...(names ? { analytics: names } : {}), ...(tables ? { lookups: tables } : {}) } };
}

/** `lookups`: `{"<lookup name>": "<CSV text with a header row>"}`, each read as the CLI reads a file. */
function readLookups(v: unknown): { ok: true; tables: Record<string, LookupTable> } | { ok: false; status: 400 | 413; error: string } {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return { ok: false, status: 400, error: `lookups: expected an object of lookup name → CSV text, got ${kind(v)}` };
  const entries = Object.entries(v);
  if (entries.length > LIMITS.maxLookups) return { ok: false, status: 413, error: `lookups: ${entries.length} tables; at most ${LIMITS.maxLookups}` };
  const tables: Record<string, LookupTable> = Object.create(null) as Record<string, LookupTable>;
  for (const [name, csv] of entries) {
    const at = `lookups.${name.slice(0, 60)}`;
    if (!/^[\w.:-]{1,200}$/.test(name)) return { ok: false, status: 400, error: `${at}: a lookup name is letters, digits, _ . : - (at most 200)` };
    if (typeof csv !== "string") return { ok: false, status: 400, error: `${at}: expected CSV text, got ${kind(csv)}` };
    const r = readLookupCsv(csv, USER_TABLE_LIMITS);
    if (!r.ok) return { ok: false, status: /larger than|more than/.test(r.error) ? 413 : 400, error: `${at}: line ${r.line}: ${r.error}` };
    tables[name] = r.table;
  }
  return { ok: true, tables };
}
