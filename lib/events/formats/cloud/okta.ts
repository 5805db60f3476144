/**
 * Okta System Log events (sourcetype OktaIM2:log, event type okta_log; the Splunk Add-on for Okta
 * Identity Cloud). Separator `eventType`; time `published`. Sign-on event types are CIM
 * Authentication (CITE.okta: user.session.start, user.authentication.*…); outcome.result SUCCESS /
 * FAILURE gives the action.
 */
import { CITE } from "../../addon-ctx";
import { hasKeys, isObj, jsonFamily } from "../json-family";

const AUTH_TYPES = new Set(["user.session.start", "user.authentication.verify", "user.authentication.sso", "user.authentication.auth_via_mfa", "user.authentication.auth_via_radius", "user.authentication.auth_via_social", "user.authentication.auth_via_IDP", "user.authentication.auth_via_AD_agent", "policy.evaluate_sign_on"]);

export const okta = jsonFamily({
  id: "okta",
  label: "Okta System Log JSON",
  family: "okta",
  source: "Okta",
  sourcetype: "OktaIM2:log",
  separator: "eventType",
  time: ["published"],
  test: (o) => hasKeys(o, "eventType", "published") && isObj(o["actor"]),
  addon(c) {
    c.evalField("vendor_product", "Okta Identity Cloud", undefined, { note: "set by the Splunk Add-on for Okta Identity Cloud" });
    c.unknown("user", "src", "src_ip", "action", "dest", "app", "signature", "reason");
    if (!AUTH_TYPES.has(c.raw("eventType") ?? "")) return;
    const result = c.val("outcome.result")?.toUpperCase();
    const action = result === "SUCCESS" ? "success" : result === "FAILURE" || result === "DENY" ? "failure" : undefined;
    if (!action) return;
    c.evalField("action", action, "outcome.result", { cite: CITE.okta });
    c.alias("user", "actor.alternateId", { cite: CITE.okta });
    c.alias("src", "client.ipAddress", { cite: CITE.okta });
    c.cimAuthentication(action, ["action", "user", "src", "vendor_product"]);
  },
});
