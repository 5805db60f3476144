/** Stored test cases: parse + validate YAML, run against a catalog, format results, serialize. */
export * from "./types";
export { parseTestFile, type ParseResult } from "./parse";
export { runTestFile, runTestFiles, formatFailure, formatProblem, formatSummary } from "./run";
export { testCaseEvent, testCaseYaml, type SaveInput, type SavedEvent } from "./serialize";
