/**
 * Cloud JSON: events written from each vendor's documented record format (AWS CloudTrail record
 * contents, Office 365 Management Activity API schema, Azure AD sign-in log schema, Okta System Log,
 * Google Cloud audit log, Kubernetes audit Event, Google Workspace Reports activity, CrowdStrike FDR,
 * Suricata EVE, Splunk Stream HTTP, Defender advanced hunting). Each: the format that reads it,
 * where Splunk puts it, its time, fields as Splunk's JSON extraction names them, and CIM datasets.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { flattenJson } from "../detection/flatten";
import { parseEvents } from "./index";
import type { DataSourceSpec } from "./types";

const T = Date.UTC(2024, 4, 1, 12, 0, 0) / 1000;

const CASES: [string, object, { format: string; sourcetype: string; time?: number; fields?: Record<string, unknown>; datasets?: Record<string, Record<string, unknown>> }][] = [
  ["CloudTrail write event", { eventVersion: "1.08", userIdentity: { type: "IAMUser", arn: "arn:aws:iam::1:user/bob", userName: "bob" }, eventTime: "2024-05-01T12:00:00Z", eventSource: "iam.amazonaws.com", eventName: "CreateAccessKey", awsRegion: "us-east-1", sourceIPAddress: "198.51.100.4", userAgent: "aws-cli", requestParameters: { userName: "eve" }, responseElements: null, readOnly: false, recipientAccountId: "111122223333", resources: [{ ARN: "a" }, { ARN: "b" }] },
    { format: "cloudtrail", sourcetype: "aws:cloudtrail", time: T, fields: { "userIdentity.userName": "bob", "requestParameters.userName": "eve", responseElements: "null", "resources{}.ARN": ["a", "b"], readOnly: "false", src_ip: "198.51.100.4" }, datasets: { "Change.All_Changes": { command: "CreateAccessKey", status: "success", src: "198.51.100.4", vendor_account: "111122223333" } } }],
  ["CloudTrail ConsoleLogin failure", { eventVersion: "1.08", userIdentity: { type: "IAMUser", userName: "bob" }, eventTime: "2024-05-01T12:00:00Z", eventSource: "signin.amazonaws.com", eventName: "ConsoleLogin", awsRegion: "us-east-1", sourceIPAddress: "198.51.100.4", responseElements: { ConsoleLogin: "Failure" }, errorMessage: "Failed authentication" },
    { format: "cloudtrail", sourcetype: "aws:cloudtrail", time: T, datasets: { "Authentication.Failed_Authentication": { action: "failure", src: "198.51.100.4" }, "Authentication.Authentication": { action: "failure" } } }],
  ["O365 UserLoggedIn", { CreationTime: "2024-05-01T12:00:00", Id: "x", Operation: "UserLoggedIn", OrganizationId: "o", RecordType: 15, ResultStatus: "Success", UserId: "bob@corp.example", Workload: "AzureActiveDirectory", ClientIP: "198.51.100.4", ExtendedProperties: [{ Name: "UserAgent", Value: "curl" }, { Name: "RequestType", Value: "OAuth2:Token" }] },
    { format: "o365", sourcetype: "o365:management:activity", time: T, fields: { UserAgent: "curl", RequestType: "OAuth2:Token", RecordType: "15" }, datasets: { "Authentication.Successful_Authentication": { user: "bob@corp.example", src: "198.51.100.4" } } }],
  ["Azure AD sign-in", { time: "2024-05-01T12:00:00Z", resourceId: "/tenants/t/providers/Microsoft.aadiam", operationName: "Sign-in activity", category: "SignInLogs", tenantId: "t", callerIpAddress: "198.51.100.4", properties: { userPrincipalName: "bob@corp.example", status: { errorCode: 50126 } } },
    { format: "azure-aad", sourcetype: "azure:monitor:aad", time: T, datasets: { "Authentication.Failed_Authentication": { user: "bob@corp.example", action: "failure" } } }],
  ["Okta session start", { uuid: "u", published: "2024-05-01T12:00:00.000Z", eventType: "user.session.start", actor: { alternateId: "bob@corp.example", type: "User" }, client: { ipAddress: "198.51.100.4" }, outcome: { result: "SUCCESS" } },
    { format: "okta", sourcetype: "OktaIM2:log", time: T, datasets: { "Authentication.Successful_Authentication": { user: "bob@corp.example", src: "198.51.100.4" } } }],
  ["GCP audit log", { protoPayload: { methodName: "SetIamPolicy", authenticationInfo: { principalEmail: "bob@corp.example" } }, insertId: "i", logName: "projects/p/logs/cloudaudit.googleapis.com%2Factivity", timestamp: "2024-05-01T12:00:00Z" },
    { format: "gcp-audit", sourcetype: "google:gcp:pubsub:message", time: T, fields: { "protoPayload.authenticationInfo.principalEmail": "bob@corp.example" } }],
  ["Kubernetes audit", { kind: "Event", apiVersion: "audit.k8s.io/v1", auditID: "a", verb: "create", user: { username: "u", groups: ["system:authenticated"] }, sourceIPs: ["198.51.100.4"], requestReceivedTimestamp: "2024-05-01T12:00:00.000000Z" },
    { format: "k8s-audit", sourcetype: "_json", time: T, fields: { "sourceIPs{}": "198.51.100.4", "user.groups{}": "system:authenticated" } }],
  ["Google Workspace login", { kind: "admin#reports#activity", id: { time: "2024-05-01T12:00:00.000Z", applicationName: "login" }, actor: { email: "bob@corp.example" }, events: [{ type: "login", name: "login_failure" }] },
    { format: "gws-reports", sourcetype: "gws:reports:admin", time: T, fields: { "events{}.name": "login_failure" } }],
  ["CrowdStrike ProcessRollup2", { event_simpleName: "ProcessRollup2", aid: "a", timestamp: String(T * 1000), CommandLine: "cmd.exe /c whoami", ImageFileName: "\\Device\\HarddiskVolume2\\Windows\\System32\\cmd.exe", ParentBaseFileName: "explorer.exe", RawProcessId: "42", UserSid: "S-1-5-21-1", ComputerName: "ws01" },
    { format: "crowdstrike-fdr", sourcetype: "crowdstrike:events:sensor", time: T, datasets: { "Endpoint.Processes": { process: "cmd.exe /c whoami", process_name: "cmd.exe", parent_process_name: "explorer.exe", user: "S-1-5-21-1", process_id: "42" } } }],
  ["Suricata alert", { timestamp: "2024-05-01T12:00:00.000000+0000", flow_id: 1, event_type: "alert", src_ip: "10.0.0.5", dest_ip: "203.0.113.7", alert: { signature: "ET x" } },
    { format: "suricata-eve", sourcetype: "suricata", time: T, fields: { "alert.signature": "ET x", flow_id: "1" } }],
  ["Splunk Stream HTTP", { timestamp: "2024-05-01T12:00:00.000000Z", src_ip: "10.0.0.5", dest_ip: "203.0.113.7", http_method: "POST", bytes_in: 10, url: "http://x/mgmt/tm/util/bash", status: 200 },
    { format: "stream-http", sourcetype: "stream:http", time: T, datasets: { "Web.Web": { http_method: "POST", url: "http://x/mgmt/tm/util/bash", status: "200" } } }],
  ["Defender advanced hunting", { time: "2024-05-01T12:00:00Z", operationName: "Publish", category: "AdvancedHunting-AlertEvidence", properties: { Timestamp: "2024-05-01T12:00:00Z", AlertId: "da1", Title: "x", SHA1: null } },
    { format: "defender-hunting", sourcetype: "mscs:azure:eventhub:defender:advancedhunting", time: T, fields: { AlertId: "da1", "properties.AlertId": "da1", SHA1: "null" } }],
];

test("cloud JSON families: format, sourcetype, _time, flattened fields, datasets", () => {
  for (const [name, obj, want] of CASES) {
    const r = parseEvents(JSON.stringify(obj));
    assert.deepEqual(r.problems, [], name);
    const e = r.events[0]!;
    assert.equal(e.format, want.format, name);
    assert.equal(e.fields["sourcetype"], want.sourcetype, `${name}: sourcetype`);
    if (want.time !== undefined) assert.equal(e.fields["_time"], want.time, `${name}: _time`);
    for (const [k, v] of Object.entries(want.fields ?? {})) assert.deepEqual(e.fields[k], v, `${name}: ${k}`);
    for (const [ds, fields] of Object.entries(want.datasets ?? {})) for (const [k, v] of Object.entries(fields)) assert.deepEqual(e.datasets[ds]?.[k], v, `${name}: ${ds}.${k}`);
  }
});

test("flattening as Splunk names JSON fields", () => {
  const cases: [unknown, Record<string, string[]>][] = [
    [{ a: { b: { c: 1 } } }, { "a.b.c": ["1"] }],
    [{ a: [1, 2] }, { "a{}": ["1", "2"] }],
    [{ a: [{ b: "x" }, { b: "y", c: true }] }, { "a{}.b": ["x", "y"], "a{}.c": ["true"] }],
    [{ a: [[1], [2]] }, { "a{}{}": ["1", "2"] }],
    [{ a: null, b: "", c: {} }, { a: ["null"], b: [""] }],
  ];
  for (const [value, want] of cases) assert.deepEqual(Object.fromEntries(flattenJson(value).fields), want, JSON.stringify(value));
});

test("other JSON: recognised by the names it shares with a data source's example", () => {
  const specs: DataSourceSpec[] = [
    { name: "CircleCI", source: "circleci", sourcetype: "circleci", fields: ["job_name", "build_num"], exampleLog: '{"job_name": "a", "build_num": 1, "reponame": "r", "status": "success", "workflows": {"job_id": "j"}}' },
    { name: "PingID", source: "XmlWinEventLog:Security", sourcetype: "XmlWinEventLog", fields: [], exampleLog: '{"source":"PINGID","id":"x","recorded":"2023-10-05T14:10:53.538Z","actors":[{"type":"user","name":"u"}],"result":{"status":"SUCCESS"}}' },
  ];
  const circle = parseEvents('{"job_name": "deploy", "build_num": 7, "reponame": "x", "status": "failed", "workflows": {"job_id": "k"}}', { dataSources: specs }).events[0]!;
  assert.equal(circle.format, "json");
  assert.equal(circle.dataSource, "CircleCI");
  assert.equal(circle.fields["sourcetype"], "circleci", "the data source's sourcetype");
  assert.equal(circle.fields["workflows.job_id"], "k");
  const other = parseEvents('{"totally": "different", "shape": 1}', { dataSources: specs }).events[0]!;
  assert.equal(other.dataSource, null);
  assert.equal(other.fields["sourcetype"], undefined);
  const ping = parseEvents('{"source":"PINGID","id":"y","recorded":"2024-01-01T00:00:00Z","actors":[{"type":"user","name":"v"}],"result":{"status":"FAILED"}}', { dataSources: specs }).events[0]!;
  assert.equal(ping.dataSource, "PingID");
  assert.deepEqual(ping.fields["actors{}.name"], "v");
});
