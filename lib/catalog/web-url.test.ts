import { test } from "node:test";
import assert from "node:assert/strict";
import { webUrl } from "./web-url";

test("webUrl: only absolute http(s) URLs become links", () => {
  const cases: Array<[string, string | undefined]> = [
    ["https://media.githubusercontent.com/media/splunk/attack_data/master/x.log", "https://media.githubusercontent.com/media/splunk/attack_data/master/x.log"],
    ["HTTP://Example.com/a b", "http://example.com/a%20b"],
    ["  https://example.com/  ", "https://example.com/"],
    ["data:text/html,<script>alert(1)</script>", undefined],
    ["javascript:alert(1)", undefined],
    ["JaVaScRiPt:alert(1)", undefined],
    ["file:///etc/passwd", undefined],
    ["//evil.example/x", undefined],
    ["attack_data/x.log", undefined],
    ["https://", undefined],
  ];
  for (const [text, want] of cases) assert.equal(webUrl(text), want, text);
});
