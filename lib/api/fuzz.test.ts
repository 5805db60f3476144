/**
 * Property tests of the exported API handlers with random bodies: never throws, always JSON,
 * only documented statuses, and a 200 always has one result per (event, analytic).
 */
import { decodeSegment } from "../catalog/decode-segment";
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { handleAnalyticOne } from "./analytics";
import { handleMatch } from "./match";
import { builtInCatalog, inProcessDeps, post } from "./test-helpers";

const deps = inProcessDeps();
const STATUSES = new Set([200, 400, 404, 413]);

const cimKey = fc.constantFrom("process", "process_name", "Processes.process", "original_file_name", "Image", "CommandLine", "EventID", "user", "dest", "parent_process_name", "x");
const event = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom("cmd.exe /Q /c echo cd ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > C:\\Windows\\abcdefgh.bat", "RemCom.exe \\\\h /user:a /pwd:b x"),
  fc.dictionary(cimKey, fc.oneof(fc.string({ maxLength: 80 }), fc.integer(), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), fc.constant(null)), { maxKeys: 6 }),
  fc.jsonValue({ maxDepth: 3 }),
);
const body = fc.oneof(
  fc.record({ events: fc.array(event, { maxLength: 8 }), analytics: fc.option(fc.array(fc.oneof(fc.constantFrom("windows_lateral_tool_transfer_remcom", "bb3c1bac-6bdf-4aa0-8dc9-068b8b712a76"), fc.string({ maxLength: 12 }), fc.integer()), { maxLength: 3 }), { nil: undefined }) }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

async function check(r: Response): Promise<any> {
  assert.ok(STATUSES.has(r.status), `status ${r.status}`);
  const j = await r.json();
  if (r.status !== 200) assert.deepEqual(Object.keys(j), ["error"]);
  return j;
}

test("property: POST /api/match answers JSON with a documented status for any JSON body", async () => {
  const catalog = await builtInCatalog();
  await fc.assert(
    fc.asyncProperty(body, fc.constantFrom("?pairs=all", "?explain=1&pairs=all", "?explain=x&pairs=all"), async (b, q) => {
      const r = await handleMatch(post(JSON.stringify(b), { query: q }), deps);
      const j = await check(r);
      if (r.status === 200) {
        const events = (b as { events: unknown[] }).events.length;
        const named = (b as { analytics?: unknown[] }).analytics;
        const width = named && named.length > 0 ? new Set(named.map(String).map((s) => s.toLowerCase())).size : catalog.analytics.length;
        assert.equal(j.results.length, events * width);
        for (const x of j.results) assert.ok(["match", "no_match", "not_testable"].includes(x.verdict));
      }
    }),
    { numRuns: 300 },
  );
});

test("property: arbitrary bytes as the body never crash the handler", async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
      const r = await handleMatch(post(new Uint8Array(bytes)), deps);
      await check(r);
    }),
    { numRuns: 300 },
  );
});

test("property: GET /api/analytics/<anything> is 200 or 404 JSON, 400 for malformed percent-encoding", async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom("%ZZ", "%", "%FF", "%C0%AF", "a%2")), async (key) => {
      const r = await handleAnalyticOne(key, deps);
      assert.equal(r.status === 400, decodeSegment(key) === undefined, key);
      assert.ok(r.status === 200 || r.status === 400 || r.status === 404);
      await r.json();
    }),
    { numRuns: 200 },
  );
});
