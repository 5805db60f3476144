/** Small readers for untyped parsed YAML values (browser-safe). */

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A scalar as text (numbers, booleans and dates stringified), else undefined. */
export function text(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return undefined;
}

/** A list of scalars as strings; a single scalar becomes a one-item list; empty strings dropped. */
export function textList(v: unknown): string[] {
  const items = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return items.map(text).filter((s): s is string => s !== undefined && s.trim() !== "").map((s) => s.trim());
}

export function numberOf(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function objectOf(v: unknown): Obj {
  return isObj(v) ? v : {};
}
