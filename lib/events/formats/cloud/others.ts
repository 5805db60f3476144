/**
 * Other JSON families with their own sourcetype: Google Cloud audit logs (Pub/Sub), Kubernetes
 * audit events, Google Workspace reports, Suricata EVE. Recognition, separator and time only: the
 * add-ons' CIM mappings for them are not documented here (a note says so).
 */
import { hasKeys, isObj, jsonFamily } from "../json-family";

const noMapping = (what: string) => (c: { note(t: string): void }) => c.note(`${what}: no CIM dataset mapping is documented here`);

export const gcp = jsonFamily({
  id: "gcp-audit",
  label: "Google Cloud audit log JSON",
  family: "gcp",
  sourcetype: "google:gcp:pubsub:message",
  separator: "protoPayload.methodName",
  time: ["timestamp", "receiveTimestamp"],
  test: (o) => isObj(o["protoPayload"]) && ("logName" in o || "insertId" in o),
  addon: noMapping("Google Cloud audit log"),
});

export const k8sAudit = jsonFamily({
  id: "k8s-audit",
  label: "Kubernetes audit JSON",
  family: "k8s-audit",
  source: "kubernetes",
  sourcetype: "_json",
  separator: "verb",
  time: ["requestReceivedTimestamp", "stageTimestamp"],
  test: (o) => o["kind"] === "Event" && typeof o["apiVersion"] === "string" && (o["apiVersion"] as string).startsWith("audit.k8s.io") && "auditID" in o,
  addon: noMapping("Kubernetes audit"),
});

export const gws = jsonFamily({
  id: "gws-reports",
  label: "Google Workspace reports JSON",
  family: "gws",
  sourcetype: "gws:reports:admin",
  separator: "event.name",
  time: ["id.time"],
  test: (o) => typeof o["kind"] === "string" && (o["kind"] as string).startsWith("admin#reports") && isObj(o["id"]),
  addon: noMapping("Google Workspace report"),
});

export const suricata = jsonFamily({
  id: "suricata-eve",
  label: "Suricata EVE JSON",
  family: "suricata",
  source: "suricata",
  sourcetype: "suricata",
  separator: "event_type",
  time: ["timestamp"],
  test: (o) => hasKeys(o, "event_type", "timestamp") && ("src_ip" in o || "flow_id" in o),
  addon: noMapping("Suricata EVE"),
});
