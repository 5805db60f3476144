/**
 * The arrows allowed between folders (docs/architecture.md), checked on every `npm test`:
 * - the engine and the event readers (lib/spl, lib/events, lib/detection, lib/cim, lib/engine) run
 *   in the browser worker too: no Node built-ins, no pages, no components, no lib/content;
 * - lib/events never imports lib/spl (events are read without knowing any rule language);
 * - lib/detection and lib/cim import nothing else of the project;
 * - nothing in lib/ imports app/ or components/;
 * - no cycle between lib/ folders.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { builtinModules } from "node:module";
import { folderCycles, folderGraph, folderOf, importsOf, productSources, ROOT, shippedLinesMatching, type ImportEdge } from "./import-graph";

const edges: ImportEdge[] = productSources().flatMap(importsOf);
const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const PURE = ["lib/spl", "lib/events", "lib/detection", "lib/cim", "lib/engine"];

const show = (e: ImportEdge) => `${e.from}:${e.line} imports ${e.to}`;
/** Tests may read files and the content; the rules are about what ships. */
const shipped = (e: ImportEdge) => !/\.test\.tsx?$/.test(e.from) && !e.from.includes("test-fixtures");

function violations(pred: (e: ImportEdge) => boolean): string[] {
  return edges.filter((e) => shipped(e) && pred(e)).map(show);
}

test("the engine and event readers import no Node built-in, page, component or lib/content", () => {
  const bad = violations((e) => PURE.includes(folderOf(e.from)) && (NODE.has(e.to) || e.to.startsWith("app/") || e.to.startsWith("components/") || folderOf(e.to) === "lib/content"));
  assert.deepEqual(bad, []);
});

test("lib/events does not import lib/spl", () => {
  assert.deepEqual(violations((e) => folderOf(e.from) === "lib/events" && folderOf(e.to) === "lib/spl"), []);
});

test("lib/detection and lib/cim import nothing else of the project", () => {
  const bad = violations((e) => ["lib/detection", "lib/cim"].includes(folderOf(e.from)) && /^(lib|app|components|bin)\//.test(e.to) && folderOf(e.to) !== folderOf(e.from));
  assert.deepEqual(bad, []);
});

test("nothing in lib/ imports a page or a component", () => {
  assert.deepEqual(violations((e) => e.from.startsWith("lib/") && (e.to.startsWith("app/") || e.to.startsWith("components/"))), []);
});

test("no cycle between lib/ folders", () => {
  const cycles = folderCycles(folderGraph(edges.filter(shipped))).map((c) => c.join(" → "));
  assert.deepEqual(cycles, []);
});

test("the rules see real imports (the checker itself works)", () => {
  assert.ok(edges.some((e) => e.from === "lib/engine/index.ts" && e.to === "lib/spl/language"), "lib/engine imports lib/spl/language");
  assert.equal(folderOf("lib/spl/commands/tstats"), "lib/spl");
  const g = new Map([["a", new Map([["b", edges[0]!]])], ["b", new Map([["a", edges[0]!]])]]);
  assert.equal(folderCycles(g).length > 0, true);
});

test("pages and components link through components/ui/Link (no prefetch of every link in view)", () => {
  const bad = violations((e) => e.to === "next/link" && e.from !== "components/ui/Link.tsx");
  assert.deepEqual(bad, []);
});

test("shippedLinesMatching leaves out tests, and the files and folders (trailing slash) it is told to", () => {
  const all = shippedLinesMatching(/\bimport\b/);
  assert.ok(all.some((l) => l.startsWith("bin/")) && all.some((l) => l.startsWith("lib/export/markdown.ts:")));
  assert.ok(!all.some((l) => /\.test\.tsx?:/.test(l)));
  const fewer = shippedLinesMatching(/\bimport\b/, ["bin/", "lib/export/markdown.ts"]);
  assert.ok(!fewer.some((l) => l.startsWith("bin/") || l.startsWith("lib/export/markdown.ts:")));
  assert.equal(fewer.length, all.filter((l) => !l.startsWith("bin/") && !l.startsWith("lib/export/markdown.ts:")).length);
});
