/**
 * The tester's one-click samples (`content/samples.yml`): parsing and validation. Browser-safe and
 * pure; `samples.ts` reads the files on the server. Never throws: problems come back as values.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { ContentProblem } from "./types";

export type SampleExpect = "match" | "no_match" | "not_testable";

export interface Sample {
  /** Stable within an analytic: `<analytic id>#<n>` (0-based). */
  key: string;
  label: string;
  expect: SampleExpect;
  input: string;
  note?: string;
  source?: string;
}

export interface SamplesResult {
  /** Analytic id (lower case) → samples, in file order. */
  byAnalytic: Record<string, Sample[]>;
  problems: ContentProblem[];
}

const EXPECT: readonly string[] = ["match", "no_match", "not_testable"];
const KNOWN_KEYS = new Set(["label", "expect", "input", "note", "source"]);
/** Inputs above this size are refused (the file is for one-click examples). */
export const MAX_SAMPLE_CHARS = 200_000;

export function parseSamples(text: string, file: string): SamplesResult {
  const problems: ContentProblem[] = [];
  const byAnalytic: Record<string, Sample[]> = Object.create(null);
  try {
    const lc = new LineCounter();
    const doc = parseDocument(typeof text === "string" ? text : "", { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
    const at = (node: Node | null | undefined | unknown) => {
      const range = (node as { range?: [number, number, number] } | null)?.range;
      if (!range) return {};
      const { line, col } = lc.linePos(range[0]);
      return { line, column: col };
    };
    const problem = (node: unknown, message: string, severity: "error" | "warning" = "error") =>
      problems.push({ file, ...at(node), severity, message });
    for (const e of doc.errors) {
      const { line, col } = lc.linePos(e.pos[0]);
      problems.push({ file, line, column: col, severity: "error", message: `YAML ${e.code}: ${e.message.split("\n")[0]}` });
    }
    if (doc.errors.length) return { byAnalytic, problems };
    const root = doc.contents;
    if (root === null || (isScalar(root) && (root.value === null || root.value === ""))) return { byAnalytic, problems };
    if (!isMap(root)) {
      problem(root, "the samples file must be a map: analytic id → list of samples");
      return { byAnalytic, problems };
    }
    for (const pair of root.items) {
      if (!isPair(pair)) continue;
      const idNode = pair.key;
      const id = isScalar(idNode) ? String(idNode.value ?? "").trim().toLowerCase() : "";
      if (!id) {
        problem(idNode, "an entry has no analytic id");
        continue;
      }
      if (!isSeq(pair.value)) {
        problem(pair.value ?? idNode, `samples of ${id}: expected a list`);
        continue;
      }
      const list = (byAnalytic[id] ??= []);
      pair.value.items.forEach((item) => {
        if (!isMap(item)) {
          problem(item, `a sample of ${id} is not a map (label, expect, input)`);
          return;
        }
        const get = (k: string): unknown => {
          const p = item.items.find((x) => isPair(x) && isScalar(x.key) && x.key.value === k);
          return p && isPair(p) && isScalar(p.value) ? p.value.value : p && isPair(p) ? p.value : undefined;
        };
        for (const p of item.items) {
          if (isPair(p) && isScalar(p.key) && !KNOWN_KEYS.has(String(p.key.value))) problem(p.key, `sample of ${id}: unknown key \`${String(p.key.value)}\` ignored`, "warning");
        }
        const label = get("label");
        const expect = get("expect");
        const input = get("input");
        const where = typeof label === "string" && label ? `sample "${label}" of ${id}` : `a sample of ${id}`;
        if (typeof label !== "string" || !label.trim()) return void problem(item, `${where}: \`label\` is required (text)`);
        if (typeof expect !== "string" || !EXPECT.includes(expect)) return void problem(item, `${where}: \`expect\` must be one of ${EXPECT.join(", ")}`);
        if (typeof input !== "string" || !input.trim()) return void problem(item, `${where}: \`input\` is required (text)`);
        if (input.length > MAX_SAMPLE_CHARS) return void problem(item, `${where}: \`input\` is longer than ${MAX_SAMPLE_CHARS} characters`);
        const note = get("note");
        const source = get("source");
        list.push({
          key: `${id}#${list.length}`,
          label: label.trim(),
          expect: expect as SampleExpect,
          input: input.replace(/\n$/, ""),
          ...(typeof note === "string" && note.trim() ? { note: note.trim() } : {}),
          ...(typeof source === "string" && source.trim() ? { source: source.trim() } : {}),
        });
      });
      if (list.length === 0) delete byAnalytic[id];
    }
  } catch (e) {
    problems.push({ file, severity: "error", message: `could not read the samples: ${e instanceof Error ? e.message : String(e)}` });
  }
  return { byAnalytic, problems };
}

/** Merge several files' results; later files add samples after earlier ones. */
export function mergeSamples(results: readonly SamplesResult[]): SamplesResult {
  const byAnalytic: Record<string, Sample[]> = Object.create(null);
  const problems: ContentProblem[] = [];
  for (const r of results) {
    problems.push(...r.problems);
    for (const [id, list] of Object.entries(r.byAnalytic)) {
      const target = (byAnalytic[id] ??= []);
      for (const s of list) target.push({ ...s, key: `${id}#${target.length}` });
    }
  }
  return { byAnalytic, problems };
}
