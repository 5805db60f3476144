/**
 * CIM fields as JSON (or CSV rows): bare names (`process_name`, `user`… taken as Endpoint.Processes,
 * as before) or prefixed ones (`Processes.process`, `Registry.registry_path`, `All_Traffic.dest_port`,
 * `Web.url`…) naming their dataset. A dataset's fields the object does not give are unknown.
 */
import { EventDraft, deriveProgramFields } from "../build";
import { PREFIXED_DATASETS, cimFields } from "../../cim/fields";
import { parseAnyTime, setTime } from "../time";
import type { FieldValue } from "../types";
import { newExtraction, type InputFormatModule } from "./types";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const PROCESS_SET = new Set(cimFields("Endpoint.Processes"));

/** The dataset a key names, and the bare field name. */
export function cimKey(key: string): { dataset: string; field: string } | undefined {
  const dot = key.indexOf(".");
  if (dot > 0) {
    const ds = PREFIXED_DATASETS[key.slice(0, dot + 1)];
    return ds && key.length > dot + 1 ? { dataset: ds, field: key.slice(dot + 1) } : undefined;
  }
  return PROCESS_SET.has(key) ? { dataset: "Endpoint.Processes", field: key } : undefined;
}

function cimValue(v: unknown): FieldValue | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : String(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) {
    const parts = v.filter((x) => typeof x === "string" || typeof x === "number" || typeof x === "boolean").map(String);
    return parts.length > 0 ? parts : undefined;
  }
  return undefined;
}

export const cimJson: InputFormatModule = {
  id: "cim-json",
  label: "CIM JSON",
  kind: "json",
  // CIM input when its names are mostly CIM fields (or any is prefixed); a vendor object with one
  // CIM-looking key (`action`, `user`) is that vendor's JSON, not CIM input.
  detect(chunk) {
    if (chunk.kind !== "json" || !isObj(chunk.value)) return 0;
    const keys = Object.keys(chunk.value);
    const cim = keys.filter((k) => cimKey(k));
    if (cim.length === 0) return 0;
    return cim.some((k) => k.includes(".")) || cim.length * 2 >= keys.filter((k) => k !== "_time").length ? 5 : 1;
  },
  extract(chunk) {
    if (!isObj(chunk.value)) return { problem: "expected an object of CIM fields" };
    const ext = newExtraction(new EventDraft());
    for (const [key, raw] of Object.entries(chunk.value)) {
      const value = cimValue(raw);
      if (value === undefined) continue;
      const k = cimKey(key);
      if (k) {
        let ds = ext.datasets.get(k.dataset);
        if (!ds) ext.datasets.set(k.dataset, (ds = new EventDraft()));
        ds.set(k.field, value, { origin: "given", from: key });
        ext.draft.setDefault(k.field, value, { origin: "given", from: key });
      } else if (key === "_time") {
        const ts = typeof raw === "number" || typeof raw === "string" ? parseAnyTime(raw) : undefined;
        if (ts) {
          setTime(ext.draft, ts, "_time", typeof raw === "string" ? "the object's _time, read as a timestamp" : "the object's _time");
          ext.time = { epoch: ts.epoch, from: "_time" };
        } else ext.draft.set("_time", value, { origin: "given", from: key });
      } else ext.draft.set(key, value, { origin: "given", from: key });
    }
    for (const ds of ext.datasets.values()) deriveProgramFields(ds);
    deriveProgramFields(ext.draft);
    if (ext.datasets.size === 0) return { problem: "no CIM fields (process, process_name, Registry.registry_path, …) found" };
    ext.unknown = [...ext.datasets].flatMap(([name, ds]) => (cimFields(name) ?? []).filter((f) => !ds.has(f)));
    return ext;
  },
};
