import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { detectFormat, eventFromCim, parseEvents, withEdits, type ParseEventsResult } from "./index";
import { SYSMON_XML } from "./fixtures.test-data";

/** Loose timing: logged, never asserted. */
function timed<T>(label: string, f: () => T): T {
  const t0 = performance.now();
  const out = f();
  console.log(`# ${label}: ${(performance.now() - t0).toFixed(0)} ms`);
  return out;
}

function assertWellFormed(r: ParseEventsResult): void {
  assert.ok(Array.isArray(r.events) && Array.isArray(r.problems));
  r.events.forEach((e, i) => {
    assert.equal(e.index, i);
    assert.ok(Number.isInteger(e.line) && e.line >= 1);
    assert.equal(typeof e.datasets, "object");
    assert.ok(Array.isArray(e.unknown) && Array.isArray(e.candidates));
    assert.ok(e.text.length <= 65536);
    for (const [k, v] of Object.entries(e.fields)) {
      assert.equal(typeof e.provenance[k]?.origin, "string", `provenance of ${k}`);
      const ok =
        typeof v === "string" ||
        (typeof v === "number" && Number.isFinite(v)) ||
        (Array.isArray(v) && v.every((x) => typeof x === "string"));
      assert.ok(ok, `bad field value ${String(v)}`);
    }
  });
  for (const p of r.problems) assert.ok(Number.isInteger(p.line) && p.line >= 1 && typeof p.message === "string");
}

test("a paste over maxBytes is cut at a line break with a clear note", () => {
  const line = "cmd.exe /c echo 0123456789abcdef0123456789abcdef\n";
  const big = line.repeat(Math.ceil((11 * 1024 * 1024) / line.length));
  const r = timed("11 MB of command lines", () => parseEvents(big, { maxEvents: 1_000_000 }));
  assertWellFormed(r);
  assert.match(r.truncated ?? "", /larger than 10\.0 MB: only lines 1–\d+ were read/);
  assert.ok(r.events.length > 200_000 && r.events.length < big.length / line.length);
  assert.equal(r.events.at(-1)?.fields["process"], line.trimEnd());
  // "a.exe\nb." fits in 8 bytes: the partial line is dropped; 11 bytes end exactly at a line break.
  const cut8 = parseEvents("a.exe\nb.exe\nc.exe\n", { maxBytes: 8 });
  assert.deepEqual(cut8.events.map((e) => e.fields["process"]), ["a.exe"]);
  assert.match(cut8.truncated ?? "", /only lines 1–1/);
  const cut11 = parseEvents("a.exe\nb.exe\nc.exe\n", { maxBytes: 11 });
  assert.deepEqual(cut11.events.map((e) => e.fields["process"]), ["a.exe", "b.exe"]);
  // Multi-byte characters count as their UTF-8 size (é is 2 bytes).
  assert.equal(parseEvents("é.exe\nb.exe", { maxBytes: 7 }).events.length, 1);
});

test("maxEvents stops reading with a note (default 10,000)", () => {
  const r = timed("20,000 lines", () => parseEvents("whoami.exe\n".repeat(20_000)));
  assert.equal(r.events.length, 10_000);
  assert.match(r.truncated ?? "", /stopped after 10000 events: line 10001/);
  const json = parseEvents('{"process":"a"}\n'.repeat(5), { maxEvents: 2 });
  assert.equal(json.events.length, 2);
  assert.match(json.truncated ?? "", /line 3/);
});

test("binary junk: a problem per bad line, valid lines kept", () => {
  const text = ["cmd.exe /c ok", "\u0000\u0001bin\u0000", "bad \uD800 surrogate", "esc \u001b[31m", "net.exe user", "good \uD83D\uDE00 emoji.exe"].join("\n");
  const r = parseEvents(text);
  assertWellFormed(r);
  assert.deepEqual(r.events.map((e) => e.line), [1, 5, 6]);
  assert.deepEqual(r.problems.map((p) => p.line), [2, 3, 4]);
  assert.match(r.problems[0]?.message ?? "", /NUL/);
  assert.match(r.problems[1]?.message ?? "", /surrogate/);
  assert.match(r.problems[2]?.message ?? "", /U\+001B/);
});

test("many bad lines: problems are capped and summarised", () => {
  const r = timed("5,000 junk lines", () => parseEvents("\u0000\n".repeat(5000) + "ok.exe"));
  assert.equal(r.events.length, 1);
  assert.equal(r.problems.length, 1001);
  assert.match(r.problems.at(-1)?.message ?? "", /4000 more problem/);
});

test("UTF-16 read as bytes: NULs removed and the text read", () => {
  const utf16ish = "\uFFFD\uFFFD" + [...'{"process_name":"a.exe"}'].map((c) => `${c}\u0000`).join("");
  const r = parseEvents(utf16ish);
  assert.equal(r.events[0]?.fields["process_name"], "a.exe");
  assert.match(r.problems[0]?.message ?? "", /UTF-16/);
});

test("large and pathological inputs finish", () => {
  const cases: [string, string][] = [
    ["10,000 Sysmon XML events", `<Events>${SYSMON_XML.repeat(10_000)}</Events>`],
    ["JSON Lines of 20,000 objects", '{"process_name":"a.exe","user":"u"}\n'.repeat(20_000)],
    ["CSV of 20,000 rows", "process_name,process\n" + 'a.exe,"a.exe -x ""y"""\n'.repeat(20_000)],
    ["deeply nested JSON", "[".repeat(200_000) + "]".repeat(200_000)],
    ["deeply nested XML", "<a>".repeat(200_000)],
    ["unterminated JSON string", '{"process": "' + "x".repeat(1_000_000)],
    ["unmatched end tags", "<Event>" + "</z>".repeat(100_000)],
    ["one 2 MB line", "x".repeat(2_000_000)],
    ["quotes everywhere", '"'.repeat(500_000)],
    ["open brackets", "{".repeat(500_000)],
    ["lone CRs", "a.exe\r".repeat(50_000)],
    // Both were quadratic: a key=value scan backtracking over one long word, a repeated key copying its values.
    ["one 64 KB word", "x".repeat(65_000)],
    ["16,000 repeats of one key", "a=b ".repeat(16_000)],
    ["key=value lines with commas", "a, b=".repeat(13_000)],
  ];
  for (const [name, text] of cases) {
    const r = timed(name, () => parseEvents(text));
    assertWellFormed(r);
    detectFormat(text);
  }
});

test("property: parseEvents never throws and returns well-formed events", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 400 }), (s) => {
      assertWellFormed(parseEvents(s));
      detectFormat(s);
    }),
    { numRuns: 400 },
  );
  const pieces = fc.constantFrom("{", "}", "[", "]", '"', ",", ":", "\n", "\r\n", "<Event>", "</Event>", "<Data Name='Image'>", "</Data>", "<EventID>1</EventID>", "&amp;", "&#x0;", "process_name", "Image", "cmd.exe /c x", "C:\\a\\b.exe", "\u0000", "\uD800", "Processes.process", " ", "\t", "1", "null", "4688");
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
      const s = parts.join("");
      for (const format of ["auto", "csv", "cim-json", "sysmon-xml", "command-line"] as const) {
        assertWellFormed(parseEvents(s, { format }));
      }
    }),
    { numRuns: 400 },
  );
});

test("property: eventFromCim and withEdits never throw on arbitrary JSON values", () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.dictionary(fc.string(), fc.string()), (v, edits) => {
      const e = eventFromCim(v as Record<string, unknown>);
      if (!("problem" in e)) assertWellFormed({ format: "cim-json", events: [withEdits(e, edits)], problems: [] });
    }),
    { numRuns: 300 },
  );
});

test("hostile inputs to the public functions do not throw", () => {
  assert.equal(parseEvents(undefined as unknown as string).events.length, 0);
  assert.equal(parseEvents(42 as unknown as string).problems.length, 1);
  assert.equal(parseEvents("a.exe", { maxEvents: -1, maxBytes: Number.NaN }).events.length, 1);
  assert.ok("problem" in eventFromCim(undefined as unknown as Record<string, unknown>));
  const proto = eventFromCim(JSON.parse('{"__proto__": {"x": 1}, "process_name": "a.exe"}') as Record<string, unknown>);
  assert.ok(!("problem" in proto));
  assert.equal(Object.getPrototypeOf(proto.fields), Object.prototype);
  // Keys named like Object.prototype members are ordinary keys (found by fast-check).
  const e = eventFromCim({ process: "a.exe", toString: "x", constructor: "y" });
  assert.ok(!("problem" in e));
  const edited = withEdits(e, { toString: "", valueOf: "v", hasOwnProperty: "h" });
  assert.equal(edited.fields["valueOf"], "v");
  assert.equal(edited.provenance["hasOwnProperty"]?.origin, "edited");
  assert.ok("problem" in eventFromCim("   " as unknown as Record<string, unknown>));
});
