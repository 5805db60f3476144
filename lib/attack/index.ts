/**
 * Enterprise ATT&CK lookups over the committed facts-only table (browser-safe, no Node built-ins).
 * Regenerate the table with `npm run attack:build`.
 */
import data from "./data/enterprise-attack.json";

/** A technique as a detection cites it, resolved against ATT&CK (revocations followed). */
export interface AttackRef {
  /** As cited by the detection, e.g. `T1574.002`. */
  id: string;
  /** Where a revoked id resolves (end of the revoked_by chain), else undefined. */
  resolvedId?: string;
  name?: string;
  /** Tactic shortnames of the resolved technique, e.g. `lateral-movement`. */
  tactics: string[];
  status: "current" | "deprecated" | "revoked" | "unknown";
  url?: string;
}


export interface Technique {
  id: string;
  name: string;
  /** Tactic shortnames, e.g. `lateral-movement`. */
  tactics: string[];
  parent?: string;
  deprecated: boolean;
  revoked: boolean;
  revokedBy?: string;
}

export interface Tactic {
  id: string;
  shortname: string;
  name: string;
  /** 1-based column in the Enterprise matrix. */
  order: number;
}

interface RawTechnique {
  id: string;
  name: string;
  tactics: string[];
  parent?: string;
  deprecated?: boolean;
  revoked?: boolean;
  revoked_by?: string;
}

interface RawTable {
  version: string;
  source: string;
  tactics: Tactic[];
  techniques: RawTechnique[];
}

const table = data as RawTable;

export const ATTACK_VERSION: string = table.version;
export const ATTACK_SOURCE: string = table.source;
/** MITRE's required copyright designation (from ../shared/attack/SOURCE.md). */
export const ATTACK_CREDIT =
  "© 2025 The MITRE Corporation. This work is reproduced and distributed with the permission of The MITRE Corporation.";

const TECHNIQUES: readonly Technique[] = table.techniques.map((t) => ({
  id: t.id,
  name: t.name,
  tactics: t.tactics,
  parent: t.parent,
  deprecated: t.deprecated === true,
  revoked: t.revoked === true,
  revokedBy: t.revoked_by,
}));
const BY_ID = new Map(TECHNIQUES.map((t) => [t.id, t]));
const TACTICS: readonly Tactic[] = [...table.tactics].sort((a, b) => a.order - b.order);
const TACTIC_BY_SHORTNAME = new Map(TACTICS.map((t) => [t.shortname, t]));

/** Normalises user-written ids: trims, upper-cases, `T1021/002` → `T1021.002`. */
export function normaliseTechniqueId(id: string): string {
  return id.trim().toUpperCase().replace("/", ".");
}

export function getTechnique(id: string): Technique | undefined {
  return BY_ID.get(normaliseTechniqueId(id));
}

/** Every technique and sub-technique, including deprecated and revoked ones, sorted by id. */
export function allTechniques(): readonly Technique[] {
  return TECHNIQUES;
}

/** The 14 Enterprise tactics in matrix order (Reconnaissance … Impact). */
export function tactics(): readonly Tactic[] {
  return TACTICS;
}

export function tacticByShortname(shortname: string): Tactic | undefined {
  return TACTIC_BY_SHORTNAME.get(shortname);
}

/** `T1021.002` → `https://attack.mitre.org/techniques/T1021/002` (MITRE's own URL form). */
export function techniqueUrl(id: string): string {
  const [base, sub] = normaliseTechniqueId(id).split(".");
  return `https://attack.mitre.org/techniques/${base ?? ""}${sub ? `/${sub}` : ""}`;
}

/**
 * Follows `revokedBy` from `start` to the end of the chain, looking ids up with `get`.
 * Returns undefined when the chain points at an unknown id or loops back on itself.
 */
export function followRevocations(
  start: Technique,
  get: (id: string) => Technique | undefined = (id) => BY_ID.get(id),
): Technique | undefined {
  const seen = new Set<string>([start.id]);
  let current = start;
  while (current.revoked && current.revokedBy) {
    const next = get(current.revokedBy);
    if (!next || seen.has(next.id)) return undefined;
    seen.add(next.id);
    current = next;
  }
  return current;
}

/**
 * Resolves a technique id as cited by a detection. A revoked id follows `revoked_by` to its
 * final replacement (T1073 → T1574.002 → T1574.001) and reports that id, name and tactics.
 * Never throws: unknown ids come back with status `unknown`.
 */
export function resolveTechnique(id: string): AttackRef {
  const cited = id.trim();
  const own = BY_ID.get(normaliseTechniqueId(cited));
  if (!own) return { id: cited, tactics: [], status: "unknown" };
  if (own.revoked) {
    const end = followRevocations(own);
    if (!end || end === own) return { id: cited, name: own.name, tactics: own.tactics, status: "revoked", url: techniqueUrl(own.id) };
    return { id: cited, resolvedId: end.id, name: end.name, tactics: end.tactics, status: "revoked", url: techniqueUrl(end.id) };
  }
  return {
    id: cited,
    name: own.name,
    tactics: own.tactics,
    status: own.deprecated ? "deprecated" : "current",
    url: techniqueUrl(own.id),
  };
}

/** Tactic names for a list of shortnames, in matrix order; unknown shortnames are kept as written. */
export function tacticNames(shortnames: readonly string[]): string[] {
  const known = shortnames.map((s) => TACTIC_BY_SHORTNAME.get(s)).filter((t): t is Tactic => !!t);
  known.sort((a, b) => a.order - b.order);
  const unknown = shortnames.filter((s) => !TACTIC_BY_SHORTNAME.has(s));
  return [...known.map((t) => t.name), ...unknown];
}
