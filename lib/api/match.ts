/**
 * `POST /api/match[?explain=1]`: every event against every chosen analytic, each event on its
 * own, with the verdicts the CLI gives (lib/verdicts). See docs/api.md.
 */
import type { StageTrace, Verdict } from "../spl/api";
import { findAnalytic } from "../verdicts/index";
import { readJsonBody } from "./body";
import type { ApiDeps } from "./deps";
import { LIMITS } from "./limits";
import { validateMatchBody } from "./match-body";
import { error, json } from "./respond";

export interface MatchResult {
  /** 0-based index into `events`. */
  event: number;
  /** The analytic's id. */
  analytic: string;
  verdict: Verdict;
  reason?: string;
  hingesOn?: string[];
  trace?: StageTrace[];
}

function explainFlag(url: string): boolean | { error: string } {
  let v: string | null;
  try {
    v = new URL(url).searchParams.get("explain");
  } catch {
    return false;
  }
  if (v === null || v === "" || v === "0" || v === "false") return false;
  if (v === "1" || v === "true") return true;
  return { error: `explain: expected 1 or 0, got "${v.slice(0, 20)}"` };
}

export async function handleMatch(request: Request, deps: ApiDeps): Promise<Response> {
  try {
    const explain = explainFlag(request.url);
    if (typeof explain === "object") return error(400, explain.error);
    const body = await readJsonBody(request, LIMITS.maxBodyBytes);
    if (!body.ok) return error(body.status, body.error);
    const shape = validateMatchBody(body.value);
    if (!shape.ok) return error(shape.status, shape.error);
    const { events, analytics: names } = shape.value;

    const catalog = await deps.catalog();
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
    const pairs = events.length * analytics.length;
    if (pairs > LIMITS.maxPairs) {
      return error(413, `events × analytics = ${pairs} evaluations; at most ${LIMITS.maxPairs} per request (send fewer events or name the analytics)`);
    }
    if (explain && pairs > LIMITS.maxExplainPairs) {
      return error(413, `explain=1: ${pairs} evaluations; at most ${LIMITS.maxExplainPairs} with traces (name the analytics or send fewer events)`);
    }

    const verdicts = await deps.evaluate({ catalog, analytics, events, explain, signal: request.signal });
    const width = analytics.length;
    const results: MatchResult[] = verdicts.map((v, p) => {
      const r: MatchResult = { event: Math.floor(p / width), analytic: analytics[p % width]!.id, verdict: v.verdict };
      if (v.reason !== undefined) r.reason = v.reason;
      if (v.hingesOn) r.hingesOn = v.hingesOn;
      if (explain) r.trace = v.trace ?? [];
      return r;
    });
    return json(200, { results });
  } catch (e) {
    console.error("POST /api/match failed:", e);
    return error(500, "internal error");
  }
}
