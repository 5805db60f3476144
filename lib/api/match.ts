/**
 * `POST /api/match[?pairs=all][&explain=1]`: every event against every chosen analytic, each event
 * on its own, with the verdicts the CLI gives (lib/engine). Events are read by lib/events with the
 * content's data sources, as `cli events` and `POST /api/events` read them: a JSON body's
 * `events` (strings read like a paste, objects as event fields), or a text/plain body of events.
 * The answer is compact unless every pair is asked for (lib/api/match-response.ts). See docs/api.md.
 */
import { findAnalytic } from "../content/find";
import type { Catalog } from "../content/types";
import type { EventInput } from "../detection/types";
import { parseEvents, toEventInput } from "../events/index";
import { readJsonBody, readTextBody } from "./body";
import type { LookupTable } from "../detection/lookups";
import { withLookups } from "../engine/index";
import type { ApiDeps } from "./deps";
import { LIMITS } from "./limits";
import { validateMatchBody } from "./match-body";
import { allPairs, compact } from "./match-response";
import { error, json } from "./respond";
import { EvaluationStopped } from "../server/pool";

export type { MatchResult } from "./match-response";

const UTF8 = new TextEncoder();

interface Query {
  explain: boolean;
  all: boolean;
}

function flag(params: URLSearchParams, name: string): boolean | { error: string } {
  const v = params.get(name);
  if (v === null || v === "" || v === "0" || v === "false") return false;
  if (v === "1" || v === "true") return true;
  return { error: `${name}: expected 1 or 0, got "${v.slice(0, 20)}"` };
}

function query(url: string): Query | { error: string } {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return { explain: false, all: false };
  }
  const explain = flag(params, "explain");
  if (typeof explain === "object") return explain;
  const pairs = params.get("pairs");
  if (pairs !== null && pairs !== "" && pairs !== "all" && pairs !== "matches") return { error: `pairs: expected "all" or "matches", got "${pairs.slice(0, 20)}"` };
  return { explain, all: pairs === "all" };
}

type Read = { ok: true; events: EventInput[]; names?: string[]; lookups?: Record<string, LookupTable> } | { ok: false; status: number; error: string };

/** A text/plain body: events as `cli events` reads them (the first unreadable one is a 400). */
async function readText(request: Request, catalog: Catalog): Promise<Read> {
  const body = await readTextBody(request, LIMITS.maxBodyBytes);
  if (!body.ok) return body;
  if (body.text.trim() === "") return { ok: false, status: 400, error: "body: empty; expected events as text" };
  const r = parseEvents(body.text, { dataSources: catalog.dataSources, maxEvents: LIMITS.maxEvents + 1 });
  if (r.events.length > LIMITS.maxEvents) return { ok: false, status: 413, error: `events: more than ${LIMITS.maxEvents} in one request` };
  const p = r.problems[0];
  if (p) return { ok: false, status: 400, error: `line ${p.line}${p.column ? `:${p.column}` : ""}: ${p.message}` };
  return { ok: true, events: r.events.map(toEventInput) };
}

async function readJson(request: Request, catalog: Catalog): Promise<Read> {
  const body = await readJsonBody(request, LIMITS.maxBodyBytes);
  if (!body.ok) return body;
  const shape = validateMatchBody(body.value, { dataSources: catalog.dataSources });
  if (!shape.ok) return shape;
  const { events, analytics, lookups } = shape.value;
  return { ok: true, events, ...(analytics ? { names: analytics } : {}), ...(lookups ? { lookups } : {}) };
}

export async function handleMatch(request: Request, deps: ApiDeps): Promise<Response> {
  try {
    const q = query(request.url);
    if ("error" in q) return error(400, q.error);
    const loaded = await deps.catalog();
    const type = request.headers.get("content-type") ?? "";
    const read = /^text\/plain\b/i.test(type) ? await readText(request, loaded) : await readJson(request, loaded);
    if (!read.ok) return error(read.status, read.error);
    const { events, names, lookups } = read;
    // The caller's tables over the content's (lib/engine withLookups): a content version of its own.
    const catalog = lookups ? withLookups(loaded, lookups) : loaded;

    let analytics = catalog.analytics;
    if (names && names.length > 0) {
      const chosen = new Set<(typeof analytics)[number]>();
      for (let i = 0; i < names.length; i++) {
        const hit = findAnalytic(catalog, names[i]!);
        if (!hit) return error(404, `analytics[${i}]: unknown analytic "${names[i]!.slice(0, 80)}"`);
        chosen.add(hit);
      }
      analytics = catalog.analytics.filter((a) => chosen.has(a));
    }
    const limits = deps.limits ? { ...LIMITS, ...deps.limits } : LIMITS;
    const pairs = events.length * analytics.length;
    if (pairs > limits.maxPairs) {
      return error(413, `events × analytics = ${pairs} evaluations; at most ${limits.maxPairs} per request (send fewer events or name the analytics)`);
    }
    if (q.explain && pairs > limits.maxExplainPairs) {
      return error(413, `explain=1: ${pairs} evaluations; at most ${limits.maxExplainPairs} with traces (name the analytics or send fewer events)`);
    }

    const verdicts = await deps.evaluate({ catalog, analytics, events, explain: q.explain, detail: q.all ? "all" : "matches", signal: request.signal });
    const text = JSON.stringify(q.all ? allPairs(verdicts, analytics, q.explain) : compact(verdicts, events.length, analytics, q.explain));
    // The limit is on bytes of UTF-8 (a value of "é" is 2 bytes a character); encoded once, here.
    const bytes = UTF8.encode(text);
    if (bytes.byteLength > limits.maxResponseBytes) {
      return error(422, `the answer would be ${bytes.byteLength} bytes; at most ${limits.maxResponseBytes} (the limit on the answer's size: ask without explain=1 or pairs=all, or name fewer analytics)`);
    }
    return new Response(bytes, { status: 200, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
  } catch (e) {
    // The run stopped (its deadline, the client went away, the watchdog, a worker crash): an error
    // of the request, never verdicts.
    if (e instanceof EvaluationStopped) return error(e.status === 499 ? 503 : e.status, e.message, e.status === 503 ? { "retry-after": "5" } : {});
    console.error("POST /api/match failed:", e);
    return error(500, "internal error");
  }
}
