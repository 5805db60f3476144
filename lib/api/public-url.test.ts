import { test } from "node:test";
import assert from "node:assert/strict";
import { publicBaseUrl } from "./public-url";

test("publicBaseUrl: http(s) PUBLIC_URL without a trailing slash; anything else gives no base (no links)", () => {
  const cases: Array<[string | undefined, string | undefined]> = [
    [undefined, undefined],
    ["", undefined],
    ["  ", undefined],
    ["https://console.example.org", "https://console.example.org"],
    ["https://console.example.org/dc/", "https://console.example.org/dc"],
    ["http://127.0.0.1:3000/?q=1#x", "http://127.0.0.1:3000"],
    ["javascript://evil.example/", undefined],
    ["data:text/html,hi", undefined],
    ["https://user:pw@evil.example", undefined],
    ["not a url", undefined],
  ];
  for (const [value, want] of cases) assert.equal(publicBaseUrl(value), want, String(value));
});
