/**
 * A JSON object → fields named the way Splunk's JSON extraction (KV_MODE=json, spath) names them:
 * nested keys joined with `.` (`userIdentity.arn`), arrays marked `{}` (`sourceIPs{}`,
 * `actors{}.name`), an array's values a multivalue field. Values are text, as extracted fields are
 * (`true`, `403`, `null`: the content's data sources list fields such as CloudTrail's
 * `responseElements` for events where the value is null, and `""` values as fields too).
 * Depth and size are bounded.
 */
export interface Flattened {
  fields: Map<string, string[]>;
}

const MAX_DEPTH = 32;
const MAX_FIELDS = 5000;

function scalarText(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === "boolean") return v ? "true" : "false";
  return undefined;
}

export function flattenJson(value: unknown): Flattened {
  const out: Flattened = { fields: new Map() };
  const add = (name: string, v: string) => {
    if (name === "" || name === "__proto__") return;
    const list = out.fields.get(name);
    if (list) list.push(v);
    else if (out.fields.size < MAX_FIELDS) out.fields.set(name, [v]);
  };
  const walk = (v: unknown, name: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (v === null) return add(name, "null");
    const s = scalarText(v);
    if (s !== undefined) return add(name, s);
    if (Array.isArray(v)) {
      for (const item of v) walk(item, `${name}{}`, depth + 1);
      return;
    }
    if (typeof v === "object") {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, name ? `${name}.${k}` : k, depth + 1);
    }
  };
  walk(value, "", 0);
  return out;
}
