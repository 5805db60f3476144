/**
 * The shape of a `POST /api/match` body: `{"events": [object | string, …], "analytics"?: [string, …]}`.
 * Every problem names the field (`events[3]: expected an object or a string`) and carries the
 * status to answer with (400 shape, 413 limits). Events become engine inputs here, through the
 * same conversion the CLI and the test cases use (lib/verdicts `eventFromValue`).
 */
import type { EventInput } from "../spl/api";
import { eventFromValue } from "../verdicts/index";
import { LIMITS } from "./limits";

export interface MatchRequest {
  events: EventInput[];
  analytics?: string[];
}

export type MatchBodyResult = { ok: true; value: MatchRequest } | { ok: false; status: 400 | 413; error: string };

const KEYS = new Set(["events", "analytics"]);

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

export function validateMatchBody(body: unknown): MatchBodyResult {
  const bad = (error: string, status: 400 | 413 = 400): MatchBodyResult => ({ ok: false, status, error });
  if (typeof body !== "object" || body === null || Array.isArray(body)) return bad(`body: expected a JSON object, got ${kind(body)}`);
  const extra = Object.keys(body).find((k) => !KEYS.has(k));
  if (extra !== undefined) return bad(`body.${extra.slice(0, 60)}: unknown field (expected "events" and optionally "analytics")`);
  const { events, analytics } = body as { events?: unknown; analytics?: unknown };
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
    const r = eventFromValue(e, i + 1);
    if ("error" in r) return bad(`events[${i}]: ${r.error}`);
    inputs.push(r.event);
  }
  return { ok: true, value: names ? { events: inputs, analytics: names } : { events: inputs } };
}
