/**
 * Reads a Navigator layer (a threat group's techniques, say) into a set of Enterprise technique
 * ids. Tolerant: any 4.x layer, older 2.x/3.x layers (`version` instead of `versions`, domain
 * `mitre-enterprise`), a file holding a list of layers (merged), or a plain pasted list of ids.
 * Revoked ids resolve to their replacement; unknown ids and disabled techniques are left out with a
 * warning. Problems come back as values with a message a person can act on; never throws.
 */
import { followRevocations, getTechnique, normaliseTechniqueId } from "./index";
import { compareText } from "../detection/collate";

export interface ImportedTechnique {
  /** The Enterprise id the technique counts as (a revoked id's replacement). */
  id: string;
  name: string;
  /** Ids as written in the layer that led here (usually just `id`). */
  cited: string[];
  /** Tactics the layer names for it; empty when it names none (all of the technique's tactics). */
  tactics: string[];
  /** Highest score the layer gives it, when scored. */
  score?: number;
  note?: string;
}

export interface ImportedLayer {
  name: string;
  /** The layer format as declared (`4.5`, `4.3`, `3.0`, …), when declared. */
  format?: string;
  /** Layers in the file (a Navigator export may hold several; they are merged). */
  layerCount: number;
  techniques: ImportedTechnique[];
  warnings: string[];
}

export type LayerImportResult = { ok: true; layer: ImportedLayer } | { ok: false; error: string };

const MAX_TEXT = 10_000_000;
const ID_IN_TEXT = /\bT\d{4}(?:[./]\d{3})?\b/gi;
const ENTERPRISE = new Set(["enterprise-attack", "mitre-enterprise"]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function declaredFormat(layer: Obj): string | undefined {
  if (isObj(layer.versions) && typeof layer.versions.layer === "string") return layer.versions.layer;
  if (typeof layer.version === "string") return layer.version;
  return undefined;
}

class Collector {
  byId = new Map<string, ImportedTechnique>();
  unknown = new Set<string>();
  disabled = 0;
  malformed = 0;

  add(citedRaw: string, tactic: string | undefined, score: number | undefined) {
    const cited = normaliseTechniqueId(citedRaw);
    const own = getTechnique(cited);
    if (!own) {
      this.unknown.add(cited);
      return;
    }
    const end = own.revoked ? followRevocations(own) : own;
    if (!end || end.revoked) {
      this.unknown.add(`${cited} (revoked, no replacement)`);
      return;
    }
    let entry = this.byId.get(end.id);
    if (!entry) {
      entry = { id: end.id, name: end.name, cited: [], tactics: [] };
      if (end.deprecated) entry.note = `${end.id} is deprecated in ATT&CK.`;
      this.byId.set(end.id, entry);
    }
    if (!entry.cited.includes(cited)) entry.cited.push(cited);
    if (cited !== end.id) entry.note = `The layer cites ${entry.cited.filter((c) => c !== end.id).join(", ")}, revoked and replaced by ${end.id}.`;
    if (tactic && !entry.tactics.includes(tactic)) entry.tactics.push(tactic);
    if (score !== undefined && (entry.score === undefined || score > entry.score)) entry.score = score;
  }

  readLayer(layer: Obj, index: number): string | undefined {
    const where = index >= 0 ? ` (layer ${index + 1} in the file)` : "";
    const domain = typeof layer.domain === "string" ? layer.domain : undefined;
    if (domain && !ENTERPRISE.has(domain)) {
      return `This layer is for "${domain}"${where}; the console's matrix is Enterprise ATT&CK, so its techniques cannot be compared.`;
    }
    if (layer.techniques === undefined) return undefined;
    if (!Array.isArray(layer.techniques)) return `"techniques" must be a list${where}.`;
    for (const t of layer.techniques) {
      if (!isObj(t) || typeof t.techniqueID !== "string" || !t.techniqueID.trim()) {
        this.malformed++;
        continue;
      }
      if (t.enabled === false) {
        this.disabled++;
        continue;
      }
      const score = typeof t.score === "number" && Number.isFinite(t.score) ? t.score : undefined;
      this.add(t.techniqueID, typeof t.tactic === "string" && t.tactic ? t.tactic : undefined, score);
    }
    return undefined;
  }

  warnings(): string[] {
    const w: string[] = [];
    if (this.unknown.size > 0) {
      const list = [...this.unknown];
      w.push(`${list.length} id${list.length === 1 ? " is" : "s are"} not Enterprise ATT&CK techniques and ${list.length === 1 ? "was" : "were"} left out: ${list.slice(0, 20).join(", ")}${list.length > 20 ? ", …" : ""}.`);
    }
    if (this.disabled > 0) w.push(`${this.disabled} disabled technique${this.disabled === 1 ? " was" : "s were"} left out ("enabled": false).`);
    if (this.malformed > 0) w.push(`${this.malformed} technique entr${this.malformed === 1 ? "y has" : "ies have"} no "techniqueID" and ${this.malformed === 1 ? "was" : "were"} skipped.`);
    return w;
  }

  techniques(): ImportedTechnique[] {
    return [...this.byId.values()].sort((a, b) => compareText(a.id, b.id));
  }
}

/** A pasted text that is not JSON but names technique ids (`T1021.002, T1059`). */
function fromIdList(text: string): LayerImportResult | undefined {
  const ids = text.match(ID_IN_TEXT);
  if (!ids) return undefined;
  const c = new Collector();
  for (const id of ids) c.add(id, undefined, undefined);
  const techniques = c.techniques();
  if (techniques.length === 0) return { ok: false, error: `None of the ${ids.length} ids in the text is an Enterprise ATT&CK technique.` };
  return { ok: true, layer: { name: "Pasted technique list", layerCount: 0, techniques, warnings: ["Read as a plain list of technique ids (the text is not a layer file).", ...c.warnings()] } };
}

/** Reads a parsed layer file: one layer object or a list of them. */
export function readLayer(value: unknown): LayerImportResult {
  const layers: unknown[] = Array.isArray(value) ? value : [value];
  if (layers.length === 0) return { ok: false, error: "The file holds an empty list: no layer to read." };
  const c = new Collector();
  const names: string[] = [];
  const formats = new Set<string>();
  const warnings: string[] = [];
  for (const [i, layer] of layers.entries()) {
    if (!isObj(layer)) return { ok: false, error: `Not a Navigator layer: expected a JSON object${layers.length > 1 ? ` (item ${i + 1} of the list)` : ""}.` };
    if (!("techniques" in layer) && !("name" in layer) && !("domain" in layer)) {
      return { ok: false, error: 'Not a Navigator layer: it has none of "name", "domain" or "techniques".' };
    }
    const error = c.readLayer(layer, Array.isArray(value) ? i : -1);
    if (error) return { ok: false, error };
    names.push(typeof layer.name === "string" && layer.name.trim() ? layer.name.trim() : "Untitled layer");
    const format = declaredFormat(layer);
    if (format) formats.add(format);
    if (layer.domain === undefined) warnings.push("The layer names no domain; read as Enterprise ATT&CK.");
  }
  for (const f of formats) {
    if (!/^4(\.|$)/.test(f)) warnings.push(`Layer format ${f} is older than 4.x; only its technique ids were read.`);
  }
  if (layers.length > 1) warnings.push(`The file holds ${layers.length} layers; their techniques were merged.`);
  const techniques = c.techniques();
  warnings.push(...c.warnings());
  if (techniques.length === 0) warnings.push("The layer lists no enabled Enterprise technique.");
  return {
    ok: true,
    layer: {
      name: names.join(" + "),
      ...(formats.size > 0 ? { format: [...formats].join(", ") } : {}),
      layerCount: layers.length,
      techniques,
      warnings: [...new Set(warnings)],
    },
  };
}

/** Parses pasted or uploaded text: a layer JSON file, or failing that a list of technique ids. */
export function parseLayerText(text: string): LayerImportResult {
  if (text.length > MAX_TEXT) return { ok: false, error: `The file is too large (${Math.round(text.length / 1e6)} MB; the limit is 10 MB).` };
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (!trimmed) return { ok: false, error: "Nothing to read: paste a layer's JSON or choose a .json file." };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (e) {
    const list = /^[[{]/.test(trimmed) ? undefined : fromIdList(trimmed);
    if (list) return list;
    return { ok: false, error: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}.` };
  }
  return readLayer(value);
}
