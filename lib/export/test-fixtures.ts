/**
 * Real explanations for the export tests: the built-in content's smbexec analytic run by the
 * engine on the seed command lines and a Sysmon event (test-only; reads the content folder).
 */
import { resolve } from "node:path";
import { loadCatalog } from "../content/load";
import { matcherFor } from "../engine/index";
import { parseEvents, toEventInput } from "../events/index";

export const CONTENT = resolve(import.meta.dirname, "../../content");
export const SMBEXEC_SLUG = "impacket_lateral_movement_smbexec_commandline_parameters";
export const SMBEXEC = String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat & C:\Windows\system32\cmd.exe /Q /c C:\Windows\BTOBTOxy.bat & del C:\Windows\BTOBTOxy.bat`;
export const WMIEXEC = String.raw`cmd.exe /Q /c cd \ 1> \\127.0.0.1\ADMIN$\__1700000000.12 2>&1`;
export const SYSMON_XML = `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Sysmon"/><EventID>1</EventID><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>ws01.corp.local</Computer></System><EventData><Data Name="Image">C:\\Windows\\System32\\cmd.exe</Data><Data Name="CommandLine">${SMBEXEC.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</Data><Data Name="User">NT AUTHORITY\\SYSTEM</Data></EventData></Event>`;

export async function explained(text: string) {
  const catalog = await loadCatalog(CONTENT);
  const analytic = catalog.analytics.find((a) => a.slug === SMBEXEC_SLUG)!;
  const m = matcherFor(catalog, analytic);
  const parsed = parseEvents(text, { dataSources: catalog.dataSources });
  return { catalog, analytic, items: parsed.events.map((event) => ({ index: event.index, event, explanation: m.explain(toEventInput(event)) })) };
}
