/**
 * Splunk Stream HTTP events (sourcetype stream:http): web traffic, CIM Web. Stream names its fields
 * after the CIM already (src_ip, dest_ip, http_method, status, url…), so they map one to one
 * (CITE.cimWeb); time `timestamp`.
 */
import { CITE } from "../../addon-ctx";
import { hasKeys, jsonFamily } from "../json-family";

const WEB = ["src_ip", "src_port", "dest_ip", "dest_port", "http_method", "http_user_agent", "http_content_type", "status", "url", "uri_path", "uri_query", "site", "bytes", "bytes_in", "bytes_out", "http_referrer", "dest", "src"];

export const streamHttp = jsonFamily({
  id: "stream-http",
  label: "Splunk Stream HTTP JSON",
  family: "stream-http",
  source: "stream:http",
  sourcetype: "stream:http",
  time: ["timestamp", "endtime"],
  test: (o) => hasKeys(o, "http_method", "dest_ip") && ("bytes_in" in o || "flow_id" in o),
  addon(c) {
    c.cimSame("Web.Web", WEB, { cite: CITE.cimWeb });
  },
});
