/** Small hand-made analytics for the catalog's unit tests. */
import type { Analytic } from "../content/types";
import type { TacticInfo } from "./types";

export const TACTICS: TacticInfo[] = [
  { id: "TA0002", shortname: "execution", name: "Execution" },
  { id: "TA0003", shortname: "persistence", name: "Persistence" },
  { id: "TA0004", shortname: "privilege-escalation", name: "Privilege Escalation" },
  { id: "TA0008", shortname: "lateral-movement", name: "Lateral Movement" },
];

export function analytic(over: Partial<Analytic> & Pick<Analytic, "slug">): Analytic {
  return {
    id: `id-${over.slug}`,
    file: `detections/endpoint/${over.slug}.yml`,
    name: over.slug,
    status: "production",
    type: "TTP",
    description: "",
    dataSources: [],
    search: "",
    datamodels: [],
    howToImplement: "",
    knownFalsePositives: "",
    references: [],
    analyticStories: [],
    products: ["Splunk Enterprise"],
    attack: [],
    killChainPhases: [],
    nist: [],
    cis: [],
    cve: [],
    rba: {
      schema: "legacy",
      message: "",
      riskObjects: [],
      threatObjects: [],
      riskScore: 40,
      storedScoreStale: false,
      severity: "low",
      formula: "",
    },
    tests: [],
    ...over,
  };
}

export const SMBEXEC = analytic({
  slug: "impacket_lateral_movement_smbexec_commandline_parameters",
  id: "bb3c1bac-6bdf-4aa0-8dc9-068b8b712a76",
  name: "Impacket Lateral Movement smbexec CommandLine Parameters",
  description: "Identifies smbexec.py command-line parameters.",
  search: "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe",
  dataSources: ["Sysmon EventID 1", "Windows Event Log Security 4688"],
  analyticStories: ["Active Directory Lateral Movement", "WhisperGate"],
  securityDomain: "endpoint",
  date: "2024-09-30",
  attack: [
    { id: "T1021.002", name: "SMB/Windows Admin Shares", tactics: ["lateral-movement"], status: "current" },
    { id: "T1047", name: "Windows Management Instrumentation", tactics: ["execution"], status: "current" },
  ],
  rba: {
    schema: "legacy",
    message: "Suspicious command-line parameters on $dest$",
    riskObjects: [{ field: "dest", type: "system", score: 63 }],
    threatObjects: [],
    impact: 90,
    confidence: 70,
    riskScore: 63,
    storedScoreStale: false,
    severity: "high",
    formula: "round(90 × 70 / 100) = 63",
  },
});

export const REMCOM = analytic({
  slug: "windows_lateral_tool_transfer_remcom",
  id: "e373a840-5bdc-47ef-b2fd-9cc7aaf387f0",
  name: "Windows Lateral Tool Transfer RemCom",
  description: "RemCom.exe, the open source psexec.",
  search: "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=remcom.exe",
  dataSources: ["Sysmon EventID 1"],
  analyticStories: ["Active Directory Discovery"],
  securityDomain: "endpoint",
  date: "2024-09-30",
  attack: [{ id: "T1570", name: "Lateral Tool Transfer", tactics: ["lateral-movement"], status: "current" }],
});

export const OLD_HUNT = analytic({
  slug: "old_dll_hunt",
  name: "Old DLL Search Order Hunt",
  type: "Hunting",
  status: "deprecated",
  description: "Uses a revoked technique id.",
  search: "search index=main",
  dataSources: ["Windows Event Log Security 4688"],
  securityDomain: "endpoint",
  date: "2020-01-01",
  attack: [
    { id: "T1073", resolvedId: "T1574.001", name: "DLL", tactics: ["persistence", "privilege-escalation"], status: "revoked" },
  ],
});

export const CLOUD = analytic({
  slug: "cloud_thing",
  name: "Cloud Thing",
  type: "Anomaly",
  description: "Nothing to do with lateral movement.",
  search: "`cloudtrail` eventName=ConsoleLogin",
  products: ["Splunk Cloud"],
  securityDomain: "cloud",
  rba: { ...SMBEXEC.rba, riskScore: 10, severity: "informational" },
});

export const ALL = [SMBEXEC, REMCOM, OLD_HUNT, CLOUD];
