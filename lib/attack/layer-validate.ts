/**
 * A check of an ATT&CK Navigator layer against the format 4.5 specification's property tables
 * (mitre-attack/attack-navigator, layers/spec/v4.5/layerformat.md), written from the spec:
 * - required: `name` (string), `domain` (string: enterprise-attack, mobile-attack or ics-attack);
 * - `versions` optional, but when present `navigator` (at least 4.9.0) and `layer` ("4.5") are
 *   required, `attack` optional (string);
 * - technique objects: `techniqueID` required, `T####` or `T####.###`; `tactic`, `comment`, `color`
 *   strings; `enabled`, `showSubtechniques` booleans; `score` a number; `metadata` / `links` arrays
 *   of {name, value} / {label, url} objects or {divider} objects; link URLs carry a protocol;
 * - gradient: `colors` (at least two hex RGB strings), `minValue`, `maxValue` numbers, max > min;
 * - legend items: `label` and `color` strings, both required;
 * - `sorting` 0–3; layout enums (`layout`, `aggregateFunction`, `expandedSubtechniques`);
 * - booleans: hideDisabled, showTacticRowBackground, the three select* options.
 * Errors name the JSON path. Never throws.
 */
import { LAYER_DOMAINS, LAYER_FORMAT_VERSION } from "./layer-types";

export interface LayerValidation {
  valid: boolean;
  errors: string[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const TECHNIQUE_ID = /^T\d{4}(\.\d{3})?$/;
const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const PROTOCOL = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//;

/** `4.10.1` ≥ `4.9.0`? Non-numeric parts make it false. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const a = version.split(".").map((p) => Number.parseInt(p, 10));
  const b = minimum.split(".").map((p) => Number.parseInt(p, 10));
  if (a.length === 0 || a.some((n) => !Number.isFinite(n))) return false;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

class Checker {
  errors: string[] = [];
  err(path: string, message: string) {
    this.errors.push(`${path}: ${message}`);
  }
  optString(o: Obj, key: string, path: string) {
    if (key in o && typeof o[key] !== "string") this.err(`${path}${key}`, "must be a string");
  }
  optBool(o: Obj, key: string, path: string) {
    if (key in o && typeof o[key] !== "boolean") this.err(`${path}${key}`, "must be a boolean");
  }
  optNumber(o: Obj, key: string, path: string) {
    if (key in o && (typeof o[key] !== "number" || !Number.isFinite(o[key]))) this.err(`${path}${key}`, "must be a number");
  }
  reqString(o: Obj, key: string, path: string) {
    if (!(key in o)) this.err(`${path}${key}`, "is required");
    else this.optString(o, key, path);
  }
  optEnum(o: Obj, key: string, values: readonly string[], path: string) {
    if (!(key in o)) return;
    if (typeof o[key] !== "string" || !values.includes(o[key] as string)) this.err(`${path}${key}`, `must be one of ${values.map((v) => `"${v}"`).join(", ")}`);
  }

  /** metadata: {name, value} or {divider}; links: {label, url} or {divider}. */
  annotations(o: Obj, key: "metadata" | "links", path: string) {
    if (!(key in o)) return;
    const list = o[key];
    if (!Array.isArray(list)) return this.err(`${path}${key}`, "must be an array");
    list.forEach((item, i) => {
      const p = `${path}${key}[${i}].`;
      if (!isObj(item)) return this.err(`${path}${key}[${i}]`, "must be an object");
      if ("divider" in item) return this.optBool(item, "divider", p);
      if (key === "metadata") {
        this.reqString(item, "name", p);
        this.reqString(item, "value", p);
      } else {
        this.reqString(item, "label", p);
        this.reqString(item, "url", p);
        if (typeof item.url === "string" && !PROTOCOL.test(item.url)) this.err(`${p}url`, "must start with a protocol such as https://");
      }
    });
  }

  versions(o: Obj) {
    if (!("versions" in o)) return;
    const v = o.versions;
    if (!isObj(v)) return this.err("versions", "must be an object");
    this.optString(v, "attack", "versions.");
    this.reqString(v, "navigator", "versions.");
    this.reqString(v, "layer", "versions.");
    if (typeof v.layer === "string" && v.layer !== LAYER_FORMAT_VERSION) this.err("versions.layer", `must be "${LAYER_FORMAT_VERSION}" (got "${v.layer}")`);
    if (typeof v.navigator === "string" && !versionAtLeast(v.navigator, "4.9.0")) this.err("versions.navigator", `must be at least "4.9.0" (got "${v.navigator}")`);
  }

  technique(t: unknown, i: number) {
    const path = `techniques[${i}]`;
    if (!isObj(t)) return this.err(path, "must be an object");
    const p = `${path}.`;
    this.reqString(t, "techniqueID", p);
    if (typeof t.techniqueID === "string" && !TECHNIQUE_ID.test(t.techniqueID)) this.err(`${p}techniqueID`, `"${t.techniqueID}" is not of the form T#### or T####.###`);
    for (const k of ["tactic", "comment", "color"]) this.optString(t, k, p);
    for (const k of ["enabled", "showSubtechniques"]) this.optBool(t, k, p);
    this.optNumber(t, "score", p);
    this.annotations(t, "metadata", p);
    this.annotations(t, "links", p);
  }

  gradient(o: Obj) {
    if (!("gradient" in o)) return;
    const g = o.gradient;
    if (!isObj(g)) return this.err("gradient", "must be an object");
    if (!Array.isArray(g.colors)) this.err("gradient.colors", g.colors === undefined ? "is required" : "must be an array");
    else {
      if (g.colors.length < 2) this.err("gradient.colors", "needs at least two colours");
      g.colors.forEach((c, i) => {
        if (typeof c !== "string" || !HEX_COLOR.test(c)) this.err(`gradient.colors[${i}]`, "must be a hexadecimal RGB colour such as #ff6666");
      });
    }
    for (const k of ["minValue", "maxValue"]) {
      if (!(k in g)) this.err(`gradient.${k}`, "is required");
      else this.optNumber(g, k, "gradient.");
    }
    if (typeof g.minValue === "number" && typeof g.maxValue === "number" && !(g.maxValue > g.minValue)) this.err("gradient.maxValue", "must be greater than minValue");
  }

  legend(o: Obj) {
    if (!("legendItems" in o)) return;
    const list = o.legendItems;
    if (!Array.isArray(list)) return this.err("legendItems", "must be an array");
    list.forEach((item, i) => {
      if (!isObj(item)) return this.err(`legendItems[${i}]`, "must be an object");
      this.reqString(item, "label", `legendItems[${i}].`);
      this.reqString(item, "color", `legendItems[${i}].`);
    });
  }

  layout(o: Obj) {
    if (!("layout" in o)) return;
    const l = o.layout;
    if (!isObj(l)) return this.err("layout", "must be an object");
    this.optEnum(l, "layout", ["side", "flat", "mini"], "layout.");
    for (const k of ["showID", "showName", "showAggregateScores", "countUnscored"]) this.optBool(l, k, "layout.");
    this.optEnum(l, "aggregateFunction", ["average", "min", "max", "sum"], "layout.");
    this.optEnum(l, "expandedSubtechniques", ["none", "all", "annotated"], "layout.");
  }
}

/** Checks one layer object (not a list of layers) against format 4.5. */
export function validateNavigatorLayer(value: unknown): LayerValidation {
  const c = new Checker();
  if (!isObj(value)) {
    c.err("(layer)", "must be a JSON object");
    return { valid: false, errors: c.errors };
  }
  c.reqString(value, "name", "");
  c.reqString(value, "domain", "");
  if (typeof value.domain === "string" && !(LAYER_DOMAINS as readonly string[]).includes(value.domain)) {
    c.err("domain", `must be one of ${LAYER_DOMAINS.join(", ")} (got "${value.domain}")`);
  }
  c.versions(value);
  for (const k of ["description", "customDataURL", "tacticRowBackground"]) c.optString(value, k, "");
  for (const k of ["hideDisabled", "showTacticRowBackground", "selectTechniquesAcrossTactics", "selectSubtechniquesWithParent", "selectVisibleTechniques"]) {
    c.optBool(value, k, "");
  }
  if ("sorting" in value && ![0, 1, 2, 3].includes(value.sorting as number)) c.err("sorting", "must be 0, 1, 2 or 3");
  if ("filters" in value) {
    const f = value.filters;
    if (!isObj(f)) c.err("filters", "must be an object");
    else if ("platforms" in f && (!Array.isArray(f.platforms) || f.platforms.some((p) => typeof p !== "string"))) {
      c.err("filters.platforms", "must be an array of strings");
    }
  }
  c.layout(value);
  if ("techniques" in value) {
    if (!Array.isArray(value.techniques)) c.err("techniques", "must be an array");
    else value.techniques.forEach((t, i) => c.technique(t, i));
  }
  c.gradient(value);
  c.legend(value);
  c.annotations(value, "metadata", "");
  c.annotations(value, "links", "");
  return { valid: c.errors.length === 0, errors: c.errors };
}
