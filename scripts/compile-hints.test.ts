import assert from "node:assert/strict";
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { SourceMap } from "../bench/source-map";
import { addCompileHints, COMPILE_HINT, shiftSourceMap, withCompileHint } from "./compile-hints";

test("withCompileHint puts the hint on the first line once", () => {
  const cases: [string, string][] = [
    ["a();", `${COMPILE_HINT}\na();`],
    ["", `${COMPILE_HINT}\n`],
    [`${COMPILE_HINT}\na();`, `${COMPILE_HINT}\na();`],
    // Anywhere but the first line it is not the hint V8 reads, so it is added.
    [`a();\n${COMPILE_HINT}\n`, `${COMPILE_HINT}\na();\n${COMPILE_HINT}\n`],
  ];
  for (const [source, want] of cases) assert.equal(withCompileHint(source), want, JSON.stringify(source));
});

test("shiftSourceMap moves every mapping one generated line down, plain and index maps", () => {
  const plain = { version: 3, sources: ["a.ts", "b.ts"], mappings: "AAAA,UCEA;IAClB" };
  const index = {
    version: 3,
    sections: [
      { offset: { line: 0, column: 0 }, map: { version: 3, sources: ["x.ts"], mappings: "AAAA" } },
      { offset: { line: 2, column: 5 }, map: { version: 3, sources: ["y.ts"], mappings: "AACA" } },
    ],
  };
  const probes: [number, number][] = [[0, 0], [0, 9], [0, 10], [1, 4], [2, 0], [2, 5], [2, 50]];
  for (const raw of [plain, index]) {
    const before = new SourceMap(raw);
    const after = new SourceMap(JSON.parse(shiftSourceMap(JSON.stringify(raw))));
    assert.equal(after.lookup(0, 0), undefined, "the hint's own line maps nowhere");
    for (const [line, column] of probes) assert.deepEqual(after.lookup(line + 1, column), before.lookup(line, column), `${line}:${column}`);
  }
  assert.throws(() => shiftSourceMap("{}"), /not a source map/);
});

test("addCompileHints marks every chunk but the polyfills, shifts maps, writes new files, and is idempotent", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "hints-"));
  try {
    const chunks = path.join(dir, "static/chunks");
    mkdirSync(path.join(chunks, "app"), { recursive: true });
    writeFileSync(path.join(dir, "build-manifest.json"), JSON.stringify({ polyfillFiles: ["static/chunks/poly.js"] }));
    writeFileSync(path.join(chunks, "poly.js"), "legacy();");
    // Turbopack names a chunk's map with a hash of its own: the comment says which file it is.
    writeFileSync(path.join(chunks, "main.js"), "boot();\n//# sourceMappingURL=x1y2.js.map");
    writeFileSync(path.join(chunks, "x1y2.js.map"), JSON.stringify({ version: 3, sources: ["m.ts"], mappings: "AAAA" }));
    writeFileSync(path.join(chunks, "main.js.map"), "not this one");
    writeFileSync(path.join(chunks, "data.js"), "x();\n//# sourceMappingURL=data:application/json;base64,e30=");
    writeFileSync(path.join(chunks, "app/page.js"), "page();");
    writeFileSync(path.join(chunks, "style.css"), "a{}");
    // A hard link elsewhere (a worktree's copy) must keep what it had.
    linkSync(path.join(chunks, "app/page.js"), path.join(dir, "linked.js"));

    assert.deepEqual(addCompileHints(dir), { hinted: 3, maps: 1, skipped: 1 });
    const read = (f: string) => readFileSync(path.join(dir, f), "utf8");
    assert.equal(read("static/chunks/poly.js"), "legacy();");
    assert.equal(read("static/chunks/main.js"), `${COMPILE_HINT}\nboot();\n//# sourceMappingURL=x1y2.js.map`);
    assert.equal(read("static/chunks/main.js.map"), "not this one");
    assert.equal(read("static/chunks/app/page.js"), `${COMPILE_HINT}\npage();`);
    assert.equal(read("static/chunks/style.css"), "a{}");
    assert.equal(JSON.parse(read("static/chunks/x1y2.js.map")).mappings, ";AAAA");
    assert.equal(read("linked.js"), "page();");

    assert.deepEqual(addCompileHints(dir), { hinted: 0, maps: 0, skipped: 1 }, "a second run changes nothing");
    assert.equal(JSON.parse(read("static/chunks/x1y2.js.map")).mappings, ";AAAA");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
