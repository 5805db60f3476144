/** Converts parsed macro, story, data source and lookup YAML documents (browser-safe). */
import { isObj, objectOf, text, textList } from "./fields";
import { lookupOptions } from "./lookup-options";
import type { ParsedYaml } from "./parse-yaml";
import type { ContentProblem, Lookup, MacroDefinition, Story } from "./types";

export { toDataSource } from "./data-source";

type Result<T> = { item?: T; problems: ContentProblem[] };

function checker(parsed: ParsedYaml, file: string, kind: string) {
  const problems: ContentProblem[] = [];
  const doc = isObj(parsed.value) ? parsed.value : undefined;
  if (!doc) problems.push({ file, line: 1, severity: "error", message: `${kind} file is not a YAML mapping` });
  const need = (key: string, severity: ContentProblem["severity"] = "error"): string | undefined => {
    const v = doc ? text(doc[key]) : undefined;
    if (doc && (v === undefined || v.trim() === "")) {
      const pos = parsed.positionOf(key);
      problems.push({
        file,
        line: pos?.line ?? 1,
        ...(pos ? { column: pos.column } : {}),
        severity,
        message: doc[key] === undefined || doc[key] === null ? `missing ${severity === "error" ? "required " : ""}field \`${key}\`` : `field \`${key}\` must be non-empty text`,
      });
    }
    return v;
  };
  return { doc: doc ?? {}, problems, need, ok: () => !!doc && !problems.some((p) => p.severity === "error") };
}

export function toMacro(parsed: ParsedYaml, file: string): Result<MacroDefinition> {
  const c = checker(parsed, file, "macro");
  const name = c.need("name");
  const definition = c.doc.definition === undefined || c.doc.definition === null ? (c.need("definition"), undefined) : text(c.doc.definition);
  if (!c.ok() || !name || definition === undefined) return { problems: c.problems };
  const description = text(c.doc.description)?.trim();
  return {
    item: { name: name.trim(), args: textList(c.doc.arguments), definition, ...(description ? { description } : {}), file },
    problems: c.problems,
  };
}

export function toStory(parsed: ParsedYaml, file: string, slug: string): Result<Story> {
  const c = checker(parsed, file, "story");
  const name = c.need("name");
  c.need("id", "warning");
  c.need("description", "warning");
  c.need("narrative", "warning");
  if (!c.ok() || !name) return { problems: c.problems };
  const tags = objectOf(c.doc.tags);
  const d = c.doc;
  return {
    item: {
      ...(text(d.id) ? { id: text(d.id) } : {}),
      slug,
      file,
      name: name.trim(),
      description: text(d.description)?.trim() ?? "",
      narrative: text(d.narrative)?.trim() ?? "",
      references: textList(d.references),
      ...(text(d.date) ? { date: text(d.date) } : {}),
      ...(text(d.author) ? { author: text(d.author) } : {}),
      ...(text(d.status) ? { status: text(d.status) } : {}),
      category: textList(tags.category),
      ...(text(tags.usecase) ? { usecase: text(tags.usecase) } : {}),
      products: textList(tags.product),
    },
    problems: c.problems,
  };
}

export function toLookup(parsed: ParsedYaml, file: string): Result<Lookup> {
  const c = checker(parsed, file, "lookup");
  const name = c.need("name");
  if (!c.ok() || !name) return { problems: c.problems };
  const d = c.doc;
  const options = lookupOptions(d, (key, message) => {
    const pos = parsed.positionOf(key);
    c.problems.push({ file, line: pos?.line ?? 1, ...(pos ? { column: pos.column } : {}), severity: "error", message });
  });
  if (!c.ok()) return { problems: c.problems };
  if (!options.filename && !options.collection) c.problems.push({ file, line: 1, severity: "warning", message: "lookup has neither `filename` nor `collection`: no table can back it" });
  const fieldsList = text(d.fields_list)?.split(",").map((f) => f.trim()).filter(Boolean);
  return {
    item: {
      name: name.trim(),
      file,
      ...(text(d.description) ? { description: text(d.description)?.trim() } : {}),
      ...options,
      ...(fieldsList?.length ? { fieldsList } : {}),
    },
    problems: c.problems,
  };
}
