/**
 * A text-line event family as a format module (auditd, syslog, key=value, PAN, CloudFront…):
 * how to tell it, how to read its fields, where Splunk puts it, its separator and time.
 */
import { AddonCtx } from "../../addon-ctx";
import { EventDraft } from "../../build";
import type { Timestamp } from "../../time";
import { setTime } from "../../time";
import { newExtraction, type Extraction, type InputFormatModule } from "../types";

export interface TextFamilySpec {
  id: string;
  label: string;
  family: string;
  source?: string;
  sourcetype?: string | ((fields: Record<string, unknown>) => string | undefined);
  separator?: string;
  shapeOnly?: boolean;
  /** 0: not this format; else how sure (1–10). */
  detect(line: string): number;
  /** The event's own fields, name → value(s), in order. */
  fields(line: string): [string, string | string[]][];
  /** The event's time and where it was read from. */
  time?(line: string, fields: Map<string, string | string[]>): { ts: Timestamp; from: string; note?: string } | undefined;
  addon?(c: AddonCtx): void;
}

export function textFamily(spec: TextFamilySpec): InputFormatModule {
  return {
    id: spec.id,
    label: spec.label,
    kind: "line",
    detect: (chunk) => (chunk.kind === "line" ? spec.detect(chunk.text) : 0),
    extract(chunk): Extraction {
      const ext = newExtraction(new EventDraft());
      const pairs = spec.fields(chunk.text);
      const map = new Map<string, string | string[]>();
      for (const [k, v] of pairs) {
        const had = map.get(k);
        if (had === undefined) map.set(k, Array.isArray(v) ? [...v] : v);
        else if (Array.isArray(had)) had.push(...(Array.isArray(v) ? v : [v])); // in place: a repeated key must not copy (quadratic)
        else map.set(k, [had, ...(Array.isArray(v) ? v : [v])]);
      }
      for (const [k, v] of map) ext.draft.setExtracted(k, v, { origin: "extracted", from: k });
      ext.family = spec.family;
      if (spec.source) ext.source = spec.source;
      const st = typeof spec.sourcetype === "function" ? spec.sourcetype(ext.draft.fields) : spec.sourcetype;
      if (st) ext.sourcetype = st;
      if (spec.separator) ext.separator = spec.separator;
      if (spec.shapeOnly) ext.shapeOnly = true;
      const t = spec.time?.(chunk.text, map);
      if (t) {
        setTime(ext.draft, t.ts, t.from, t.note);
        ext.time = { epoch: t.ts.epoch, from: t.from };
      }
      spec.addon?.(new AddonCtx(ext));
      return ext;
    },
  };
}
