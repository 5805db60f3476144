/**
 * A Windows event record → the fields a raw search sees and the CIM datasets, as the Splunk add-ons
 * would give them: the event's own fields (System and every Data Name), `EventCode` (the Windows
 * add-on's name for the event ID), the event's time, and the add-on's fields per provider
 * (./sysmon.ts, ./security.ts).
 */
import { EventDraft } from "../build";
import { newExtraction, type Extraction } from "../formats/types";
import { parseIsoTime, setTime } from "../time";
import { CITE, WinCtx } from "./ctx";
import type { WinRecord } from "./record";
import { windowsAddon } from "./security";
import { sysmonAddon } from "./sysmon";

/** Where Splunk puts a channel's events (source, sourcetype), when the content names no data source. */
export function windowsSource(channel: string): { source: string; sourcetype: string } {
  if (/^linux-sysmon\//i.test(channel)) return { source: `Syslog:${channel}`, sourcetype: "sysmon:linux" };
  return { source: `XmlWinEventLog:${channel || "Unknown"}`, sourcetype: "XmlWinEventLog" };
}

/** Sysmon schema fields: a flat event with no channel or provider that has one is Sysmon's. */
const SYSMON_MARKERS = ["Image", "ProcessGuid", "TargetObject", "TargetFilename", "SourceImage", "QueryName", "PipeName"];

function isSysmon(rec: WinRecord): boolean {
  const channel = rec.fields.get("Channel")?.value ?? rec.fields.get("SourceName")?.value ?? "";
  const provider = rec.fields.get("Name")?.value ?? "";
  if (channel || provider) return /sysmon/i.test(channel) || /sysmon/i.test(provider);
  return SYSMON_MARKERS.some((m) => rec.fields.has(m));
}

/** True when the record is a Windows event: it has an event ID and a channel, provider or event data. */
export function looksWindows(rec: WinRecord): boolean {
  const f = rec.fields;
  return (f.has("EventID") || f.has("EventCode")) && (f.has("Channel") || f.has("Name") || f.has("Computer") || f.size > 3);
}

export function windowsExtraction(rec: WinRecord): Extraction {
  const ext = newExtraction(new EventDraft());
  const d = ext.draft;
  for (const [name, v] of rec.fields) if (!rec.conflicts.has(name)) d.set(name, v.value, { origin: "extracted", from: v.from });
  if (rec.conflicts.size > 0) {
    // Two values for one name (System's Version and a Data Name='Version'): which one Splunk's
    // extraction keeps is not documented here, so the field is unknown rather than guessed.
    ext.unknown = [...rec.conflicts];
    ext.notes.push(`${[...rec.conflicts].join(", ")}: given twice with different values (System and EventData); unknown`);
  }
  if (rec.unnamed.length > 0) d.set("Data", rec.unnamed.length === 1 ? rec.unnamed[0] : rec.unnamed, { origin: "extracted", from: "EventData/Data" });
  const idText = (d.text("EventID") ?? d.text("EventCode") ?? "").trim();
  const code = /^\d+$/.test(idText) ? Number(idText) : undefined;
  if (!d.has("EventCode") && d.has("EventID")) d.set("EventCode", d.get("EventID"), { origin: "alias", from: "EventID", note: "the Windows add-on's name for the event ID" });
  if (!d.has("EventID") && d.has("EventCode")) d.set("EventID", d.get("EventCode"), { origin: "alias", from: "EventCode" });
  if (d.has("EventRecordID")) d.setDefault("RecordNumber", d.get("EventRecordID"), { origin: "alias", from: "EventRecordID" });
  const channel = d.text("Channel") ?? "";
  const where = windowsSource(channel);
  ext.source = where.source;
  ext.sourcetype = where.sourcetype;
  ext.family = "windows";
  ext.separator = "EventCode";
  const computer = d.text("Computer");
  if (computer) d.set("host", computer, { origin: "derived", from: "Computer", note: "the machine that logged the event (the forwarder's host name normally equals it)" });
  const ts = parseIsoTime(d.text("SystemTime") ?? "") ?? parseIsoTime(d.text("UtcTime") ?? "");
  if (ts) {
    const from = parseIsoTime(d.text("SystemTime") ?? "") ? "SystemTime" : "UtcTime";
    setTime(d, ts, from, from === "SystemTime" ? "System/TimeCreated/@SystemTime (the add-on's TIME_PREFIX)" : "Sysmon UtcTime");
    ext.time = { epoch: ts.epoch, from };
  }
  const c = new WinCtx(ext, code, channel);
  if (code !== undefined) c.evalField("signature_id", d.get("EventCode"), "EventCode", { cite: CITE.cimSignatures });
  if (isSysmon(rec)) sysmonAddon(c);
  else windowsAddon(c);
  return ext;
}
