/**
 * A JSON event family (CloudTrail, O365, Okta…) as a format module: how to tell it from other JSON,
 * where Splunk puts it, the field that separates its data sources, where its time is, and the
 * add-on's fields and CIM datasets. Each family is one small file built with `jsonFamily`.
 */
import { AddonCtx } from "../addon-ctx";
import { EventDraft } from "../build";
import { flattenJson } from "../../detection/flatten";
import { parseAnyTime, setTime } from "../time";
import { newExtraction, type Extraction, type InputFormatModule } from "./types";

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export interface JsonFamilySpec {
  id: string;
  label: string;
  /** The family name data sources of this kind share (their examples are read by this module). */
  family: string;
  /** Where Splunk puts these events when the content names no data source for one. */
  source?: string;
  sourcetype?: string;
  separator?: string;
  /** Is the object one of these events? */
  test(o: Obj): boolean;
  /** Flattened names to read the event's time from, in order. */
  time?: readonly string[];
  /** How sure `test` is (default 7). */
  score?: number;
  /** The add-on's fields and CIM datasets. */
  addon?(c: AddonCtx): void;
}

/** Read a JSON object as flattened fields (origin extracted), its time, and the family's add-on. */
export function jsonExtraction(value: unknown, family: string): Extraction {
  const ext = newExtraction(new EventDraft());
  const flat = flattenJson(value);
  for (const [name, values] of flat.fields) {
    ext.draft.setExtracted(name, values.length === 1 ? values[0]! : values, { origin: "extracted", from: name });
  }
  ext.family = family;
  return ext;
}

function readTime(ext: Extraction, paths: readonly string[]): void {
  for (const p of paths) {
    const ts = parseAnyTime(ext.draft.text(p));
    if (ts) {
      setTime(ext.draft, ts, p);
      ext.time = { epoch: ts.epoch, from: p };
      return;
    }
  }
}

export function jsonFamily(spec: JsonFamilySpec): InputFormatModule {
  return {
    id: spec.id,
    label: spec.label,
    kind: "json",
    detect: (chunk) => (chunk.kind === "json" && isObj(chunk.value) && spec.test(chunk.value) ? spec.score ?? 7 : 0),
    extract(chunk) {
      if (!isObj(chunk.value)) return { problem: `expected a ${spec.label} object` };
      const ext = jsonExtraction(chunk.value, spec.family);
      if (spec.source) ext.source = spec.source;
      if (spec.sourcetype) ext.sourcetype = spec.sourcetype;
      if (spec.separator) ext.separator = spec.separator;
      readTime(ext, spec.time ?? []);
      spec.addon?.(new AddonCtx(ext));
      return ext;
    },
  };
}

/** True when every key is in the object. */
export const hasKeys = (o: Obj, ...keys: string[]) => keys.every((k) => k in o);
