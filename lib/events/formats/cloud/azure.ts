/**
 * Azure AD / Entra ID logs through Azure Monitor (sourcetype azure:monitor:aad) and the Azure
 * activity log (mscs:azure:audit), both from the Splunk Add-on for Microsoft Cloud Services.
 * Separators `operationName` and `operationName.localizedValue`; times `time` and `eventTimestamp`.
 * A sign-in is CIM Authentication (errorCode 0: success; Microsoft, "Sign-in log schema").
 */
import { CITE } from "../../addon-ctx";
import { hasKeys, jsonFamily, isObj } from "../json-family";

export const azureAad = jsonFamily({
  id: "azure-aad",
  label: "Azure AD (Azure Monitor) JSON",
  family: "azure-aad",
  source: "Azure AD",
  sourcetype: "azure:monitor:aad",
  separator: "operationName",
  time: ["time"],
  // Defender advanced-hunting records share the Event Hub envelope but are not Azure AD logs.
  test: (o) => hasKeys(o, "time", "operationName", "category") && typeof o["operationName"] === "string" && ("tenantId" in o || "resourceId" in o) && !/^AdvancedHunting/i.test(String(o["category"])),
  addon(c) {
    c.evalField("vendor_product", "Azure AD", undefined, { note: "set by the Splunk Add-on for Microsoft Cloud Services" });
    c.unknown("user", "src", "src_ip", "action", "dest", "signature", "object", "result");
    if (c.raw("category") !== "SignInLogs" && c.raw("operationName") !== "Sign-in activity") return;
    const code = c.val("properties.status.errorCode");
    if (code === undefined) return;
    const action = code === "0" ? "success" : "failure";
    c.evalField("action", action, "properties.status.errorCode", { cite: CITE.cimAuthentication });
    c.alias("user", "properties.userPrincipalName", { cite: CITE.cimAuthentication });
    c.alias("src", "callerIpAddress", { cite: CITE.cimAuthentication });
    c.cimAuthentication(action, ["action", "user", "src", "vendor_product"]);
  },
});

export const azureAudit = jsonFamily({
  id: "azure-audit",
  label: "Azure activity log JSON",
  family: "azure-audit",
  source: "mscs:azure:audit",
  sourcetype: "mscs:azure:audit",
  separator: "operationName.localizedValue",
  time: ["eventTimestamp", "submissionTimestamp"],
  test: (o) => isObj(o["operationName"]) && ("eventDataId" in o || "authorization" in o) && ("caller" in o || "eventTimestamp" in o),
  addon(c) {
    c.unknown("user", "user_name", "src", "dest", "object", "object_id", "object_path", "status", "vendor_product");
  },
});
