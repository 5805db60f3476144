import { test } from "node:test";
import assert from "node:assert/strict";
import { messageFields, messageParts, renderRiskMessage } from "./message";

const seed2 = "An instance of $parent_process_name$ spawning $process_name$ was identified on endpoint $dest$ by user $user$ attempting to move laterally.";

test("fills every token from the row", () => {
  const row = { parent_process_name: "cmd.exe", process_name: "remcom.exe", dest: "win-01", user: "alice" };
  const { text, parts } = renderRiskMessage(seed2, row);
  assert.equal(text, "An instance of cmd.exe spawning remcom.exe was identified on endpoint win-01 by user alice attempting to move laterally.");
  assert.deepEqual(parts.filter((p) => p.field).map((p) => [p.field, p.text]), [["parent_process_name", "cmd.exe"], ["process_name", "remcom.exe"], ["dest", "win-01"], ["user", "alice"]]);
  assert.ok(parts.every((p) => !p.missing));
});

test("missing and empty fields stay visible and are flagged", () => {
  const { text, parts } = renderRiskMessage("on $dest$ by $user$", { dest: "" });
  assert.equal(text, "on $dest$ by $user$");
  assert.deepEqual(parts.filter((p) => p.missing).map((p) => p.field), ["dest", "user"]);
});

test("multivalue fields: newline-joined by default, separator configurable", () => {
  // Whether ES joins multivalue tokens in risk_message with a newline or otherwise could not be
  // confirmed in Splunk's docs; the default matches how a multivalue field prints in results.
  const row = { user: ["alice", "bob"], count: 3 };
  assert.equal(renderRiskMessage("$user$ ($count$)", row).text, "alice\nbob (3)");
  assert.equal(renderRiskMessage("$user$", row, { mvSeparator: ", " }).text, "alice, bob");
  assert.equal(renderRiskMessage("$user$", { user: [] }).parts[0]?.missing, true);
});

test("plain dollars, adjacent tokens, no tokens", () => {
  assert.equal(renderRiskMessage("cost $5 and $a$$b$", { a: "1", b: "2" }).text, "cost $5 and 12");
  assert.deepEqual(renderRiskMessage("nothing here", {}).parts, [{ text: "nothing here" }]);
  assert.deepEqual(renderRiskMessage("", {}).parts, []);
  assert.equal(renderRiskMessage("$toString$", {}).parts[0]?.missing, true);
});

test("messageFields", () => {
  assert.deepEqual(messageFields(seed2), ["parent_process_name", "process_name", "dest", "user"]);
  assert.deepEqual(messageFields("$dest$ $dest$"), ["dest"]);
});

test("message parts mark $field$ tokens with the same tokenizer as rendering", () => {
  assert.deepEqual(messageParts("An instance of $parent_process_name$ on $dest$."), [
    { text: "An instance of " },
    { text: "$parent_process_name$", field: "parent_process_name", missing: true },
    { text: " on " },
    { text: "$dest$", field: "dest", missing: true },
    { text: "." },
  ]);
  assert.deepEqual(messageParts("costs $5 and $"), [{ text: "costs $5 and $" }]);
  // Splunk's JSON-array field names (`a{}.b`) are tokens too.
  assert.deepEqual(messageParts("user $userIdentity.sessionContext{}.arn$").map((p) => p.field), [undefined, "userIdentity.sessionContext{}.arn"]);
});
