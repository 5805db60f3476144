/**
 * `top` and `rare` (top.ts), table-driven with the documented examples [V cmd:top, cmd:rare]:
 * `top limit=20 referer`, `top action by referer_domain`, `rare url`, `rare user by host`.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileSearch } from "../index";
import type { RowData } from "../runtime";
import { runCommands } from "./testing";

const web: RowData[] = [
  { referer: "a.com", action: "view", host: "h1", url: "/x", user: "bob" },
  { referer: "b.com", action: "buy", host: "h1", url: "/y", user: "bob" },
  { referer: "a.com", action: "view", host: "h2", url: "/x", user: "eve" },
  { referer: "a.com", action: "buy", host: "h1", url: "/z", user: "eve" },
  { referer: "c.com", action: "view", host: "h2", url: "/x" },
  { action: "view", host: "h2", url: "/x", user: "bob" },
];

const cases: { spl: string; out: RowData[]; why: string }[] = [
  {
    spl: "top limit=20 referer",
    out: [{ referer: "a.com", count: 3, percent: 60 }, { referer: "b.com", count: 1, percent: 20 }, { referer: "c.com", count: 1, percent: 20 }],
    why: "the 20 most common referers (documented); rows without the field are not counted",
  },
  { spl: "top 1 referer", out: [{ referer: "a.com", count: 3, percent: 60 }], why: "top N" },
  {
    spl: "top action by host",
    out: [
      { host: "h1", action: "buy", count: 2, percent: 66.666667 },
      { host: "h1", action: "view", count: 1, percent: 33.333333 },
      { host: "h2", action: "view", count: 3, percent: 100 },
    ],
    why: "top action by referer_domain (documented): per BY group",
  },
  { spl: "top limit=1 useother=true otherstr=rest referer", out: [{ referer: "a.com", count: 3, percent: 60 }, { referer: "rest", count: 2, percent: 40 }], why: "useother/otherstr" },
  { spl: "top referer countfield=n percentfield=p showperc=false limit=1", out: [{ referer: "a.com", n: 3 }], why: "countfield, showperc" },
  { spl: "top showcount=false limit=1 referer", out: [{ referer: "a.com", percent: 60 }], why: "showcount=false" },
  { spl: "rare url", out: [{ url: "/y", count: 1, percent: 16.666667 }, { url: "/z", count: 1, percent: 16.666667 }, { url: "/x", count: 4, percent: 66.666667 }], why: "rare url (documented): least common first" },
  {
    spl: "rare user by host",
    out: [{ host: "h1", user: "eve", count: 1, percent: 33.333333 }, { host: "h1", user: "bob", count: 2, percent: 66.666667 }, { host: "h2", user: "eve", count: 1, percent: 50 }, { host: "h2", user: "bob", count: 1, percent: 50 }],
    why: "rare user by host (documented)",
  },
  { spl: "top user referer limit=2", out: [{ user: "eve", referer: "a.com", count: 2, percent: 50 }, { user: "bob", referer: "a.com", count: 1, percent: 25 }], why: "combinations of several fields; equal counts in first-seen order" },
];

test("top, rare: table", () => {
  for (const c of cases) assert.deepEqual(runCommands(c.spl, web).rows, c.out, `${c.why}: ${c.spl}`);
});

test("top: lineage is the events counted; a tie at the cut is noted", () => {
  const r = runCommands("top 2 referer", web);
  assert.deepEqual(r.lineage, [[0, 2, 3], [1]]);
  assert.match(r.notes.join(" "), /tie at the limit/);
});

test("top and rare make later filters batch-only, except on BY fields", () => {
  const base = "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest Processes.user | rename Processes.* AS * | ";
  const level = (tail: string) => compileSearch(base + tail, { macros: [] }).support.level;
  assert.equal(level("top user by dest"), "event");
  assert.equal(level("top user by dest | search dest=ws1"), "event");
  assert.equal(level("top user by dest | search user=bob"), "batch");
  assert.equal(level("rare user | where count < 2"), "batch");
});
