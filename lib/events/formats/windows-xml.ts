/** Windows event XML of any channel and event ID (Event Viewer, wevtutil, Splunk's XmlWinEventLog). */
import { recordFromXml } from "../windows/record";
import { windowsExtraction } from "../windows/extract";
import type { InputFormatModule } from "./types";

export const windowsXml: InputFormatModule = {
  id: "windows-xml",
  label: "Windows event XML",
  kind: "xml",
  detect: (chunk) => (chunk.kind === "xml" && chunk.xml?.name === "Event" ? 10 : 0),
  extract(chunk) {
    if (!chunk.xml) return { problem: "not an XML event" };
    const rec = recordFromXml(chunk.xml);
    if (!rec.fields.has("EventID")) return { problem: "the <Event> has no <System><EventID>: not read as a Windows event" };
    return windowsExtraction(rec);
  },
};
