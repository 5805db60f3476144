/**
 * Office 365 Management Activity records (sourcetype o365:management:activity, the Splunk Add-on
 * for Microsoft Office 365). Separator `Operation`; time `CreationTime` (UTC). Logins are CIM
 * Authentication: UserLoggedIn success, UserLoginFailed failure (Microsoft, "Office 365 Management
 * Activity API schema"). The add-on's other aliases are not documented here: unknown.
 */
import { CITE } from "../../addon-ctx";
import { hasKeys, jsonFamily } from "../json-family";

export const o365 = jsonFamily({
  id: "o365",
  label: "Office 365 management activity JSON",
  family: "o365",
  source: "o365",
  sourcetype: "o365:management:activity",
  separator: "Operation",
  time: ["CreationTime"],
  test: (o) => hasKeys(o, "CreationTime", "Operation") && ("Workload" in o || "RecordType" in o || "OrganizationId" in o),
  addon(c) {
    c.evalField("vendor_product", "Microsoft Office 365", undefined, { note: "set by the Splunk Add-on for Microsoft Office 365" });
    // Name/Value lists become fields named by Name: the O365 data sources list such fields
    // (BrowserType, UserAgent from ExtendedProperties; Identity, AccessRights from Parameters).
    for (const key of ["ExtendedProperties", "Parameters", "DeviceProperties"]) c.namedPairs(key, { cite: CITE.content("data_sources/o365_userloggedin.yml fields") });
    c.unknown("user", "src", "src_ip", "action", "dest", "signature", "app");
    const op = c.raw("Operation");
    if (op !== "UserLoggedIn" && op !== "UserLoginFailed") return;
    const action = op === "UserLoggedIn" ? "success" : "failure";
    c.evalField("action", action, "Operation", { cite: CITE.cimAuthentication });
    c.alias("user", "UserId", { cite: CITE.cimAuthentication });
    c.alias("src", "ClientIP", { cite: CITE.cimAuthentication });
    c.cimAuthentication(action, ["action", "user", "src", "vendor_product"]);
  },
});
