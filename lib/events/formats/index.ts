/**
 * The input-format registry: every format lib/events reads, in one table. Adding a format is one
 * module (`{ id, label, kind, detect, extract }`) and one line here. The best `detect` score wins
 * (the first on a tie).
 */
import { cimJson } from "./cim-json";
import { azureAad, azureAudit } from "./cloud/azure";
import { cloudtrail } from "./cloud/cloudtrail";
import { crowdstrike } from "./cloud/crowdstrike";
import { defenderHunting } from "./cloud/defender";
import { o365 } from "./cloud/o365";
import { okta } from "./cloud/okta";
import { gcp, gws, k8sAudit, suricata } from "./cloud/others";
import { streamHttp } from "./cloud/stream-http";
import { commandLine } from "./command-line";
import { jsonGeneric } from "./json-generic";
import { auditd } from "./text/auditd";
import { kv } from "./text/kv";
import { cloudfront, crushftp, pan, vpcflow } from "./text/positional";
import { syslog } from "./text/syslog";
import type { Chunk, InputFormatModule } from "./types";
import { windowsJson } from "./windows-json";
import { windowsXml } from "./windows-xml";

export const FORMATS: readonly InputFormatModule[] = [
  windowsXml,
  windowsJson,
  cloudtrail,
  o365,
  azureAad,
  azureAudit,
  okta,
  gcp,
  k8sAudit,
  gws,
  crowdstrike,
  defenderHunting,
  suricata,
  streamHttp,
  cimJson,
  jsonGeneric,
  auditd,
  pan,
  cloudfront,
  vpcflow,
  crushftp,
  syslog,
  kv,
  commandLine,
];

/** Old format ids (before the registry) → today's. */
const OLD_IDS: Record<string, string> = { "sysmon-xml": "windows-xml", "security-4688-xml": "windows-xml", "sysmon-json": "windows-json", "security-4688-json": "windows-json" };

export function formatById(id: string): InputFormatModule | undefined {
  const want = OLD_IDS[id] ?? id;
  return FORMATS.find((f) => f.id === want);
}

/** The format that reads a chunk best, or undefined when none does. */
export function formatFor(chunk: Chunk): InputFormatModule | undefined {
  let best: InputFormatModule | undefined;
  let score = 0;
  for (const f of FORMATS) {
    if (f.kind !== chunk.kind) continue;
    const s = f.detect(chunk);
    if (s > score) {
      score = s;
      best = f;
    }
  }
  return best;
}

/** A format's name for people ("command lines" for a whole input of them). */
export function formatLabel(format: string, plural = false): string {
  if (format === "command-line" && plural) return "command lines";
  if (format === "csv") return "CSV";
  if (format === "empty") return "empty";
  if (format === "unknown") return "unknown format";
  return formatById(format)?.label ?? format;
}
