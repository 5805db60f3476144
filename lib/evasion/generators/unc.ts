/**
 * Other names for the loopback share host `\\127.0.0.1\`. A colon is illegal in a UNC name, so
 * Windows writes IPv6 addresses under `ipv6-literal.net` (`::1` → `0--1.ipv6-literal.net`,
 * resolved locally, never by DNS); `\\?\UNC\` is the Win32 file namespace form; the host's own
 * name, and `%COMPUTERNAME%` where cmd.exe expands it.
 */
import { cmdPayload, occurrences, replaceSpans } from "../cmdline";
import type { Generator, Variant } from "../types";

const LOOPBACK = "\\\\127.0.0.1\\";

export const uncGenerator: Generator = {
  name: "unc-host",
  description: "The loopback share \\\\127.0.0.1\\ written as \\\\localhost\\, the IPv6 ::1 (\\\\0--1.ipv6-literal.net\\), \\\\?\\UNC\\…, or the host's name.",
  variants(s) {
    const spans = occurrences(s.process, LOOPBACK);
    if (spans.length === 0) return [];
    const hosts = ["\\\\localhost\\", "\\\\0--1.ipv6-literal.net\\", "\\\\?\\UNC\\127.0.0.1\\"];
    const payload = cmdPayload(s.process);
    if (payload && spans.every((x) => x.start >= payload.start)) hosts.push("\\\\%COMPUTERNAME%\\");
    const host = s.host?.split(".")[0];
    if (host && /^[a-z0-9-]{1,15}$/i.test(host)) hosts.push(`\\\\${host}\\`);
    return hosts.map((h): Variant => ({ process: replaceSpans(s.process, spans, () => h) }));
  },
};
