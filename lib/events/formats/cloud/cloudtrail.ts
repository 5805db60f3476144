/**
 * AWS CloudTrail records (sourcetype aws:cloudtrail, the Splunk Add-on for AWS). Separator
 * `eventName`; time `eventTime`. A write event (`readOnly` false) is a CIM Change; a ConsoleLogin
 * is an Authentication. Field meanings: AWS "CloudTrail record contents" (docs.aws.amazon.com/
 * awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html). Which user the
 * add-on takes from userIdentity is not documented here: `user` stays unknown.
 */
import { CITE } from "../../addon-ctx";
import { hasKeys, jsonFamily } from "../json-family";

export const cloudtrail = jsonFamily({
  id: "cloudtrail",
  label: "AWS CloudTrail JSON",
  family: "cloudtrail",
  source: "aws_cloudtrail",
  sourcetype: "aws:cloudtrail",
  separator: "eventName",
  time: ["eventTime"],
  test: (o) => hasKeys(o, "eventSource", "eventName") && ("eventVersion" in o || "awsRegion" in o || "userIdentity" in o),
  addon(c) {
    c.alias("src", "sourceIPAddress");
    c.alias("src_ip", "sourceIPAddress");
    c.alias("vendor_region", "awsRegion");
    c.alias("user_agent", "userAgent");
    c.evalField("vendor_product", "AWS CloudTrail", undefined, { note: "set by the Splunk Add-on for AWS" });
    const failed = c.raw("errorCode") !== undefined;
    c.unknown("user", "user_name", "user_type", "action", "object", "object_category", "dest");
    if (c.raw("eventName") === "ConsoleLogin") {
      const result = c.val("responseElements.ConsoleLogin")?.toLowerCase();
      c.evalField("action", result === "success" || result === "failure" ? result : undefined, "responseElements.ConsoleLogin", { cite: CITE.cimAuthentication });
      c.cimSame("Authentication.Authentication", ["action", "src", "src_ip", "user_agent", "vendor_product"]);
      if (result === "success" || result === "failure") c.cimSame(result === "success" ? "Authentication.Successful_Authentication" : "Authentication.Failed_Authentication", ["action", "src", "src_ip", "vendor_product"]);
      return;
    }
    if (c.raw("readOnly") !== "false") return c.note("CloudTrail read-only or unmarked event: no CIM Change (only write events change something)");
    c.evalField("command", c.raw("eventName"), "eventName", { cite: CITE.cimChange });
    c.evalField("status", failed ? "failure" : "success", failed ? "errorCode" : "eventName", { note: failed ? "the call failed (errorCode)" : "no errorCode", cite: CITE.cimChange });
    c.alias("vendor_account", "recipientAccountId", { cite: CITE.cimChange });
    c.cimSame("Change.All_Changes", ["command", "status", "src", "vendor_region", "vendor_account", "user_agent", "vendor_product"]);
  },
});
