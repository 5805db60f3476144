/**
 * CrowdStrike Falcon Data Replicator sensor events (sourcetype crowdstrike:events:sensor, the
 * Splunk Add-on for CrowdStrike FDR). Separator `event_simpleName`; time `timestamp` (epoch ms).
 * ProcessRollup2 is a process start: Endpoint.Processes as the content maps it
 * (data_sources/crowdstrike_processrollup2.yml field_mappings).
 */
import { CITE } from "../../addon-ctx";
import { hasKeys, jsonFamily } from "../json-family";

const DS = CITE.content("data_sources/crowdstrike_processrollup2.yml");

export const crowdstrike = jsonFamily({
  id: "crowdstrike-fdr",
  label: "CrowdStrike FDR JSON",
  family: "crowdstrike",
  source: "crowdstrike",
  sourcetype: "crowdstrike:events:sensor",
  separator: "event_simpleName",
  time: ["timestamp", "ContextTimeStamp"],
  test: (o) => hasKeys(o, "event_simpleName") && ("aid" in o || "cid" in o || "event_platform" in o),
  addon(c) {
    if (c.raw("event_simpleName") !== "ProcessRollup2") return c.note("CrowdStrike event other than ProcessRollup2: no CIM dataset mapping is documented here");
    c.alias("process", "CommandLine", { cite: DS });
    c.alias("process_path", "ImageFileName", { cite: DS });
    c.fileName("process_name", "ImageFileName", { cite: CITE.cimEndpoint });
    c.alias("parent_process_name", "ParentBaseFileName", { cite: DS });
    c.alias("parent_process_id", "ParentProcessId", { cite: DS });
    c.alias("process_id", "RawProcessId", { cite: DS });
    c.alias("process_hash", "SHA256HashData", { cite: DS });
    c.alias("user", "UserSid", { cite: DS });
    c.alias("dest", "ComputerName");
    c.cimSame("Endpoint.Processes", ["process", "process_path", "process_name", "parent_process_name", "parent_process_id", "process_id", "process_hash", "user", "dest"]);
    c.unknown("dest", "original_file_name", "parent_process", "parent_process_path", "action", "vendor_product");
  },
});
