/**
 * Reason codes: why a rule is not testable live (support level `none`) or only over a batch
 * (`batch`). The prose says it for people; tools group and filter by code. A code may carry a
 * detail after a colon in reports (`reads_datamodel:Web`), never inside `code` itself.
 */
export const REASON_CODES = {
  parse_error: "the rule could not be parsed",
  undefined_macro: "a macro the rule uses is not defined in the content",
  raw_event_search: "the search reads raw events in a way the engine does not model",
  reads_datamodel: "reads a data model dataset that pasted events cannot feed",
  bare_term: "a bare term where the engine cannot match raw text",
  unsupported_command: "a command the engine does not model",
  unsupported_option: "a command option the engine does not model",
  unsupported_function: "an eval function the engine does not model",
  unsupported_aggregation: "an aggregation function the engine does not model",
  regex: "a regular expression the engine cannot run faithfully",
  regex_limit: "a regular expression that can backtrack catastrophically, which only the backtracking engine can run, met a value longer than its fixed limit",
  subsearch: "a subsearch over data other than the pasted events",
  needs_lookup: "a lookup table the content does not ship (supply it to test)",
  metrics: "reads metrics (mstats), which pasted events do not carry",
  machine_learning: "applies a machine-learning model",
  remote_data: "reads remote or system data (rest, external services)",
  external_state: "reads state outside the pasted events (summary indexes, KV stores)",
  batch_aggregate: "filters on an aggregate over many events: testable over a batch",
  batch_order: "depends on other events of the batch (ordering, deduplication, time windows)",
  batch_subsearch: "joins or appends the rows of a subsearch over the same pasted events: testable over a batch",
  not_an_event: "the input is not an event",
  unsupported_language: "the rule is written in a language the console does not run",
  timeout: "the evaluation ran out of its budget",
  internal_error: "the engine failed on this rule (a bug)",
} as const;

export type ReasonCode = keyof typeof REASON_CODES;

export function isReasonCode(code: string): code is ReasonCode {
  return Object.prototype.hasOwnProperty.call(REASON_CODES, code);
}

/** `reads_datamodel:Web`: the code with its detail, for grouping in reports. */
export function reasonKey(code: string, detail?: string): string {
  return detail ? `${code}:${detail}` : code;
}
