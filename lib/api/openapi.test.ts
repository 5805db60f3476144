/** public/openapi.json describes the routes and the limits the code enforces. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { LIMITS } from "./limits";

test("openapi.json: OpenAPI 3.1, the four routes, and the documented limits", () => {
  const spec = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../public/openapi.json"), "utf8"));
  assert.equal(spec.openapi, "3.1.0");
  assert.deepEqual(Object.keys(spec.paths).sort(), ["/api/analytics", "/api/analytics/{id}", "/api/events", "/api/match"]);
  assert.equal(spec.components.schemas.EventsResponse.properties.events.maxItems, LIMITS.maxEvents);
  const req = spec.components.schemas.MatchRequest.properties;
  assert.equal(req.events.maxItems, LIMITS.maxEvents);
  assert.equal(req.analytics.maxItems, LIMITS.maxAnalyticNames);
  assert.equal(spec.components.schemas.Event.oneOf[0].maxLength, LIMITS.maxStringLength);
  assert.deepEqual(Object.keys(spec.paths["/api/match"].post.responses).sort(), ["200", "400", "404", "405", "413", "422", "500", "503"]);
});
