/**
 * Parses one content YAML file into a plain JS value, with positions for problem reports.
 * Tries the text as is; on a parse error tries the quoted-continuation repair once and keeps the
 * repaired result (with a warning) when that parses cleanly. Never throws. Browser-safe.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document } from "yaml";
import type { ContentProblem } from "./types";
import { repairQuotedContinuations } from "./yaml-repair";
import { MAX_PROBLEMS_PER_FILE } from "./limits";
import { formatCount } from "@/lib/detection/numbers";

export interface ParsedYaml {
  /** The parsed value; undefined when the file could not be parsed. */
  value: unknown;
  problems: ContentProblem[];
  /**
   * 1-based line (and column) of a top-level key, of a nested key path like `tags.impact`, or
   * through a list by index (`samples.2.input`; a path ending on an index gives the item's start).
   */
  positionOf(path: string): { line: number; column: number } | undefined;
}

const OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: false } as const;

function attempt(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...OPTIONS, lineCounter });
  return { doc, lineCounter };
}

export { MAX_PROBLEMS_PER_FILE } from "./limits";

const moreLine = (file: string, rest: number, what: string): ContentProblem => ({
  file,
  severity: "error",
  message: `${formatCount(rest)} more ${what}${rest === 1 ? "" : "s"} in this file not listed`,
});

/** The first `MAX_PROBLEMS_PER_FILE` problems and, when there were more, one "N more" line. */
export function capProblems(file: string, problems: ContentProblem[], what = "problem"): ContentProblem[] {
  if (problems.length <= MAX_PROBLEMS_PER_FILE) return problems;
  return [...problems.slice(0, MAX_PROBLEMS_PER_FILE), moreLine(file, problems.length - MAX_PROBLEMS_PER_FILE, what)];
}

function errorProblems(file: string, doc: Document.Parsed, lc: LineCounter): ContentProblem[] {
  const listed = doc.errors.slice(0, MAX_PROBLEMS_PER_FILE).map((e): ContentProblem => {
    const pos = e.linePos?.[0] ?? lc.linePos(e.pos[0]);
    const first = e.message.split("\n")[0] ?? e.message;
    return { file, line: pos.line, column: pos.col, severity: "error", message: `YAML ${e.code}: ${first}` };
  });
  const rest = doc.errors.length - listed.length;
  return rest > 0 ? [...listed, moreLine(file, rest, "YAML error")] : listed;
}

function positionFinder(doc: Document.Parsed, lc: LineCounter) {
  return (path: string): { line: number; column: number } | undefined => {
    let node: unknown = doc.contents;
    let keyOffset: number | undefined;
    for (const key of path.split(".")) {
      if (isSeq(node) && /^\d+$/.test(key)) {
        node = node.items[Number(key)];
        keyOffset = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
        continue;
      }
      if (!isMap(node)) return undefined;
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
      if (!pair || !isScalar(pair.key)) return undefined;
      keyOffset = pair.key.range?.[0];
      node = pair.value;
    }
    if (keyOffset === undefined) return undefined;
    const { line, col } = lc.linePos(keyOffset);
    return { line, column: col };
  };
}

export function parseYaml(text: string, file: string): ParsedYaml {
  try {
    const first = attempt(text);
    if (first.doc.errors.length === 0) {
      return { value: first.doc.toJS(), problems: [], positionOf: positionFinder(first.doc, first.lineCounter) };
    }
    const repaired = repairQuotedContinuations(text);
    if (repaired.changedLines.length > 0) {
      const second = attempt(repaired.text);
      if (second.doc.errors.length === 0) {
        const lines = repaired.changedLines;
        const shown = lines.slice(0, 8).join(", ") + (lines.length > 8 ? ", …" : "");
        const problem: ContentProblem = {
          file,
          line: lines[0],
          column: 1,
          severity: "warning",
          message: `repaired: a multi-line quoted value continued at column 0; indented line${lines.length > 1 ? "s" : ""} ${shown} and parsed again (strict YAML rejects the original; PyYAML accepts it)`,
        };
        return { value: second.doc.toJS(), problems: [problem], positionOf: positionFinder(second.doc, second.lineCounter) };
      }
    }
    return { value: undefined, problems: errorProblems(file, first.doc, first.lineCounter), positionOf: () => undefined };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { value: undefined, problems: [{ file, severity: "error", message: `YAML: ${message}` }], positionOf: () => undefined };
  }
}
