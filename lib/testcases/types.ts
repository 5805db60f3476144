/** Stored test cases: one YAML file per analytic under `<content>/tests/` (docs/test-cases.md). */
import type { Verdict } from "../detection/types";

export const VERDICTS: readonly Verdict[] = ["match", "no_match", "not_testable"];

export interface TestCase {
  name: string;
  /** A raw command line, or an object of CIM fields (or a Sysmon 1 / 4688 event in JSON form). */
  event: string | Record<string, unknown>;
  expect: Verdict;
  /** Optional: text the verdict's reason must contain (e.g. for not_testable). */
  reason?: string;
  note?: string;
  /** 1-based line of the case in its file. */
  line: number;
}

export interface TestFile {
  /** Path as shown in messages, e.g. `content/tests/x.yml`. */
  file: string;
  /** Analytic id or slug. */
  analytic: string;
  cases: TestCase[];
}

export interface TestFileProblem {
  file: string;
  line: number;
  message: string;
}

export interface CaseResult {
  file: string;
  name: string;
  line: number;
  expected: Verdict;
  got: Verdict;
  reason?: string;
  pass: boolean;
  /** Why it failed beyond the verdict (event unreadable, reason text missing). */
  problem?: string;
}

export interface RunSummary {
  results: CaseResult[];
  problems: TestFileProblem[];
  passed: number;
  failed: number;
}
