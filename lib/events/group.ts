/**
 * An event's fields grouped for display: the event's own (as extracted or given), the add-on's
 * (aliases and evaluated fields), the console's (`_time`, `_raw`, `source`…), and one group per CIM
 * dataset, each field with its value and where it came from; then the fields it cannot know.
 */
import type { FieldProvenance, FieldValue, ParsedEvent } from "./types";

export interface GroupedField {
  name: string;
  value: FieldValue;
  provenance: FieldProvenance;
}

export interface FieldGroup {
  /** `raw`, `add-on`, `derived`, or `cim`. */
  kind: "raw" | "add-on" | "derived" | "cim";
  /** Heading: "Event fields", "Add-on fields", "Console", or the dataset's full name. */
  title: string;
  fields: GroupedField[];
}

const KIND_OF: Record<string, FieldGroup["kind"]> = { extracted: "raw", given: "raw", edited: "raw", alias: "add-on", mapped: "add-on", derived: "derived" };

export function groupedFields(e: ParsedEvent): { groups: FieldGroup[]; unknown: string[]; notes: string[] } {
  const groups: FieldGroup[] = [
    { kind: "raw", title: "Event fields", fields: [] },
    { kind: "add-on", title: "Add-on fields", fields: [] },
    { kind: "derived", title: "Console", fields: [] },
  ];
  for (const [name, value] of Object.entries(e.fields)) {
    const provenance = e.provenance[name] ?? { origin: "given" as const };
    const kind = KIND_OF[provenance.origin] ?? "raw";
    groups.find((g) => g.kind === kind)!.fields.push({ name, value, provenance });
  }
  for (const [dataset, fields] of Object.entries(e.datasets ?? {})) {
    groups.push({
      kind: "cim",
      title: dataset,
      fields: Object.entries(fields).map(([name, value]) => ({ name, value, provenance: e.datasetProvenance?.[dataset]?.[name] ?? { origin: "mapped" as const } })),
    });
  }
  return { groups: groups.filter((g) => g.fields.length > 0), unknown: e.unknown ?? [], notes: e.notes ?? [] };
}
