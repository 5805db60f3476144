/**
 * Turns one parsed detection YAML document into an `Analytic`, collecting every problem it finds.
 * `datamodels` is left empty here; the loader fills it once all macros are known. Browser-safe.
 */
import { resolveTechnique } from "../attack/index";
import { normaliseRba } from "../rba/normalise";
import { cisFor, killChainPhasesFor, nistFor } from "./derived-tags";
import { isObj, objectOf, numberOf, text, textList, type Obj } from "./fields";
import type { ParsedYaml } from "./parse-yaml";
import type { Analytic, ContentProblem, DrilldownSearch, TestDataset } from "./types";

/** Missing any of these skips the file: the console cannot show or run it. */
const REQUIRED = ["name", "id", "search"] as const;
/** Expected by the upstream schema; a missing one is a warning and the analytic still loads. */
const EXPECTED = ["version", "date", "author", "type", "status", "description", "data_source", "how_to_implement", "known_false_positives", "references", "tags"] as const;
const EXPECTED_TAGS = ["analytic_story", "asset_type", "mitre_attack_id", "product", "security_domain"] as const;
const LIST_FIELDS = ["data_source", "references"] as const;
const LIST_TAGS = ["analytic_story", "mitre_attack_id", "product", "required_fields", "kill_chain_phases", "nist", "cis20", "cve"] as const;

/** `drilldown_searches`: name, search and time offsets, as written (tokens like $dest$ kept). */
function drilldowns(v: unknown): DrilldownSearch[] {
  const out: DrilldownSearch[] = [];
  for (const d of Array.isArray(v) ? v : []) {
    if (!isObj(d) || !text(d.search)) continue;
    out.push({
      name: text(d.name) ?? "",
      search: text(d.search) ?? "",
      ...(text(d.earliest_offset) ? { earliest: text(d.earliest_offset) } : {}),
      ...(text(d.latest_offset) ? { latest: text(d.latest_offset) } : {}),
    });
  }
  return out;
}

function tests(v: unknown): TestDataset[] {
  const out: TestDataset[] = [];
  for (const t of Array.isArray(v) ? v : []) {
    if (!isObj(t)) continue;
    const name = text(t.name);
    for (const a of Array.isArray(t.attack_data) ? t.attack_data : []) {
      if (!isObj(a) || !text(a.data)) continue;
      out.push({
        ...(name ? { name } : {}),
        data: text(a.data) ?? "",
        ...(text(a.source) ? { source: text(a.source) } : {}),
        ...(text(a.sourcetype) ? { sourcetype: text(a.sourcetype) } : {}),
      });
    }
  }
  return out;
}

export function toAnalytic(parsed: ParsedYaml, file: string, slug: string): { analytic?: Analytic; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const at = (path: string) => {
    const pos = parsed.positionOf(path);
    return pos ? { line: pos.line, column: pos.column } : {};
  };
  const problem = (severity: ContentProblem["severity"], message: string, path?: string, fallbackLine = 1) => {
    const pos = path ? at(path) : {};
    problems.push({ file, line: fallbackLine, ...pos, severity, message });
  };

  if (!isObj(parsed.value)) {
    problem("error", "detection file is not a YAML mapping");
    return { problems };
  }
  const doc: Obj = parsed.value;
  const tags = objectOf(doc.tags);
  const tagsLine = at("tags").line ?? 1;

  for (const key of REQUIRED) {
    if (doc[key] === undefined || doc[key] === null) problem("error", `missing required field \`${key}\``);
    else if (typeof text(doc[key]) !== "string" || text(doc[key])?.trim() === "") problem("error", `field \`${key}\` must be non-empty text`, key);
  }
  for (const key of EXPECTED) if (doc[key] === undefined || doc[key] === null) problem("warning", `missing field \`${key}\``);
  if (doc.tags !== undefined && !isObj(doc.tags)) problem("warning", "`tags` is not a mapping; ignored", "tags");
  for (const key of EXPECTED_TAGS) {
    if (isObj(doc.tags) && (tags[key] === undefined || tags[key] === null)) problem("warning", `missing field \`tags.${key}\``, undefined, tagsLine);
  }
  for (const key of LIST_FIELDS) {
    if (doc[key] !== undefined && doc[key] !== null && !Array.isArray(doc[key])) problem("warning", `field \`${key}\` should be a list`, key);
  }
  for (const key of LIST_TAGS) {
    if (tags[key] !== undefined && tags[key] !== null && !Array.isArray(tags[key])) problem("warning", `field \`tags.${key}\` should be a list`, `tags.${key}`);
  }
  if (doc.data_sources !== undefined && doc.data_source === undefined) problem("warning", "`data_sources` is a misspelling of `data_source`; read as `data_source`", "data_sources");

  const { rba, problems: rbaProblems } = normaliseRba(doc);
  const rbaPath = isObj(doc.rba) ? "rba" : "tags";
  for (const message of rbaProblems) problem("warning", `RBA: ${message}`, rbaPath);

  if (problems.some((p) => p.severity === "error")) return { problems };

  const declared = tags.required_fields;
  const attack = textList(tags.mitre_attack_id).map(resolveTechnique);
  const type = text(doc.type) ?? "unknown";
  const securityDomain = text(tags.security_domain);
  const listed = (v: unknown, derive: () => string[]) => (v === undefined || v === null ? derive() : textList(v));
  const analytic: Analytic = {
    id: text(doc.id)?.trim() ?? "",
    slug,
    file,
    name: text(doc.name)?.trim() ?? "",
    ...(numberOf(doc.version) !== undefined ? { version: numberOf(doc.version) } : {}),
    ...(text(doc.date) ? { date: text(doc.date) } : {}),
    ...(text(doc.author) ? { author: text(doc.author) } : {}),
    status: text(doc.status) ?? "unknown",
    type,
    description: text(doc.description)?.trim() ?? "",
    dataSources: textList(doc.data_source ?? doc.data_sources),
    search: text(doc.search) ?? "",
    datamodels: [],
    howToImplement: text(doc.how_to_implement)?.trim() ?? "",
    knownFalsePositives: text(doc.known_false_positives)?.trim() ?? "",
    references: textList(doc.references),
    analyticStories: textList(tags.analytic_story),
    ...(text(tags.asset_type) ? { assetType: text(tags.asset_type) } : {}),
    ...(securityDomain ? { securityDomain } : {}),
    products: textList(tags.product),
    attack,
    // Read when the file has them, else computed the way contentctl 4.x does (see derived-tags.ts).
    killChainPhases: listed(tags.kill_chain_phases, () => killChainPhasesFor(attack)),
    nist: listed(tags.nist, () => nistFor(type)),
    cis: listed(tags.cis20, () => cisFor(securityDomain)),
    cve: textList(tags.cve ?? tags.CVE),
    ...(declared !== undefined && declared !== null ? { requiredFieldsDeclared: textList(declared) } : {}),
    rba,
    tests: tests(doc.tests),
    drilldownSearches: drilldowns(doc.drilldown_searches),
  };
  return { analytic, problems };
}
