/**
 * An event without a timestamp of its own gets the time it was read (Splunk's index time), once per
 * paste: every analytic asked about it sees the same `_time`, so rows never carry the clock of
 * the moment a verdict was computed (a verdict must not depend on when it is computed).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseEvents } from "./index";

test("events without a timestamp share the paste's read time; events with one keep their own", () => {
  const r = parseEvents('cmd.exe /c whoami\n{"process_name":"a.exe"}\n{"process_name":"b.exe","_time":1600000000}\n', { now: 1_700_000_000.5 });
  assert.deepEqual(r.events.map((e) => e.fields["_time"]), [1_700_000_000.5, 1_700_000_000.5, 1_600_000_000]);
  assert.equal(r.events[0]?.provenance["_time"]?.origin, "derived");
  assert.match(r.events[0]?.provenance["_time"]?.note ?? "", /the time it was read/);
  const clock = parseEvents("a.exe\nb.exe");
  assert.equal(clock.events[0]?.fields["_time"], clock.events[1]?.fields["_time"]);
  assert.ok(Math.abs(Number(clock.events[0]?.fields["_time"]) - Date.now() / 1000) < 3600);
  assert.equal(parseEvents("").events.length, 0);
});
