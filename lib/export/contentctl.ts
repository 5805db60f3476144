/**
 * The tester's events as the test data of a security_content detection:
 * - a `tests:` entry for the detection YAML, in the shape every ESCU detection has (a name, and
 *   `attack_data` items with `data`, `source`, `sourcetype`: e.g.
 *   detections/endpoint/impacket_lateral_movement_smbexec_commandline_parameters.yml, and
 *   shared/content-format.md §2), `data` naming the event file (its attack_data URL once uploaded);
 * - an attack_data `data.yml` describing that file (author, id, date, description, environment,
 *   directory, mitre_technique, datasets of name / path / sourcetype / source, the shape of the
 *   attack_data repository's `datasets/attack_techniques/<technique>/<directory>/data.yml`);
 * - the event files themselves: one per (source, sourcetype), the events' own text, named after
 *   the analytic and the data source.
 * `source` and `sourcetype` come from the data source each event was recognised as; an event read
 * as CIM fields (a bare command line, CIM JSON) has none, and the YAML says so. Pure; browser-safe.
 */
import { stringify } from "yaml";
import type { Verdict } from "../detection/types";
import { countOf, formatCount } from "../detection/numbers";

export interface ExportEvent {
  text: string;
  source?: string;
  sourcetype?: string;
  dataSource?: string | null;
  verdict: Verdict;
}

export interface ExportInput {
  analytic: { id: string; name: string; slug: string; techniques: readonly string[] };
  events: readonly ExportEvent[];
  /** For data.yml: who, when (YYYY-MM-DD) and a UUID (the caller makes them: this stays pure). */
  author: string;
  date: string;
  datasetId: string;
}

export interface EventFile {
  name: string;
  /** The data source the group's first event was recognised as. */
  dataSource?: string;
  source?: string;
  sourcetype?: string;
  /** The events' text, one after the other, each ending with a newline. */
  text: string;
  events: number;
  firing: number;
}

/** Where attack_data keeps a dataset's files, and the URL ESCU tests read them from. */
export const ATTACK_DATA_URL = "https://media.githubusercontent.com/media/splunk/attack_data/master";
export const UNKNOWN_SOURCE = "<source: the event was read as CIM fields, not as a raw event of a data source>";
export const UNKNOWN_SOURCETYPE = "<sourcetype: the event was read as CIM fields, not as a raw event of a data source>";

function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9_.-]+/g, "_").replace(/^_+|_+$/g, "").toLowerCase() || "events";
}

/** The events grouped by (source, sourcetype), in order of first appearance: one file each. */
export function eventFiles(input: Pick<ExportInput, "analytic" | "events">): EventFile[] {
  const groups = new Map<string, EventFile>();
  for (const e of input.events) {
    const key = `${e.source ?? ""}\u0000${e.sourcetype ?? ""}`;
    let g = groups.get(key);
    if (!g) {
      g = { name: "", ...(e.dataSource ? { dataSource: e.dataSource } : {}), ...(e.source ? { source: e.source } : {}), ...(e.sourcetype ? { sourcetype: e.sourcetype } : {}), text: "", events: 0, firing: 0 };
      groups.set(key, g);
    }
    g.text += e.text.endsWith("\n") ? e.text : `${e.text}\n`;
    g.events++;
    if (e.verdict === "match") g.firing++;
  }
  const files = [...groups.values()];
  const base = safeName(input.analytic.slug);
  const kinds = files.map((f) => f.dataSource ?? f.sourcetype);
  const stems = kinds.map((k) => `${base}${k ? `_${safeName(k)}` : ""}`);
  files.forEach((f, i) => {
    const clash = stems.filter((s) => s === stems[i]).length > 1;
    f.name = `${stems[i]}${clash ? `_${i + 1}` : ""}.log`;
  });
  return files;
}

/**
 * The folder attack_data would keep the files in: the analytic's first sub-technique (attack_data
 * files datasets under the most specific id, e.g. T1021.002), else its first technique; then the slug.
 */
export function datasetDirectory(input: Pick<ExportInput, "analytic">): { technique: string; directory: string } {
  const ts = input.analytic.techniques;
  return { technique: ts.find((t) => t.includes(".")) ?? ts[0] ?? "<technique>", directory: safeName(input.analytic.slug) };
}

// Sequences unindented under their key, as security_content and attack_data write them.
const YAML_OPTIONS = { lineWidth: 0, defaultStringType: "PLAIN", defaultKeyType: "PLAIN", indentSeq: false } as const;
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** The `tests:` entry to paste into the detection YAML (a YAML document with one key, `tests`). */
export function testsEntryYaml(input: ExportInput): string {
  const files = eventFiles(input);
  const { technique, directory } = datasetDirectory(input);
  const firing = files.reduce((n, f) => n + f.firing, 0);
  const header = [
    `# tests: entry for ${oneLine(input.analytic.name)} (${oneLine(input.analytic.id)}), from ${countOf(input.events.length, "event")} pasted into Detection Console.`,
    `# data: the event file beside this one; once it is in attack_data, write its URL:`,
    `#   ${ATTACK_DATA_URL}/datasets/attack_techniques/${technique}/${directory}/<file>`,
    firing === 0
      ? "# None of these events fires the analytic here: the detection would return no result on this data."
      : `# ${formatCount(firing)} of ${countOf(input.events.length, "event")} fire${firing === 1 ? "s" : ""} the analytic here.`,
    ...(files.some((f) => !f.source || !f.sourcetype) ? ["# Some events were read as CIM fields (no data source): fill in their source and sourcetype."] : []),
  ];
  const tests = [
    {
      name: "True Positive Test",
      attack_data: files.map((f) => ({ data: f.name, source: f.source ?? UNKNOWN_SOURCE, sourcetype: f.sourcetype ?? UNKNOWN_SOURCETYPE })),
    },
  ];
  return `${header.join("\n")}\n${stringify({ tests }, YAML_OPTIONS)}`;
}

/** The attack_data `data.yml` describing the event files. */
export function dataYaml(input: ExportInput): string {
  const files = eventFiles(input);
  const { technique, directory } = datasetDirectory(input);
  const doc = {
    author: input.author,
    id: input.datasetId,
    date: input.date,
    description: `Events for ${input.analytic.name}, pasted into Detection Console: ${countOf(input.events.length, "event")}, ${formatCount(files.reduce((n, f) => n + f.firing, 0))} firing the analytic there.`,
    environment: "custom",
    directory,
    mitre_technique: [...input.analytic.techniques],
    datasets: files.map((f) => ({
      name: f.name.replace(/\.log$/, ""),
      path: `/datasets/attack_techniques/${technique}/${directory}/${f.name}`,
      sourcetype: f.sourcetype ?? UNKNOWN_SOURCETYPE,
      source: f.source ?? UNKNOWN_SOURCE,
    })),
  };
  // The date stays a quoted string, as attack_data writes it ('2025-08-12'): a plain one reads back as a YAML date.
  return stringify(doc, YAML_OPTIONS).replace(/^date: (\d{4}-\d{2}-\d{2})$/m, "date: '$1'");
}
