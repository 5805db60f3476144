/**
 * A Windows event rendered as JSON: evtx-dump style `{"Event":{"System":…,"EventData":…}}`,
 * Winlogbeat (`winlog.event_data`…), or flat key/values with the event's own names (Splunk's
 * rendering: `EventCode`, `Computer`, `Image`…; every key is kept as given).
 */
import { looksWindows, windowsExtraction } from "../windows/extract";
import { newWinRecord, recordFromJson, type WinRecord } from "../windows/record";
import type { InputFormatModule } from "./types";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Names that make a flat object a Windows event (with an event ID). */
const MARKERS = new Set(["Channel", "Computer", "SourceName", "Image", "CommandLine", "ParentImage", "NewProcessName", "New_Process_Name", "TargetObject", "TargetFilename", "SubjectUserSid", "TargetUserName", "LogName", "ProcessGuid"]);

function flatRecord(obj: Obj): WinRecord | undefined {
  const keys = Object.keys(obj);
  if (!keys.includes("EventCode") && !keys.includes("EventID")) return undefined;
  if (!keys.some((k) => MARKERS.has(k))) return undefined;
  const rec = newWinRecord();
  for (const [k, v] of Object.entries(obj)) {
    if (k === "__proto__") continue;
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") rec.fields.set(k, { value: String(v), from: k });
  }
  if (!rec.fields.has("Channel") && rec.fields.has("LogName")) rec.fields.set("Channel", rec.fields.get("LogName")!);
  return rec;
}

function recordOf(value: unknown): WinRecord | undefined {
  if (!isObj(value)) return undefined;
  const nested = recordFromJson(value);
  if (nested && looksWindows(nested)) return nested;
  return flatRecord(value);
}

export const windowsJson: InputFormatModule = {
  id: "windows-json",
  label: "Windows event JSON",
  kind: "json",
  detect(chunk) {
    if (chunk.kind !== "json" || !isObj(chunk.value)) return 0;
    const v = chunk.value;
    if (isObj(v["Event"]) || isObj(v["winlog"]) || isObj(v["EventData"])) return recordOf(v) ? 9 : 0;
    return flatRecord(v) ? 6 : 0;
  },
  extract(chunk) {
    const rec = recordOf(chunk.value);
    if (!rec) return { problem: "no Windows event (System / EventData, winlog, or EventCode with event fields) in the object" };
    return windowsExtraction(rec);
  },
};
