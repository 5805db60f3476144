/**
 * Each CIM dataset's fields (names without the dataset prefix), for the datasets lib/events maps
 * events to: a dataset's values are restricted to these, and a field of the list an event does not
 * give is one it cannot know. Facts from Splunk's CIM reference, one page per model:
 * https://help.splunk.com/data-management/common-information-model/6.0/data-models/<model>
 * (Endpoint, Authentication, Change, Network Traffic, Network Resolution (DNS), Web). A child
 * dataset has its root's fields. Pure data: no DOM, no Node.
 */

const ENDPOINT_COMMON = ["dest", "dest_bunit", "dest_category", "dest_priority", "dest_requires_av", "dest_should_timesync", "dest_should_update", "user", "user_bunit", "user_category", "user_priority", "vendor_product"];

const PROCESSES = [
  ...ENDPOINT_COMMON, "action", "cpu_load_percent", "mem_used", "original_file_name", "os", "parent_process", "parent_process_exec",
  "parent_process_guid", "parent_process_id", "parent_process_name", "parent_process_path", "process", "process_current_directory",
  "process_exec", "process_guid", "process_hash", "process_id", "process_integrity_level", "process_name", "process_path", "user_id",
];

const FILESYSTEM = [
  ...ENDPOINT_COMMON, "action", "file_access_time", "file_acl", "file_create_time", "file_hash", "file_modify_time", "file_name", "file_path",
  "file_size", "process_guid", "process_id", "process_name", "process_path", "process_exec",
];

const REGISTRY = [
  ...ENDPOINT_COMMON, "action", "process_guid", "process_id", "process_name", "process_path", "process_exec", "registry_hive", "registry_key_name",
  "registry_path", "registry_value_data", "registry_value_name", "registry_value_text", "registry_value_type", "status",
];

const SERVICES = [...ENDPOINT_COMMON, "description", "process_guid", "service", "service_dll", "service_dll_path", "service_dll_hash", "service_exec", "service_hash", "service_id", "service_name", "service_path", "start_mode", "status"];

const AUTHENTICATION = [
  "action", "app", "authentication_method", "authentication_service", "dest", "dest_bunit", "dest_category", "dest_nt_domain", "dest_priority",
  "duration", "reason", "response_time", "signature", "signature_id", "src", "src_bunit", "src_category", "src_nt_domain", "src_priority", "src_user",
  "src_user_bunit", "src_user_category", "src_user_id", "src_user_priority", "src_user_role", "tag", "user", "user_agent", "user_bunit",
  "user_category", "user_id", "user_priority", "user_role", "vendor_account", "src_ip", "src_port", "vendor_product",
];

const CHANGE = [
  "action", "change_type", "command", "dest", "dest_bunit", "dest_category", "dest_ip_range", "dest_name", "dest_nt_domain", "dest_port_range",
  "dest_priority", "device", "direction", "dvc", "image_id", "instance_type", "object", "object_attrs", "object_category", "object_id",
  "object_path", "result", "result_id", "rule_action", "src", "src_bunit", "src_category", "src_ip_range", "src_nt_domain", "src_port_range",
  "src_priority", "src_user", "src_user_bunit", "src_user_category", "src_user_name", "src_user_priority", "src_user_type", "status", "tag",
  "user", "user_agent", "user_bunit", "user_category", "user_name", "user_priority", "user_type", "vendor_account", "vendor_product", "vendor_region",
];

const ALL_TRAFFIC = [
  "action", "app", "bytes", "bytes_in", "bytes_out", "channel", "dest", "dest_bunit", "dest_category", "dest_interface", "dest_ip", "dest_mac",
  "dest_port", "dest_priority", "dest_translated_ip", "dest_translated_port", "dest_zone", "direction", "duration", "dvc", "dvc_bunit",
  "dvc_category", "dvc_ip", "dvc_mac", "dvc_priority", "dvc_zone", "flow_id", "icmp_code", "icmp_type", "packets", "packets_in", "packets_out",
  "process_id", "protocol", "protocol_version", "response_time", "rule", "session_id", "src", "src_bunit", "src_category", "src_interface",
  "src_ip", "src_mac", "src_port", "src_priority", "src_translated_ip", "src_translated_port", "src_zone", "ssid", "tag", "tcp_flag", "transport",
  "tos", "ttl", "user", "user_bunit", "user_category", "user_priority", "vendor_account", "vendor_product", "vlan", "wifi",
];

const DNS = [
  "additional_answer_count", "answer", "answer_count", "authority_answer_count", "dest", "dest_bunit", "dest_category", "dest_port",
  "dest_priority", "duration", "message_type", "name", "query", "query_count", "query_type", "record_type", "reply_code", "reply_code_id",
  "response_time", "src", "src_bunit", "src_category", "src_port", "src_priority", "tag", "transaction_id", "transport", "ttl", "vendor_product",
];

const WEB = [
  "action", "app", "bytes", "bytes_in", "bytes_out", "cached", "category", "cookie", "dest", "dest_bunit", "dest_category", "dest_ip", "dest_port",
  "dest_priority", "duration", "error_code", "http_content_type", "http_method", "http_referrer", "http_referrer_domain", "http_user_agent",
  "http_user_agent_length", "operation", "response_time", "site", "src", "src_bunit", "src_category", "src_ip", "src_port", "src_priority",
  "status", "storage_name", "tag", "uri_path", "uri_query", "url", "url_domain", "url_length", "user", "user_bunit", "user_category",
  "user_priority", "vendor_product",
];

/** Full dataset name → its fields. Children inherit their root's list. */
const FIELDS: Record<string, readonly string[]> = {
  "Endpoint.Processes": PROCESSES,
  "Endpoint.Filesystem": FILESYSTEM,
  "Endpoint.Registry": REGISTRY,
  "Endpoint.Services": SERVICES,
  "Authentication.Authentication": AUTHENTICATION,
  "Change.All_Changes": CHANGE,
  "Network_Traffic.All_Traffic": ALL_TRAFFIC,
  "Network_Resolution.DNS": DNS,
  "Web.Web": WEB,
};

const ROOT_OF: Record<string, string> = {
  "Authentication.Default_Authentication": "Authentication.Authentication",
  "Authentication.Failed_Authentication": "Authentication.Authentication",
  "Authentication.Insecure_Authentication": "Authentication.Authentication",
  "Authentication.Privileged_Authentication": "Authentication.Authentication",
  "Authentication.Successful_Authentication": "Authentication.Authentication",
  "Change.Account_Management": "Change.All_Changes",
  "Change.Auditing_Changes": "Change.All_Changes",
  "Change.Endpoint_Changes": "Change.All_Changes",
  "Change.Network_Changes": "Change.All_Changes",
  "Change.Instance_Changes": "Change.All_Changes",
  "Web.Proxy": "Web.Web",
  "Web.Storage": "Web.Web",
};

/** The CIM fields of a dataset (full name), or undefined when this table does not list it. */
export function cimFields(dataset: string): readonly string[] | undefined {
  return FIELDS[dataset] ?? FIELDS[ROOT_OF[dataset] ?? ""];
}

/** The prefix CIM input may carry for a dataset (`Processes.`, `Registry.`, `All_Traffic.`) → dataset. */
export const PREFIXED_DATASETS: Readonly<Record<string, string>> = {
  "Processes.": "Endpoint.Processes",
  "Filesystem.": "Endpoint.Filesystem",
  "Registry.": "Endpoint.Registry",
  "Services.": "Endpoint.Services",
  "Authentication.": "Authentication.Authentication",
  "All_Changes.": "Change.All_Changes",
  "All_Traffic.": "Network_Traffic.All_Traffic",
  "DNS.": "Network_Resolution.DNS",
  "Web.": "Web.Web",
};
