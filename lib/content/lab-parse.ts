/**
 * A lab's tools (`content/lab/<lab>/<tool>.yml`): parsing and validation. Pure and browser-safe;
 * `lab.ts` reads the files through safe-fs. One file is one tool: its name, where its behaviour is
 * documented, and samples (a command line or one event, on the source or the target host). Never
 * throws: a bad file or sample is a problem with its file and line; the rest loads.
 */
import { parseEvents } from "../events/index";
import { parseYaml } from "./parse-yaml";
import { MAX_SAMPLE_CHARS } from "./samples-parse";
import type { ContentProblem } from "./types";

export type HostSide = "source" | "target";
export const HOST_SIDES: readonly HostSide[] = ["source", "target"];

export interface LabSample {
  /** `<tool slug>#<n>` (0-based, in file order). */
  key: string;
  label: string;
  host: HostSide;
  /** One event, as the tester reads a paste (a command line, CIM JSON, Windows XML…). */
  input: string;
  /** Where the behaviour is documented (the tool's documentation or source), in our own words. */
  source: string;
  note?: string;
}

export interface LabTool {
  /** The file name without `.yml`. */
  slug: string;
  name: string;
  summary?: string;
  /** Where the tool's behaviour is documented (samples without a `source` of their own take it). */
  source?: string;
  /**
   * A control: benign events of the kinds the tools leave. An analytic firing on a control fires
   * on benign activity too, so the lab lists it apart instead of crediting it to a tool.
   */
  control?: boolean;
  /** File path as problems show it. */
  file: string;
  samples: LabSample[];
}

export interface LabFileResult {
  tool?: LabTool;
  problems: ContentProblem[];
}

const TOOL_KEYS = new Set(["name", "summary", "source", "samples", "control"]);
const SAMPLE_KEYS = new Set(["label", "host", "input", "source", "note"]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : undefined);

/** Why an input is not exactly one readable event, or undefined when it is. */
export function oneEventProblem(input: string): string | undefined {
  const r = parseEvents(input, { maxEvents: 2 });
  const p = r.problems[0];
  if (p) return `the input does not read as an event (line ${p.line} of the input: ${p.message})`;
  if (r.events.length !== 1) return `the input must hold exactly one event (it reads as ${r.events.length > 1 ? "several" : "none"}); give each event its own sample`;
  return undefined;
}

/** One tool file. `slug` is its file name without `.yml`; `file` how problems name it. */
export function parseLabTool(yamlText: string, slug: string, file: string): LabFileResult {
  const parsed = parseYaml(yamlText, file);
  const problems: ContentProblem[] = [...parsed.problems];
  // The key's line, else its nearest parent's (a missing `input` points at its sample), else line 1.
  const at = (p: string): { line: number; column?: number } => {
    for (let path = p; path; path = path.slice(0, Math.max(0, path.lastIndexOf(".")))) {
      const pos = parsed.positionOf(path);
      if (pos) return pos;
    }
    return { line: 1 };
  };
  const problem = (p: string, message: string, severity: ContentProblem["severity"] = "error") => problems.push({ file, ...at(p), severity, message });
  const root = parsed.value;
  if (root === undefined) return { problems };
  if (!isObj(root)) {
    problems.push({ file, line: 1, severity: "error", message: "a lab tool file must be a map: name, source, samples" });
    return { problems };
  }
  for (const k of Object.keys(root)) if (!TOOL_KEYS.has(k)) problem(k, `unknown key \`${k}\` ignored`, "warning");
  const name = text(root.name);
  if (!name) problem("name", "`name` is required (text)");
  if (!Array.isArray(root.samples) || root.samples.length === 0) problem("samples", "`samples` is required (a list of samples)");
  if (!name || !Array.isArray(root.samples)) return { problems };
  const toolSource = text(root.source);
  const samples: LabSample[] = [];
  root.samples.forEach((item: unknown, i: number) => {
    const path = `samples.${i}`;
    if (!isObj(item)) return void problem(path, `sample ${i + 1} is not a map (label, host, input, source)`);
    for (const k of Object.keys(item)) if (!SAMPLE_KEYS.has(k)) problem(`${path}.${k}`, `sample ${i + 1}: unknown key \`${k}\` ignored`, "warning");
    const label = text(item.label);
    const where = label ? `sample "${label}"` : `sample ${i + 1}`;
    if (!label) return void problem(path, `${where}: \`label\` is required (text)`);
    if (typeof item.host !== "string" || !HOST_SIDES.includes(item.host as HostSide)) return void problem(`${path}.host`, `${where}: \`host\` must be one of ${HOST_SIDES.join(", ")}`);
    const input = typeof item.input === "string" ? item.input.replace(/\n$/, "") : "";
    if (!input.trim()) return void problem(`${path}.input`, `${where}: \`input\` is required (text)`);
    if (input.length > MAX_SAMPLE_CHARS) return void problem(`${path}.input`, `${where}: \`input\` is longer than ${MAX_SAMPLE_CHARS} characters`);
    const source = text(item.source) ?? toolSource;
    if (!source) return void problem(path, `${where}: \`source\` is required (here or at the top of the file): where the behaviour is documented`);
    const unreadable = oneEventProblem(input);
    if (unreadable) return void problem(`${path}.input`, `${where}: ${unreadable}`);
    const note = text(item.note);
    samples.push({ key: `${slug}#${samples.length}`, label, host: item.host as HostSide, input, source, ...(note ? { note } : {}) });
  });
  if (samples.length === 0) return { problems };
  if (root.control !== undefined && typeof root.control !== "boolean") problem("control", "`control` must be true or false; read as false");
  const summary = text(root.summary);
  return { tool: { slug, name, ...(summary ? { summary } : {}), ...(toolSource ? { source: toolSource } : {}), ...(root.control === true ? { control: true } : {}), file, samples }, problems };
}
