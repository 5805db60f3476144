/**
 * Runs parsed test files against a catalog with the shared verdict module (the API's and the
 * CLI's verdicts), and formats failures as one line each. Pure; never throws.
 */
import { findAnalytic, type Findable } from "../content/find";
import { matcherFor, verdictFor, type ContentSource } from "../engine/index";
import { eventFromValue } from "../events/index";

/** What the runner needs of a catalog (a lib/content Catalog satisfies it). */
export interface VerdictCatalog extends ContentSource {
  analytics: readonly (Findable & ContentSource["analytics"][number] & { name?: string })[];
}
import type { CaseResult, RunSummary, TestFile, TestFileProblem } from "./types";

export function runTestFile(catalog: VerdictCatalog, file: TestFile): { results: CaseResult[]; problems: TestFileProblem[] } {
  const analytic = findAnalytic(catalog, file.analytic);
  if (!analytic) {
    return { results: [], problems: [{ file: file.file, line: 1, message: `analytic "${file.analytic}" is not in the content (give its id or file name without .yml)` }] };
  }
  const compiled = matcherFor(catalog, analytic);
  const results = file.cases.map((c): CaseResult => {
    const base = { file: file.file, name: c.name, line: c.line, expected: c.expect };
    const ev = eventFromValue(c.event, c.line);
    if ("error" in ev) return { ...base, got: "not_testable", reason: ev.error, pass: false, problem: `the event cannot be read: ${ev.error}` };
    const v = verdictFor(compiled, ev.event);
    const out: CaseResult = { ...base, got: v.verdict, pass: v.verdict === c.expect, ...(v.reason !== undefined ? { reason: v.reason } : {}) };
    if (out.pass && c.reason !== undefined && !(v.reason ?? "").toLowerCase().includes(c.reason.toLowerCase())) {
      out.pass = false;
      out.problem = `the reason does not contain "${c.reason}"`;
    }
    return out;
  });
  return { results, problems: [] };
}

export function runTestFiles(catalog: VerdictCatalog, files: readonly TestFile[], problems: readonly TestFileProblem[] = []): RunSummary {
  const all: CaseResult[] = [];
  const allProblems: TestFileProblem[] = [...problems];
  for (const f of files) {
    const r = runTestFile(catalog, f);
    all.push(...r.results);
    allProblems.push(...r.problems);
  }
  const passed = all.filter((r) => r.pass).length;
  return { results: all, problems: allProblems, passed, failed: all.length - passed + allProblems.length };
}

/** `content/tests/x.yml: case "name": expected match, got no_match (reason)`. */
export function formatFailure(r: CaseResult): string {
  const why = r.reason ? ` (${r.reason})` : "";
  if (r.problem && r.expected === r.got) return `${r.file}: case "${r.name}": expected ${r.expected}, got ${r.got}${why}, but ${r.problem}`;
  if (r.problem) return `${r.file}: case "${r.name}": ${r.problem}`;
  return `${r.file}: case "${r.name}": expected ${r.expected}, got ${r.got}${why}`;
}

export function formatProblem(p: TestFileProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** Every failure line, then `N passed, N failed`. */
export function formatSummary(s: RunSummary): string[] {
  const lines = [...s.problems.map(formatProblem), ...s.results.filter((r) => !r.pass).map(formatFailure)];
  lines.push(`${s.passed} passed, ${s.failed} failed`);
  return lines;
}
