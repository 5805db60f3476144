import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_MAX_BYTES } from "../events/index";
import { MAX_LINK_BYTES, base64urlToBytes, bytesToBase64url, decodeState, encodePlain, encodeState, type TesterState } from "./permalink";

const SMBEXEC = String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat`;

const STATES: [string, TesterState][] = [
  ["empty input", { input: "" }],
  ["command line with analytic", { input: SMBEXEC, analytic: "bb3c1bac-6bdf-4aa0-8dc9-068b8b712a76" }],
  ["unicode and edits", { input: "näive ☃ \u{1F600}\nline 2", edits: { "0": { user: "CORP\\bob", dest: "ws1" } } }],
  ["data-source picks", { input: "a\nb", picks: { "1": "Sysmon EventID 1" } }],
  ["large repetitive input", { input: "cmd.exe /c whoami\n".repeat(5000) }],
];

for (const compress of [true, false]) {
  for (const [name, state] of STATES) {
    test(`round trip (${compress ? "deflate-raw" : "plain"}): ${name}`, async () => {
      const hash = await encodeState(state, { compress });
      assert.match(hash, compress ? /^t=z[A-Za-z0-9_-]*$/ : /^t=p[A-Za-z0-9_-]*$/);
      const back = await decodeState(`#${hash}`);
      assert.deepEqual(back, { ok: true, state });
    });
  }
}

test("compression shrinks repetitive input", async () => {
  const state = { input: "cmd.exe /c whoami\n".repeat(5000) };
  const z = await encodeState(state);
  const p = await encodeState(state, { compress: false });
  assert.ok(z.length * 20 < p.length, `${z.length} vs ${p.length}`);
});

test("empty edits are dropped", async () => {
  const hash = await encodeState({ input: "x", analytic: "", edits: { "0": {} } }, { compress: false });
  assert.deepEqual(await decodeState(hash), { ok: true, state: { input: "x" } });
});

const BAD: [string, string, RegExp][] = [
  ["no hash", "", /no test/],
  ["other hash", "#live-test", /no test/],
  ["not base64url", "#t=p!!!", /base64url/],
  ["unknown kind", "#t=qAAAA", /unknown link format/],
  ["not JSON", `#t=p${bytesToBase64url(new TextEncoder().encode("{nope"))}`, /not JSON/],
  ["no input", `#t=p${bytesToBase64url(new TextEncoder().encode('{"analytic":"x"}'))}`, /no input/],
  ["array", `#t=p${bytesToBase64url(new TextEncoder().encode("[1]"))}`, /does not hold/],
  ["bad deflate", "#t=z_____", /cannot decompress|damaged/],
];
for (const [name, hash, error] of BAD) {
  test(`bad link: ${name}`, async () => {
    const r = await decodeState(hash);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.error, error);
  });
}

test("base64url bytes round trip, every byte value", () => {
  const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
  assert.deepEqual(base64urlToBytes(bytesToBase64url(bytes)), bytes);
});

test("edits with odd keys are filtered on decode", async () => {
  const json = JSON.stringify({ input: "a", edits: { "0": { user: "u", n: 5 }, x: { user: "v" } } });
  const r = await decodeState(`t=p${bytesToBase64url(new TextEncoder().encode(json))}`);
  assert.deepEqual(r, { ok: true, state: { input: "a", edits: { "0": { user: "u" } } } });
});

test("a permalink bomb stops at the paste limit with a clear message (issue 14, item 10)", async () => {
  // 24 MB of input compresses to a few KB; before the cap it was inflated whole (400 MB from 531 KB).
  const bomb = await encodeState({ input: "a".repeat(24 * 1024 * 1024) });
  assert.ok(bomb.startsWith("t=z") && bomb.length < 200_000, String(bomb.length));
  const r = await decodeState(bomb);
  assert.deepEqual(r, { ok: false, error: `the test in the link is larger than ${MAX_LINK_BYTES / (1024 * 1024)} MB, the paste limit` });
  // The plain form is held to the same limit; just under it still restores.
  assert.equal((await decodeState(await encodeState({ input: "b".repeat(MAX_LINK_BYTES) }, { compress: false }))).ok, false);
  const fits = await decodeState(await encodeState({ input: "c".repeat(MAX_LINK_BYTES - 100) }));
  assert.ok(fits.ok && fits.state.input.length === MAX_LINK_BYTES - 100);
});

test("MAX_LINK_BYTES is the paste limit", () => {
  assert.equal(MAX_LINK_BYTES, DEFAULT_MAX_BYTES);
});

test("encodePlain: the plain link at once (the evasion lab's rows), read back by decodeState", async () => {
  const state = { input: "cmd.exe /c e^cho \\\\localhost\\C$\tx \u0441md.exe", analytic: "a-b" };
  const hash = encodePlain(state);
  assert.match(hash, /^t=p[A-Za-z0-9_-]+$/);
  assert.deepEqual(await decodeState(`#${hash}`), { ok: true, state });
  assert.equal(hash, await encodeState(state, { compress: false }));
});

test("picks with odd keys or values are filtered on decode", async () => {
  const json = JSON.stringify({ input: "a", picks: { "0": "Sysmon EventID 1", x: "y", "1": 5, "2": "" } });
  const r = await decodeState(`#t=p${bytesToBase64url(new TextEncoder().encode(json))}`);
  assert.deepEqual(r, { ok: true, state: { input: "a", picks: { "0": "Sysmon EventID 1" } } });
});
