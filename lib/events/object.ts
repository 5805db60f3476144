/**
 * One JSON object (or CSV row) → one event. The object is either CIM fields (plain or
 * `Processes.`-prefixed) or a Windows event (Sysmon 1 / Security 4688) with the event's own field
 * names: flat (Splunk's rendering), Winlogbeat's `winlog.event_data`, or nested `Event.System` /
 * `Event.EventData` (XML converted to JSON).
 */
import { EventDraft, commandLineEvent, deriveProgramFields, finishEvent } from "./build";
import { isCimKey, stripPrefix } from "./cim";
import { capText } from "./text";
import type { FieldValue, InputFormat, ParsedEvent } from "./types";
import {
  COMMON_EVENT_FIELDS,
  SECURITY_4688_FIELDS,
  SYSMON_FIELDS,
  map4688,
  mapSysmon,
  newRecord,
  type VendorRecord,
} from "./vendor";
import { classifyWindowsEvent } from "./windows-event";

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A scalar as a string (numbers, booleans); undefined for null/objects. */
function scalar(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return undefined;
}

/** `{ "#text": "1" }`-style wrappers from XML→JSON converters. */
function textOf(v: unknown): string | undefined {
  const s = scalar(v);
  if (s !== undefined) return s;
  if (Array.isArray(v)) {
    const parts = v.map(scalar).filter((x): x is string => x !== undefined);
    return parts.length === v.length && parts.length > 0 ? parts.join(",") : undefined;
  }
  if (isObj(v)) {
    for (const k of ["#text", "_", "text", "value", "Value", "$", "#value"]) {
      const t = scalar(v[k]);
      if (t !== undefined) return t;
    }
  }
  return undefined;
}

function put(rec: VendorRecord, name: string, value: unknown, from: string): void {
  if (name === "__proto__" || rec[name]) return;
  const t = textOf(value);
  if (t !== undefined) rec[name] = { value: t, from };
}

function nameOf(v: Obj): string | undefined {
  for (const k of ["@Name", "Name", "_Name", "name", "@name"]) {
    const t = scalar(v[k]);
    if (t !== undefined) return t;
  }
  const attrs = v["@attributes"] ?? v["$"] ?? v["_attributes"];
  return isObj(attrs) ? scalar(attrs["Name"]) : undefined;
}

/** EventData as a map, or as `{ Data: [ { "@Name": "Image", "#text": "…" } ] }`. */
function addEventData(rec: VendorRecord, data: unknown, path: string): void {
  if (!isObj(data)) return;
  const list = data["Data"];
  const items = Array.isArray(list) ? list : isObj(list) ? [list] : [];
  for (const item of items) {
    if (!isObj(item)) continue;
    const name = nameOf(item);
    if (name) put(rec, name, item, `${path}.${name}`);
  }
  for (const [k, v] of Object.entries(data)) if (k !== "Data") put(rec, k, v, `${path}.${k}`);
}

function addSystem(rec: VendorRecord, sys: unknown, path: string): void {
  if (!isObj(sys)) return;
  put(rec, "EventID", sys["EventID"], `${path}.EventID`);
  put(rec, "Computer", sys["Computer"], `${path}.Computer`);
  put(rec, "Channel", sys["Channel"], `${path}.Channel`);
  const provider = sys["Provider"];
  const pname = isObj(provider) ? nameOf(provider) : scalar(provider);
  if (pname !== undefined) put(rec, "Provider_Name", pname, `${path}.Provider.Name`);
}

/** Gather the Windows event fields of an object into a flat record. */
export function windowsRecord(obj: Obj): VendorRecord {
  const rec = newRecord();
  const ev = isObj(obj["Event"]) ? obj["Event"] : obj;
  const evPath = ev === obj ? "" : "Event.";
  addSystem(rec, ev["System"], `${evPath}System`);
  addEventData(rec, ev["EventData"], `${evPath}EventData`);
  addEventData(rec, ev["UserData"], `${evPath}UserData`);
  const winlog = obj["winlog"];
  if (isObj(winlog)) {
    addEventData(rec, winlog["event_data"], "winlog.event_data");
    put(rec, "EventID", winlog["event_id"], "winlog.event_id");
    put(rec, "Computer", winlog["computer_name"], "winlog.computer_name");
    put(rec, "Provider_Name", winlog["provider_name"], "winlog.provider_name");
    put(rec, "Channel", winlog["channel"], "winlog.channel");
  }
  addEventData(rec, obj["event_data"], "event_data");
  for (const src of ev === obj ? [obj] : [ev, obj]) {
    const base = src === obj ? "" : evPath;
    for (const [k, v] of Object.entries(src)) {
      if (k === "EventCode" || k === "event_id") put(rec, "EventID", v, base + k);
      else put(rec, k, v, base + k);
    }
  }
  return rec;
}

const EVENT_MARKERS = new Set([...SYSMON_FIELDS, ...SECURITY_4688_FIELDS, "EventID", "EventCode"]);

const COMMON = new Set(COMMON_EVENT_FIELDS);

function looksLikeWindowsEvent(obj: Obj, hasCim: boolean): boolean {
  if (isObj(obj["Event"]) || isObj(obj["EventData"]) || isObj(obj["winlog"]) || isObj(obj["event_data"])) return true;
  const keys = Object.keys(obj);
  return keys.some((k) => EVENT_MARKERS.has(k)) || (!hasCim && keys.some((k) => COMMON.has(k)));
}

/** A CIM value: strings and numbers as they are, booleans as strings, lists as multivalues. */
function cimValue(v: unknown): FieldValue | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : String(v);
  if (typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (Array.isArray(v)) {
    const parts = v.map(scalar).filter((x): x is string => x !== undefined);
    return parts.length > 0 ? parts : undefined;
  }
  return undefined;
}

function addCimFields(draft: EventDraft, obj: Obj, all: boolean): void {
  for (const [key, raw] of Object.entries(obj)) {
    if (!all && !isCimKey(key)) continue;
    const value = cimValue(raw);
    if (value === undefined) continue;
    draft.set(stripPrefix(key), value, { origin: "given", from: key });
  }
}

function safeJson(obj: unknown): string {
  try {
    return capText(JSON.stringify(obj) ?? "");
  } catch {
    return "";
  }
}

/**
 * One object → an event, or a problem. `format` overrides the event's format (CSV rows);
 * `text` is the source text (defaults to the object as JSON).
 */
export function eventFromObject(
  obj: unknown,
  line = 1,
  opts: { text?: string; format?: InputFormat } = {},
): ParsedEvent | { problem: string } {
  try {
    if (typeof obj === "string") {
      if (obj.trim() === "") return { problem: "the command line is empty" };
      return commandLineEvent(obj, line, opts.text ?? obj);
    }
    if (!isObj(obj)) return { problem: `expected an object of event fields, got ${Array.isArray(obj) ? "an array" : obj === null ? "null" : typeof obj}` };
    const text = opts.text ?? safeJson(obj);
    const draft = new EventDraft();
    let format: InputFormat = "cim-json";
    const hasCim = Object.keys(obj).some(isCimKey);
    if (looksLikeWindowsEvent(obj, hasCim)) {
      const rec = windowsRecord(obj);
      const kind = classifyWindowsEvent(rec);
      if ("problem" in kind) return kind;
      if (kind.kind === "sysmon") mapSysmon(rec, draft);
      else map4688(rec, draft);
      format = kind.kind === "sysmon" ? "sysmon-json" : "security-4688-json";
      addCimFields(draft, obj, false); // CIM fields next to the event's own (a Splunk export) win
    } else if (hasCim) {
      addCimFields(draft, obj, true);
    } else {
      return { problem: "no CIM process fields (process, process_name, …) or Sysmon/4688 fields found" };
    }
    deriveProgramFields(draft);
    if (draft.size === 0) return { problem: "the object has no usable field values" };
    return finishEvent(draft, { line, format: opts.format ?? format, text });
  } catch (e) {
    return { problem: `could not read the object: ${e instanceof Error ? e.message : String(e)}` };
  }
}
