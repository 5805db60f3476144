/**
 * A `data_sources/*.yml` document → a DataSource (browser-safe). Broken parts of an otherwise usable
 * file (a `fields:` that is not a list, a malformed `field_mappings:` entry, an `example_log:` that is
 * not text) are warnings with the file and line; a file without a `name` is an error and skipped.
 */
import { isObj, text, textList } from "./fields";
import type { ParsedYaml } from "./parse-yaml";
import type { ContentProblem, DataSource, FieldMapping, SupportedTA } from "./types";

type Result = { item?: DataSource; problems: ContentProblem[] };

/** The value at a dotted path of a parsed JSON object (`operationName.localizedValue`). */
function jsonPath(value: unknown, path: string): string | undefined {
  let cur: unknown = value;
  for (const part of path.split(".")) {
    if (!isObj(cur)) return undefined;
    cur = cur[part];
  }
  return text(cur);
}

/**
 * The separator's value for this data source: read from the example (a JSON example's value at the
 * separator path, a Windows XML example's EventID), else the number that ends the name
 * ("Windows Event Log Security 4688" → `4688`). Undefined when neither says.
 */
export function separatorValueOf(name: string, separator: string | undefined, example: string | undefined): string | undefined {
  const ex = example?.trim() ?? "";
  if (separator && ex.startsWith("{")) {
    try {
      const v = jsonPath(JSON.parse(ex), separator);
      if (v !== undefined && v.trim() !== "") return v.trim();
    } catch {
      // an example cut short: fall back to the name
    }
  }
  if (ex.startsWith("<")) {
    const id = /<(?:\w+:)?EventID(?:\s[^>]*)?>\s*(\d+)\s*</.exec(ex);
    if (id?.[1]) return id[1];
  }
  return /\s(\d+)$/.exec(name.trim())?.[1];
}

function supportedTAs(v: unknown): SupportedTA[] | "bad" {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return "bad";
  const out: SupportedTA[] = [];
  for (const item of v) {
    if (!isObj(item) || !text(item.name)) return "bad";
    out.push({ name: text(item.name)!.trim(), ...(text(item.url) ? { url: text(item.url) } : {}), ...(text(item.version) ? { version: text(item.version) } : {}) });
  }
  return out;
}

function fieldMappings(v: unknown): FieldMapping[] | "bad" {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return "bad";
  const out: FieldMapping[] = [];
  for (const item of v) {
    if (!isObj(item) || !text(item.data_model) || !isObj(item.mapping)) return "bad";
    const mapping: Record<string, string> = {};
    for (const [from, to] of Object.entries(item.mapping)) {
      const t = text(to);
      if (t !== undefined && from !== "__proto__") mapping[from] = t;
    }
    out.push({ dataModel: text(item.data_model)!, ...(text(item.data_set) ? { dataSet: text(item.data_set) } : {}), mapping });
  }
  return out;
}

export function toDataSource(parsed: ParsedYaml, file: string): Result {
  const problems: ContentProblem[] = [];
  const at = (key: string) => {
    const pos = parsed.positionOf(key);
    return { line: pos?.line ?? 1, ...(pos ? { column: pos.column } : {}) };
  };
  const warn = (key: string, message: string) => problems.push({ file, ...at(key), severity: "warning", message });
  if (!isObj(parsed.value)) return { problems: [{ file, line: 1, severity: "error", message: "data source file is not a YAML mapping" }] };
  const d = parsed.value;
  const name = text(d.name)?.trim();
  if (!name) return { problems: [{ file, ...at("name"), severity: "error", message: d.name === undefined || d.name === null ? "missing required field `name`" : "field `name` must be non-empty text" }] };
  if (d.fields !== undefined && d.fields !== null && !Array.isArray(d.fields)) warn("fields", "`fields` must be a list of field names; ignored");
  const tas = supportedTAs(d.supported_TA);
  if (tas === "bad") warn("supported_TA", "`supported_TA` must be a list of {name, url, version}; ignored");
  const maps = fieldMappings(d.field_mappings);
  if (maps === "bad") warn("field_mappings", "`field_mappings` must be a list of {data_model, data_set, mapping}; ignored");
  let example: string | undefined;
  if (d.example_log !== undefined && d.example_log !== null) {
    if (typeof d.example_log !== "string") warn("example_log", "`example_log` must be text; ignored");
    else if (d.example_log.trim() !== "") example = d.example_log;
  }
  const source = text(d.source)?.trim();
  const sourcetype = text(d.sourcetype)?.trim();
  if (!source && !sourcetype) warn("name", "no `source` or `sourcetype`: events cannot be told to come from this data source by where Splunk puts them");
  const separator = text(d.separator)?.trim() || undefined;
  const separatorValue = separatorValueOf(name, separator, example);
  const description = text(d.description)?.trim();
  const item: DataSource = {
    name,
    file,
    ...(text(d.id) ? { id: text(d.id) } : {}),
    ...(description ? { description } : {}),
    ...(source ? { source } : {}),
    ...(sourcetype ? { sourcetype } : {}),
    ...(separator ? { separator } : {}),
    ...(separatorValue ? { separatorValue } : {}),
    ...(tas !== "bad" && tas.length > 0 ? { supportedTA: tas } : {}),
    fields: Array.isArray(d.fields) ? textList(d.fields) : [],
    ...(maps !== "bad" && maps.length > 0 ? { fieldMappings: maps } : {}),
    ...(example !== undefined ? { exampleLog: example } : {}),
  };
  return { item, problems };
}

/** What lib/events needs of a data source (its DataSourceSpec, structurally): no file, no prose. */
export function dataSourceSpec(d: DataSource): Omit<DataSource, "file" | "description" | "supportedTA" | "id"> {
  const { file: _file, description: _d, supportedTA: _t, id: _id, ...spec } = d;
  return spec;
}

/** A data source's page slug: its file name without `.yml` (`sysmon_eventid_13`). */
export function dataSourceSlug(d: Pick<DataSource, "file" | "name">): string {
  const base = d.file.split(/[\\/]/).pop()?.replace(/\.ya?ml$/i, "") ?? "";
  return base || d.name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
}
