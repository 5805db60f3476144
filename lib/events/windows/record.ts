/**
 * A Windows event as a flat record of its own fields, whatever it was pasted as: event XML (Event
 * Viewer, wevtutil, Splunk's XmlWinEventLog), evtx-dump JSON (`{"Event":{"System":…,"EventData":…}}`),
 * Winlogbeat (`winlog.event_data`, `winlog.event_id`…), or flat key/values (Splunk's rendering).
 * Names as Splunk's XmlWinEventLog extraction gives them: each System element by its name
 * (`EventID`, `Channel`, `Computer`…) and each of its attributes by the attribute's name
 * (`SystemTime`, `ProcessID`, `ThreadID`, `UserID`, the provider's `Name` and `Guid`), and every
 * EventData `<Data Name='X'>` as `X` (UserData: each leaf element by its name).
 */
import type { XmlElement } from "../xml";

export interface WinValue {
  value: string;
  /** Where it was found: `System/EventID`, `EventData/Image`, `winlog.event_data.Image`. */
  from: string;
}

export interface WinRecord {
  /** Field name → value, in the order found (System first). */
  fields: Map<string, WinValue>;
  /** Data elements without a Name: their texts (Splunk's `Data` multivalue). */
  unnamed: string[];
  /** Names given twice with different values (a Data Name equal to a System element's). */
  conflicts: Set<string>;
}

function put(rec: WinRecord, name: string, value: string | undefined, from: string): void {
  if (value === undefined || name === "" || name === "__proto__") return;
  const had = rec.fields.get(name);
  if (had) {
    if (had.value !== value) rec.conflicts.add(name);
    return;
  }
  rec.fields.set(name, { value, from });
}

export function newWinRecord(): WinRecord {
  return { fields: new Map(), unnamed: [], conflicts: new Set() };
}

/**
 * Leaf elements (text) and every element's attributes, at any depth: Splunk's extractions are
 * regular expressions over the text, so a stray tag (`<Le>0</Level>`) does not hide the elements
 * after it. An element whose end tag is missing (an event cut short) is not extracted, as a
 * regular expression needing `</Data>` would not match it.
 */
function leaves(el: XmlElement, rec: WinRecord, path: string, attrs: boolean): void {
  if (attrs) for (const [attr, v] of Object.entries(el.attrs)) put(rec, attr, v, `${path}/${el.name}/@${attr}`);
  if (el.children.length === 0) {
    if (!el.unclosed && el.text.trim() !== "") put(rec, el.name, el.text.trim(), `${path}/${el.name}`);
    return;
  }
  for (const c of el.children) {
    if (c.name === "EventData" || c.name === "UserData") continue;
    leaves(c, rec, `${path}/${el.name}`, attrs);
  }
}

function eventData(section: XmlElement, rec: WinRecord): void {
  for (const d of section.children) {
    if (d.name === "Data" || d.name === "Binary") {
      if (d.unclosed) continue;
      const name = d.attrs["Name"];
      if (name) put(rec, name, d.text, `EventData/${name}`);
      else if (d.name === "Data" && d.text.trim() !== "") rec.unnamed.push(d.text);
    } else if (d.name === "EventData") eventData(d, rec);
  }
}

/** Sections at any depth (a stray tag may have swallowed them). */
function sections(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (c.name === name) out.push(c);
    else sections(c, name, out);
  }
  return out;
}

/** `<Event>` → record. */
export function recordFromXml(event: XmlElement): WinRecord {
  const rec = newWinRecord();
  for (const system of sections(event, "System")) for (const el of system.children) leaves(el, rec, "System", true);
  for (const section of sections(event, "EventData")) eventData(section, rec);
  for (const section of sections(event, "UserData")) for (const c of section.children) leaves(c, rec, "UserData", false);
  return rec;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function scalar(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

/** `{ "#text": "1" }`-style wrappers of XML→JSON converters. */
function textOf(v: unknown): string | undefined {
  const s = scalar(v);
  if (s !== undefined) return s;
  if (isObj(v)) {
    for (const k of ["#text", "_", "text", "value", "Value", "$", "#value"]) {
      const t = scalar(v[k]);
      if (t !== undefined) return t;
    }
  }
  return undefined;
}

/** Attributes of a converted element: `@Name`, `#attributes.Name`, `_attributes`, `$`. */
function attrsOf(v: Obj): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, x] of Object.entries(v)) {
    const t = scalar(x);
    if (k.startsWith("@") && t !== undefined) out.push([k.slice(1), t]);
  }
  for (const key of ["#attributes", "@attributes", "_attributes", "$"]) {
    const a = v[key];
    if (isObj(a)) for (const [k, x] of Object.entries(a)) if (scalar(x) !== undefined) out.push([k, scalar(x)!]);
  }
  return out;
}

function systemFromJson(rec: WinRecord, sys: Obj, path: string): void {
  for (const [k, v] of Object.entries(sys)) {
    const t = textOf(v);
    if (t !== undefined && !k.startsWith("@") && !k.startsWith("#")) put(rec, k, t, `${path}.${k}`);
    if (isObj(v)) {
      for (const [attr, x] of attrsOf(v)) put(rec, attr, x, `${path}.${k}.@${attr}`);
      for (const [attr, x] of Object.entries(v)) if (!attr.startsWith("@") && !attr.startsWith("#") && scalar(x) !== undefined && !["_", "text", "value", "Value", "$"].includes(attr)) put(rec, attr, scalar(x), `${path}.${k}.${attr}`);
    }
  }
}

function dataFromJson(rec: WinRecord, data: unknown, path: string): void {
  if (!isObj(data)) return;
  const list = data["Data"];
  const items = Array.isArray(list) ? list : list === undefined ? [] : [list];
  for (const item of items) {
    if (isObj(item)) {
      const name = attrsOf(item).find(([k]) => k === "Name")?.[1] ?? scalar(item["Name"]) ?? scalar(item["name"]);
      const t = textOf(item);
      if (name) put(rec, name, t ?? "", `${path}.Data.${name}`);
      else if (t !== undefined) rec.unnamed.push(t);
    } else if (scalar(item) !== undefined) rec.unnamed.push(scalar(item)!);
  }
  for (const [k, v] of Object.entries(data)) {
    if (k === "Data" || k.startsWith("@") || k.startsWith("#")) continue;
    if (isObj(v) && textOf(v) === undefined) {
      for (const [ik, iv] of Object.entries(v)) if (textOf(iv) !== undefined && !ik.startsWith("@")) put(rec, ik, textOf(iv), `${path}.${k}.${ik}`);
    } else put(rec, k, textOf(v), `${path}.${k}`);
  }
}

/** The Windows event inside a JSON object, or undefined when it holds none. */
export function recordFromJson(obj: Obj): WinRecord | undefined {
  const rec = newWinRecord();
  const ev = isObj(obj["Event"]) ? obj["Event"] : obj;
  const base = ev === obj ? "" : "Event.";
  let found = false;
  if (isObj(ev["System"])) {
    systemFromJson(rec, ev["System"], `${base}System`);
    found = true;
  }
  for (const key of ["EventData", "UserData"]) if (isObj(ev[key])) {
    dataFromJson(rec, ev[key], `${base}${key}`);
    found = true;
  }
  const winlog = obj["winlog"];
  if (isObj(winlog)) {
    const pairs: [string, string][] = [["event_id", "EventID"], ["channel", "Channel"], ["computer_name", "Computer"], ["provider_name", "Name"], ["provider_guid", "Guid"], ["record_id", "EventRecordID"], ["task", "Task"], ["opcode", "Opcode"], ["version", "Version"]];
    for (const [k, name] of pairs) put(rec, name, textOf(winlog[k]), `winlog.${k}`);
    dataFromJson(rec, winlog["event_data"], "winlog.event_data");
    dataFromJson(rec, winlog["user_data"], "winlog.user_data");
    if (isObj(winlog["process"])) put(rec, "ProcessID", textOf((winlog["process"] as Obj)["pid"]), "winlog.process.pid");
    const ts = obj["@timestamp"];
    if (typeof ts === "string") put(rec, "SystemTime", ts, "@timestamp");
    found = true;
  }
  if (found) return rec;
  return undefined;
}
