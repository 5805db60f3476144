/**
 * Any line of key=value pairs (nginx's kv log, Splunk Stream, Falco's output fields, Splunk's own
 * audit lines, PowerShell inventory scripts…): the pairs as Splunk's automatic extraction reads
 * them, recognised by the names they share with a data source's example. A line with the CIM
 * web fields (http_method and uri_path or url) is a CIM Web event, field for field (CITE.cimWeb).
 */
import { CITE } from "../../addon-ctx";
import { programOf, looksExecutable } from "../../commandline";
import { parseClfTime, parseIsoTime, parseNumericDateTime } from "../../time";
import { kvPairs } from "./kv-parse";
import { textFamily } from "./text-family";

const WEB = ["src_ip", "src", "dest_ip", "dest_port", "dest", "http_method", "http_user_agent", "http_content_type", "status", "uri_path", "uri_query", "url", "site", "bytes", "bytes_in", "bytes_out", "user", "category"];

/** A line starting with an executable is a command line, whatever `a=b` arguments it has. */
function startsWithProgram(line: string): boolean {
  const { name, path } = programOf(line);
  return (name !== undefined && looksExecutable(name)) || (path !== undefined && /^([A-Za-z]:[\\/]|[\\/])/.test(path));
}

export const kv = textFamily({
  id: "kv",
  label: "key=value line",
  family: "kv",
  shapeOnly: true,
  detect(line) {
    if (/^[A-Za-z_][\w.-]*=/.test(line)) return 3;
    if (startsWithProgram(line)) return 0;
    return kvPairs(line).length >= 3 ? 3 : 0;
  },
  fields: (line) => kvPairs(line).map((p) => [p.key, p.value]),
  time(line, f) {
    for (const key of ["timestamp", "time_local", "time", "_time", "date"]) {
      const v = f.get(key);
      const text = Array.isArray(v) ? v[0] : v;
      if (!text) continue;
      const ts = parseIsoTime(text) ?? parseClfTime(text) ?? parseNumericDateTime(text);
      if (ts) return { ts, from: key };
    }
    const head = /^\[([^\]]+)\]/.exec(line)?.[1];
    const ts = head ? parseClfTime(head) : undefined;
    return ts ? { ts, from: "the [time] at the start of the line" } : undefined;
  },
  addon(c) {
    if (!c.draft.has("http_method") || !(c.draft.has("uri_path") || c.draft.has("url"))) return;
    c.cimSame("Web.Web", WEB, { cite: CITE.cimWeb });
    c.cim("Web.Web", "http_referrer", "http_referer", { cite: CITE.cimWeb });
  },
});
