/**
 * Positional text lines: AWS CloudFront standard logs (tab-separated; field order from AWS,
 * "CloudFront standard log file fields", names as data_sources/aws_cloudfront.yml lists them),
 * VPC flow logs (default version 2 format; AWS, "Flow log records"), PAN-OS syslog (CSV after a
 * syslog header; the log type in the 4th column: Palo Alto Networks, "Syslog field descriptions"),
 * CrushFTP session logs.
 */
import { CITE } from "../../addon-ctx";
import { fromEpoch, parseIsoTime, parseNumericDateTime } from "../../time";
import { textFamily } from "./text-family";

const CLOUDFRONT = ["date", "time", "x_edge_location", "sc_bytes", "c_ip", "cs_method", "cs_host", "cs_uri_stem", "sc_status", "cs_referer", "cs_user_agent", "cs_uri_query", "cs_cookie", "x_edge_result_type", "x_edge_request_id", "x_host_header", "cs_protocol", "cs_bytes", "time_taken", "x_forwarded_for", "ssl_protocol", "ssl_cipher", "x_edge_response_result_type", "cs_protocol_version", "fle_status", "fle_encrypted_fields", "c_port", "time_to_first_byte", "x_edge_detail_result_type", "sc_content_type", "sc_content_len", "sc_range_start", "sc_range_end"];

export const cloudfront = textFamily({
  id: "cloudfront",
  label: "AWS CloudFront access log line",
  family: "cloudfront",
  source: "aws",
  sourcetype: "aws:cloudfront:accesslogs",
  detect: (line) => (/^\d{4}-\d\d-\d\d\t\d\d:\d\d:\d\d\t/.test(line) && line.split("\t").length >= 20 ? 8 : 0),
  fields: (line) => line.split("\t").flatMap((v, i) => (CLOUDFRONT[i] && v !== "-" ? [[CLOUDFRONT[i]!, v] as [string, string]] : [])),
  time: (_l, f) => {
    const ts = parseIsoTime(`${f.get("date")}T${f.get("time")}Z`);
    return ts ? { ts, from: "date time" } : undefined;
  },
  addon: (c) => c.note("AWS CloudFront: the add-on's CIM Web mapping is not documented here"),
});

const VPC = ["version", "account_id", "interface_id", "src_ip", "dest_ip", "src_port", "dest_port", "protocol_code", "packets", "bytes", "start_time", "end_time", "vpcflow_action", "log_status"];

export const vpcflow = textFamily({
  id: "vpcflow",
  label: "AWS VPC flow log line",
  family: "vpcflow",
  source: "aws_cloudwatchlogs_vpcflow",
  sourcetype: "aws:cloudwatchlogs:vpcflow",
  detect: (line) => (/^\d+ (\d{12}|unknown) (eni-[0-9a-f]+|-) /.test(line) ? 8 : 0),
  fields: (line) => line.trim().split(/\s+/).flatMap((v, i) => (VPC[i] && v !== "-" ? [[VPC[i]!, v] as [string, string]] : [])),
  time: (_l, f) => {
    const ts = fromEpoch(Number(f.get("start_time")));
    return ts ? { ts, from: "start_time" } : undefined;
  },
  addon(c) {
    c.cimSame("Network_Traffic.All_Traffic", ["src_ip", "dest_ip", "src_port", "dest_port", "packets", "bytes"], { cite: CITE.cimTraffic });
    c.unknown("action", "transport", "protocol", "src", "dest");
  },
});

const PAN = /^(?:.*? )?\d+,(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d),([^,]*),([A-Z]+),([^,]*),/;

export const pan = textFamily({
  id: "pan-os",
  label: "PAN-OS syslog line",
  family: "pan",
  sourcetype: (f) => (typeof f["type"] === "string" ? `pan:${f["type"].toLowerCase()}` : undefined),
  separator: "type",
  detect: (line) => (PAN.test(line) ? 8 : 0),
  fields(line) {
    const m = PAN.exec(line);
    return m ? [["receive_time", m[1]!], ["serial_number", m[2]!], ["type", m[3]!], ["log_subtype", m[4]!]] : [];
  },
  time(line) {
    const m = PAN.exec(line);
    const ts = m ? parseNumericDateTime(m[1]!) : undefined;
    return ts ? { ts, from: "receive_time", note: "the receive time (no zone in the log: UTC)" } : undefined;
  },
  addon: (c) => c.note("PAN-OS: the add-on's positional fields and CIM mappings are not read here (only the log type)"),
});

export const crushftp = textFamily({
  id: "crushftp",
  label: "CrushFTP session log line",
  family: "crushftp",
  source: "crushftp",
  sourcetype: "crushftp:sessionlogs",
  detect: (line) => (/^SESSION\|\d\d\/\d\d\/\d{4} /.test(line) ? 8 : 0),
  fields: () => [],
  time(line) {
    const ts = parseNumericDateTime(line);
    return ts ? { ts, from: "the session log time", note: "the session log time (no zone: UTC)" } : undefined;
  },
});
