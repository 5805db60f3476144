/**
 * Reads one test-case YAML file and checks its shape, with 1-based line numbers for every
 * problem. Pure (no Node, no DOM); never throws.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from "yaml";
import { VERDICTS, type TestCase, type TestFile, type TestFileProblem } from "./types";
import type { Verdict } from "../detection/types";

const TOP_KEYS = new Set(["analytic", "cases"]);
const CASE_KEYS = new Set(["name", "event", "expect", "reason", "note"]);

export type ParseResult = { ok: true; value: TestFile } | { ok: false; problems: TestFileProblem[] };

function keyOf(p: Pair): string | undefined {
  return isScalar(p.key) ? String(p.key.value) : undefined;
}

export function parseTestFile(file: string, text: string): ParseResult {
  const problems: TestFileProblem[] = [];
  try {
    const lc = new LineCounter();
    const doc = parseDocument(typeof text === "string" ? text : "", { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
    const lineAt = (n: { range?: [number, number, number] | null } | null | undefined, fallback = 1) =>
      n?.range ? lc.linePos(n.range[0]).line : fallback;
    const add = (line: number, message: string) => problems.push({ file, line, message });
    for (const e of doc.errors) add(e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line, `YAML ${e.code}: ${e.message.split("\n")[0]}`);
    if (problems.length > 0) return { ok: false, problems };

    const root = doc.contents;
    if (!isMap(root)) {
      add(lineAt(root as Node | null), "expected a mapping with `analytic` and `cases`");
      return { ok: false, problems };
    }
    let analytic: string | undefined;
    let casesNode: unknown;
    for (const p of root.items) {
      const k = keyOf(p);
      if (k === "analytic") {
        if (isScalar(p.value) && typeof p.value.value === "string" && p.value.value.trim() !== "") analytic = p.value.value.trim();
        else add(lineAt(p.value as Node, lineAt(p.key as Node)), "`analytic` must be an analytic id or slug (a string)");
      } else if (k === "cases") casesNode = p.value;
      else if (k === undefined || !TOP_KEYS.has(k)) add(lineAt(p.key as Node), `unknown key \`${k ?? "?"}\` (expected \`analytic\` and \`cases\`)`);
    }
    if (!root.items.some((p) => keyOf(p) === "analytic")) add(lineAt(root), "missing `analytic` (the analytic's id or slug)");
    const cases: TestCase[] = [];
    if (casesNode === undefined) add(lineAt(root), "missing `cases` (a list of cases)");
    else if (!isSeq(casesNode) || casesNode.items.length === 0) add(lineAt(casesNode as Node, lineAt(root)), "`cases` must be a non-empty list");
    else {
      const names = new Map<string, number>();
      casesNode.items.forEach((item, i) => {
        const c = readCase(item, i, lineAt, add, (n) => n.toJS(doc) as unknown);
        if (!c) return;
        const seen = names.get(c.name);
        if (seen !== undefined) add(c.line, `case "${c.name}": the same name as the case on line ${seen}`);
        else names.set(c.name, c.line);
        cases.push(c);
      });
    }
    if (problems.length > 0 || analytic === undefined) return { ok: false, problems };
    return { ok: true, value: { file, analytic, cases } };
  } catch (e) {
    return { ok: false, problems: [{ file, line: 1, message: `could not read the file: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

function readCase(
  item: unknown,
  i: number,
  lineAt: (n: { range?: [number, number, number] | null } | null | undefined, fallback?: number) => number,
  add: (line: number, message: string) => void,
  toJs: (n: YAMLMap) => unknown,
): TestCase | undefined {
  const line = lineAt(item as Node);
  const where = `cases[${i}]`;
  if (!isMap(item)) {
    add(line, `${where}: expected a mapping with name, event and expect`);
    return undefined;
  }
  const map = item as YAMLMap;
  const get = (k: string) => map.items.find((p) => keyOf(p) === k);
  let ok = true;
  for (const p of map.items) {
    const k = keyOf(p);
    if (k === undefined || !CASE_KEYS.has(k)) {
      add(lineAt(p.key as Node, line), `${where}: unknown key \`${k ?? "?"}\` (expected name, event, expect, reason, note)`);
      ok = false;
    }
  }
  const str = (k: string, required: boolean): string | undefined => {
    const p = get(k);
    if (!p) {
      if (required) {
        add(line, `${where}: missing \`${k}\``);
        ok = false;
      }
      return undefined;
    }
    if (isScalar(p.value) && typeof p.value.value === "string" && p.value.value.trim() !== "") return p.value.value;
    add(lineAt(p.value as Node, line), `${where}: \`${k}\` must be a non-empty string`);
    ok = false;
    return undefined;
  };
  const name = str("name", true);
  const label = name !== undefined ? `case "${name}"` : where;
  const expectText = str("expect", true);
  const reason = str("reason", false);
  const note = str("note", false);
  let expect: Verdict | undefined;
  if (expectText !== undefined) {
    if ((VERDICTS as readonly string[]).includes(expectText)) expect = expectText as Verdict;
    else {
      add(lineAt(get("expect")?.value as Node, line), `${label}: \`expect\` must be match, no_match or not_testable, not "${expectText}"`);
      ok = false;
    }
  }
  const ev = get("event");
  let event: TestCase["event"] | undefined;
  if (!ev) {
    add(line, `${label}: missing \`event\` (a command line, or a mapping of CIM fields)`);
    ok = false;
  } else if (isScalar(ev.value) && typeof ev.value.value === "string" && ev.value.value.trim() !== "") event = ev.value.value;
  else if (isMap(ev.value)) event = toJs(ev.value) as Record<string, unknown>;
  else {
    add(lineAt(ev.value as Node, line), `${label}: \`event\` must be a command line (a string) or a mapping of CIM fields`);
    ok = false;
  }
  if (!ok || name === undefined || expect === undefined || event === undefined) return undefined;
  return { name, event, expect, line, ...(reason !== undefined ? { reason } : {}), ...(note !== undefined ? { note } : {}) };
}
