/**
 * A tester state (an analytic, the events and the verdicts they got) → the test-case YAML of
 * docs/test-cases.md, ready to save as `content/tests/<slug>.yml`. Pure; browser-safe.
 */
import { stringify } from "yaml";
import type { FieldValue, InputFormat } from "../events/types";
import type { Verdict } from "../detection/types";

export interface SavedEvent {
  /** The event as the tester parsed it. */
  fields: Record<string, FieldValue>;
  format?: InputFormat;
  /** Per-field origin (the tester's ParsedEvent.provenance); `edited` fields force an object. */
  provenance?: Record<string, { origin: string }>;
  /** The verdict it got, recorded as the expectation. */
  verdict: Verdict;
  /** A case name; default `event N`. */
  name?: string;
  note?: string;
}

export interface SaveInput {
  analytic: { id: string; name?: string; slug?: string };
  events: readonly SavedEvent[];
}

/** A bare command line stays a string; anything else (or edited) becomes a mapping of fields. */
export function testCaseEvent(e: Pick<SavedEvent, "fields" | "format" | "provenance">): string | Record<string, FieldValue> {
  const edited = Object.values(e.provenance ?? {}).some((p) => p.origin === "edited");
  const process = e.fields["process"];
  if (e.format === "command-line" && !edited && typeof process === "string" && process.trim() !== "") return process;
  const out: Record<string, FieldValue> = {};
  for (const k of Object.keys(e.fields).sort()) out[k] = e.fields[k]!;
  return out;
}

export function testCaseYaml(input: SaveInput): string {
  const used = new Set<string>();
  const cases = input.events.map((e, i) => {
    let name = (e.name ?? "").trim() || `event ${i + 1}`;
    for (let n = 2; used.has(name); n++) name = `${(e.name ?? "").trim() || `event ${i + 1}`} (${n})`;
    used.add(name);
    return { name, event: testCaseEvent(e), expect: e.verdict, ...(e.note ? { note: e.note } : {}) };
  });
  const header = [
    `# Test cases for ${input.analytic.name ?? input.analytic.id}`,
    `# Save as content/tests/${input.analytic.slug ?? input.analytic.id}.yml; run: npm run --silent cli -- test --content content`,
    "# Format: docs/test-cases.md. The expectations are the verdicts the console gave: check them before saving.",
  ].join("\n");
  const body = stringify({ analytic: input.analytic.id, cases }, { lineWidth: 0, defaultStringType: "PLAIN", defaultKeyType: "PLAIN" });
  return `${header}\n${body}`;
}
