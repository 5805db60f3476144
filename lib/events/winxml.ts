/**
 * Windows event XML (as Event Viewer / wevtutil / Splunk's XmlWinEventLog render it) → events.
 * One or many `<Event>` elements, optionally wrapped in `<Events>`.
 */
import { EventDraft, deriveProgramFields, finishEvent } from "./build";
import { lineAt } from "./text";
import type { InputProblem, ParsedEvent } from "./types";
import { map4688, mapSysmon, newRecord, type VendorRecord } from "./vendor";
import { classifyWindowsEvent } from "./windows-event";
import { findAll, parseXml, type XmlElement } from "./xml";

function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

function recordOf(event: XmlElement): VendorRecord {
  const rec = newRecord();
  const system = child(event, "System");
  if (system) {
    for (const name of ["EventID", "Computer", "Channel"]) {
      const el = child(system, name);
      if (el) rec[name] = { value: el.text.trim(), from: name };
    }
    const provider = child(system, "Provider");
    const pname = provider?.attrs["Name"];
    if (pname !== undefined) rec["Provider_Name"] = { value: pname, from: "Provider Name" };
  }
  // <Data Name="Image">…</Data> anywhere in the event: tolerates a missing <EventData>, or one
  // that ended up inside an unclosed <System>.
  const data = findAll(event.children, (el) => el.name === "Data");
  for (const d of data) {
    const name = d.attrs["Name"];
    if (name && name !== "__proto__" && !rec[name]) rec[name] = { value: d.text, from: name };
  }
  return rec;
}

export interface XmlEvents {
  events: ParsedEvent[];
  problems: InputProblem[];
  /** Set when maxEvents stopped the reading. */
  stoppedAt?: number;
}

export function eventsFromXml(text: string, starts: readonly number[], maxEvents: number): XmlEvents {
  const parsed = parseXml(text);
  const problems: InputProblem[] = parsed.problems.map((p) => ({
    line: lineAt(starts, p.offset),
    message: `XML: ${p.message}`,
  }));
  const isEvent = (el: XmlElement) =>
    el.name === "Event" || (el.name !== "Events" && (child(el, "EventData") !== undefined || child(el, "System") !== undefined));
  const elements = findAll(parsed.roots, isEvent);
  const events: ParsedEvent[] = [];
  let stoppedAt: number | undefined;
  for (const el of elements) {
    if (events.length >= maxEvents) {
      stoppedAt = lineAt(starts, el.start);
      break;
    }
    const line = lineAt(starts, el.start);
    const rec = recordOf(el);
    const kind = classifyWindowsEvent(rec);
    if ("problem" in kind) {
      problems.push({ line, message: kind.problem });
      continue;
    }
    const draft = new EventDraft();
    if (kind.kind === "sysmon") mapSysmon(rec, draft);
    else map4688(rec, draft);
    deriveProgramFields(draft);
    const format = kind.kind === "sysmon" ? "sysmon-xml" : "security-4688-xml";
    events.push(finishEvent(draft, { line, format, text: text.slice(el.start, el.end) }));
  }
  if (elements.length === 0) problems.push({ line: 1, message: "no <Event> elements found in the XML" });
  problems.sort((a, b) => a.line - b.line);
  return { events, problems, stoppedAt };
}
