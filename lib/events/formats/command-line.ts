/**
 * A raw command line (one per line, or a JSON string): `process` given; `process_name` /
 * `process_path` from its first token; the other CIM Endpoint.Processes fields unknown.
 */
import { EventDraft, deriveProgramFields } from "../build";
import { cimFields } from "../../cim/fields";
import { newExtraction, type InputFormatModule } from "./types";

export function commandLineExtraction(commandLine: string) {
  const draft = new EventDraft();
  draft.set("process", commandLine.replace(/^[ \t]+/, ""), { origin: "given", note: "the command line as pasted" });
  deriveProgramFields(draft);
  const ext = newExtraction(draft);
  ext.datasets.set("Endpoint.Processes", draft);
  ext.unknown = (cimFields("Endpoint.Processes") ?? []).filter((f) => !draft.has(f));
  return ext;
}

export const commandLine: InputFormatModule = {
  id: "command-line",
  label: "command line",
  kind: "line",
  detect: (chunk) => (chunk.kind === "line" && chunk.text.trim() !== "" ? 1 : 0),
  extract: (chunk) => commandLineExtraction(chunk.text),
};
