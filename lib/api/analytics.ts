/**
 * `GET /api/analytics` (the list) and `GET /api/analytics/<id or slug>` (one, with its SPL,
 * expansion, macros, RBA, ATT&CK, required fields and support). See docs/api.md.
 */
import { decodeSegment } from "../catalog/decode-segment";
import { compareRequiredFields } from "../catalog/fields";
import type { Analytic, Catalog } from "../content/types";
import type { Support } from "../detection/types";
import { findAnalytic } from "../content/find";
import { compiledSplFor } from "../engine/index";
import type { ApiDeps } from "./deps";
import { error, json } from "./respond";

export interface AnalyticSummary {
  id: string;
  slug: string;
  name: string;
  type: string;
  status: string;
  datamodels: string[];
  /** ATT&CK technique ids as cited (see the single view for resolution). */
  techniques: string[];
  riskScore: number;
  severity: string;
  /** `event`: each event on its own; `batch`: only over a batch; `none`: not testable live. */
  testable: Support["level"];
  /** Why not testable per event (batch / none). */
  reason?: string;
}

/** The analytic's compiled search (every catalog analytic is SPL). */
function compiledFor(catalog: Catalog, a: Analytic) {
  const c = compiledSplFor(catalog, a);
  if (!c) throw new Error(`analytic ${a.id} is not an SPL search`);
  return c;
}

function summary(catalog: Catalog, a: Analytic): AnalyticSummary {
  const c = compiledFor(catalog, a);
  const s: AnalyticSummary = {
    id: a.id, slug: a.slug, name: a.name, type: a.type, status: a.status,
    datamodels: a.datamodels.length > 0 ? a.datamodels : c.datamodels,
    techniques: a.attack.map((t) => t.id),
    riskScore: a.rba.riskScore, severity: a.rba.severity, testable: c.support.level,
  };
  if (c.support.level !== "event") s.reason = c.support.reason;
  return s;
}

export function analyticDetail(catalog: Catalog, a: Analytic) {
  const c = compiledFor(catalog, a);
  return {
    ...summary(catalog, a),
    file: a.file,
    version: a.version ?? null,
    date: a.date ?? null,
    author: a.author ?? null,
    description: a.description,
    howToImplement: a.howToImplement,
    knownFalsePositives: a.knownFalsePositives,
    references: a.references,
    analyticStories: a.analyticStories,
    dataSources: a.dataSources,
    search: c.search,
    expanded: c.expanded,
    parseError: c.parseError ?? null,
    macros: c.macros.map((m) => ({ name: m.name, args: m.args, origin: m.origin, definition: m.definition, expansion: m.expansion, span: m.span })),
    support: c.support,
    requiredFields: compareRequiredFields(a.requiredFieldsDeclared, c.fieldsRead),
    rba: a.rba,
    attack: a.attack,
  };
}

export async function handleAnalyticsList(deps: ApiDeps): Promise<Response> {
  try {
    const catalog = await deps.catalog();
    const analytics = catalog.analytics.map((a) => summary(catalog, a));
    return json(200, { total: analytics.length, attackVersion: catalog.attackVersion, analytics });
  } catch (e) {
    console.error("GET /api/analytics failed:", e);
    return error(500, "internal error");
  }
}

export async function handleAnalyticOne(idOrSlug: string, deps: ApiDeps): Promise<Response> {
  try {
    const catalog = await deps.catalog();
    const key = decodeSegment(idOrSlug);
    if (key === undefined) return error(400, "malformed percent-encoding in the analytic id: give an analytic id or its file name without .yml");
    const a = findAnalytic(catalog, key);
    if (!a) return error(404, `unknown analytic "${key.slice(0, 80)}": give an analytic id or its file name without .yml`);
    return json(200, analyticDetail(catalog, a));
  } catch (e) {
    console.error("GET /api/analytics/<id> failed:", e);
    return error(500, "internal error");
  }
}
