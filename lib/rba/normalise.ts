/**
 * Normalises a detection's risk-based-alerting settings from either schema into one `Rba` model.
 *
 * - legacy (contentctl 4.x): `tags.impact`, `tags.confidence`, `tags.risk_score`, `tags.message`,
 *   `tags.observable[{name, type, role[]}]`; Victim observables become risk objects scored
 *   round(impact × confidence / 100), Attacker observables become threat objects.
 * - newer (contentctl 5.x): a top-level `rba: {message, risk_objects[{field,type,score}], threat_objects[{field,type}]}`;
 *   the score is the largest risk-object score.
 * - transitional: an `rba:` block with legacy type words, next to `tags.impact/confidence/risk_score`.
 *
 * Pure and browser-safe. Never throws; oddities are returned as `problems`.
 */
import { legacyScore, severityForScore } from "./severity";
import { riskObjectType, threatObjectType } from "./object-types";
import type { Rba, RiskObject, ThreatObject } from "./types";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function num(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

const str = (v: unknown): string | undefined =>
  typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;

function list(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  return v === undefined || v === null ? [] : [v];
}

interface Parts {
  impact?: number;
  confidence?: number;
  stored?: number;
  problems: string[];
}

function readTagNumbers(tags: Obj, problems: string[]): Parts {
  const out: Parts = { problems };
  for (const name of ["impact", "confidence", "risk_score"] as const) {
    if (tags[name] === undefined || tags[name] === null) continue;
    const n = num(tags[name]);
    if (n === undefined) {
      problems.push(`tags.${name} is not a number: ${JSON.stringify(tags[name])}`);
      continue;
    }
    if (name === "impact") out.impact = n;
    else if (name === "confidence") out.confidence = n;
    else out.stored = n;
  }
  return out;
}

function fromRbaBlock(block: Obj, legacyScoreValue: number | undefined, problems: string[]) {
  const riskObjects: RiskObject[] = [];
  const threatObjects: ThreatObject[] = [];
  list(block.risk_objects).forEach((raw, i) => {
    if (!isObj(raw) || !str(raw.field)) {
      problems.push(`rba.risk_objects[${i}] has no field`);
      return;
    }
    const written = str(raw.type) ?? "";
    let score = num(raw.score);
    if (score === undefined) {
      if (legacyScoreValue === undefined) problems.push(`rba.risk_objects[${i}] (${str(raw.field)}) has no numeric score`);
      score = legacyScoreValue ?? 0;
    }
    const type = riskObjectType(written);
    riskObjects.push({ field: str(raw.field) ?? "", type, score, ...(written && written !== type ? { sourceType: written } : {}) });
  });
  list(block.threat_objects).forEach((raw, i) => {
    if (!isObj(raw) || !str(raw.field)) {
      problems.push(`rba.threat_objects[${i}] has no field`);
      return;
    }
    const field = str(raw.field) ?? "";
    const written = str(raw.type) ?? "";
    const type = threatObjectType(field, written);
    threatObjects.push({ field, type, ...(written && written !== type ? { sourceType: written } : {}) });
  });
  if (riskObjects.length === 0) problems.push("rba.risk_objects is empty (contentctl requires at least one)");
  return { riskObjects, threatObjects };
}

function fromObservables(observables: unknown, score: number, problems: string[]) {
  const riskObjects: RiskObject[] = [];
  const threatObjects: ThreatObject[] = [];
  list(observables).forEach((raw, i) => {
    if (!isObj(raw) || !str(raw.name)) {
      problems.push(`tags.observable[${i}] has no name`);
      return;
    }
    const field = str(raw.name) ?? "";
    const written = str(raw.type) ?? "";
    const roles = list(raw.role).map((r) => (str(r) ?? "").toLowerCase());
    const victim = roles.includes("victim");
    const attacker = roles.includes("attacker");
    if (!victim && !attacker) problems.push(`tags.observable[${i}] (${field}) has no Victim/Attacker role; treated as a risk object`);
    if (victim || !attacker) riskObjects.push({ field, type: riskObjectType(written), score, ...(written ? { sourceType: written } : {}) });
    if (attacker) threatObjects.push({ field, type: threatObjectType(field, written), ...(written ? { sourceType: written } : {}) });
  });
  return { riskObjects, threatObjects };
}

function maxFormula(objects: RiskObject[], score: number): string {
  if (objects.length === 1) return `risk object score (${objects[0]?.field ?? ""}) = ${score}`;
  return `max(${objects.map((o) => `${o.field} ${o.score}`).join(", ")}) = ${score}`;
}

/** Reads the parsed detection YAML object (`doc`) and returns the normalised RBA model. */
export function normaliseRba(doc: unknown): { rba: Rba; problems: string[] } {
  const problems: string[] = [];
  const root: Obj = isObj(doc) ? doc : {};
  if (!isObj(doc)) problems.push("detection is not a mapping");
  const tags: Obj = isObj(root.tags) ? root.tags : {};
  const { impact, confidence, stored } = readTagNumbers(tags, problems);
  const computedLegacy = impact !== undefined && confidence !== undefined ? legacyScore(impact, confidence) : undefined;
  const legacyFormula = computedLegacy !== undefined ? `round(${impact} × ${confidence} / 100) = ${computedLegacy}` : "";

  let schema: Rba["schema"];
  let message: string;
  let riskObjects: RiskObject[];
  let threatObjects: ThreatObject[];
  let riskScore: number;
  let formula: string;

  if (isObj(root.rba)) {
    schema = "rba";
    ({ riskObjects, threatObjects } = fromRbaBlock(root.rba, computedLegacy, problems));
    message = str(root.rba.message) ?? str(tags.message) ?? "";
    if (riskObjects.length > 0) {
      riskScore = Math.max(...riskObjects.map((o) => o.score));
      formula = maxFormula(riskObjects, riskScore);
    } else {
      riskScore = computedLegacy ?? 0;
      formula = legacyFormula || "no risk objects: 0";
    }
  } else if (root.rba !== undefined && root.rba !== null) {
    problems.push("rba is not a mapping; ignored");
    schema = "none";
    message = str(tags.message) ?? "";
    riskObjects = [];
    threatObjects = [];
    riskScore = computedLegacy ?? 0;
    formula = legacyFormula || "no risk settings: 0";
  } else if (computedLegacy !== undefined || tags.observable !== undefined || tags.message !== undefined) {
    schema = "legacy";
    if (computedLegacy === undefined) problems.push("tags.impact and tags.confidence are both needed to compute the risk score");
    riskScore = computedLegacy ?? 0;
    formula = legacyFormula || "impact or confidence missing: 0";
    ({ riskObjects, threatObjects } = fromObservables(tags.observable, riskScore, problems));
    message = str(tags.message) ?? "";
  } else {
    schema = "none";
    message = "";
    riskObjects = [];
    threatObjects = [];
    riskScore = stored ?? 0;
    formula = stored !== undefined ? `stored risk_score = ${stored}` : "no risk settings: 0";
  }

  const storedScoreStale = stored !== undefined && stored !== riskScore;
  const rba: Rba = {
    schema,
    message,
    riskObjects,
    threatObjects,
    ...(impact !== undefined ? { impact } : {}),
    ...(confidence !== undefined ? { confidence } : {}),
    riskScore,
    ...(stored !== undefined ? { storedRiskScore: stored } : {}),
    storedScoreStale,
    severity: severityForScore(riskScore),
    formula,
  };
  return { rba, problems };
}
