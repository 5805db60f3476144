/**
 * `lookup` (lookup.ts, lookup-match.ts), table-driven: exact, WILDCARD, CIDR, case-insensitive,
 * min_matches/default_match, max_matches, OUTPUT vs OUTPUTNEW, no OUTPUT clause, multivalue
 * results; and what is not guessed (not_testable with a reason).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { indexLookups, type LookupSource, type LookupTable } from "../../detection/lookups";
import { compileSearch } from "../index";
import { parsePipeline } from "../parse";
import { EngineAbort, type RowData } from "../runtime";
import { bindLookups, runLookup, type LookupNode } from "./lookup";

const table = (csv: string): LookupTable => {
  const [head, ...rows] = csv.trim().split("\n").map((l) => l.split(","));
  return { fields: head!, rows };
};

const SOURCES: LookupSource[] = [
  { name: "tools", table: table("name,category,risk\nmimikatz.exe,credential,high\nPsExec.exe,lateral,medium\npsexec.exe,lateral-lower,low") },
  { name: "tools_ci", caseSensitiveMatch: false, table: table("name,category\nMimikatz.exe,credential") },
  { name: "wild", matchTypes: [{ type: "WILDCARD", field: "domain" }], caseSensitiveMatch: false, table: table("domain,isDyn\n*.dyndns.org,True\n*.no-ip.com*,True") },
  { name: "nets", matchTypes: [{ type: "CIDR", field: "cidr" }], table: table("cidr,zone\n10.0.0.0/8,internal\n10.1.0.0/16,lab\n192.168.1.1,router") },
  { name: "nets1", matchTypes: [{ type: "CIDR", field: "cidr" }], maxMatches: 1, table: table("cidr,zone\n10.0.0.0/8,internal\n10.1.0.0/16,lab") },
  { name: "sys", caseSensitiveMatch: false, minMatches: 1, defaultMatch: "false", table: table("file,systemFile\ncmd.exe,true") },
  { name: "multi", table: table("user,group,note\nbob,admins,\nbob,users,x\neve,users,y") },
  { name: "two", table: table("a,b,out\n1,x,first\n1,y,second") },
  { name: "big", matchTypes: [{ type: "WILDCARD", field: "d" }], table: { fields: ["d", "n"], rows: [...Array.from({ length: 500 }, (_, i) => [`*.host${i}.example`, String(i)]), ["*", "short"]] } },
  { name: "file_def", filename: "file.csv", table: table("k,v\n1,one") },
];
const LOOKUPS = indexLookups(SOURCES);

function run(spl: string, rows: RowData[], lookups = LOOKUPS): RowData[] | string {
  const p = parsePipeline(`| ${spl}`);
  if (p.errors.length) return `parse: ${p.errors[0]!.message}`;
  bindLookups(p, lookups);
  try {
    return runLookup(p.commands[0] as LookupNode, rows);
  } catch (e) {
    if (e instanceof EngineAbort) return `${e.code}: ${e.reason}`;
    throw e;
  }
}

const cases: { why: string; spl: string; rows: RowData[]; out: RowData[] | RegExp }[] = [
  { why: "exact, OUTPUT", spl: "lookup tools name AS process_name OUTPUT category", rows: [{ process_name: "mimikatz.exe" }], out: [{ process_name: "mimikatz.exe", category: "credential" }] },
  { why: "exact is case-sensitive by default", spl: "lookup tools name AS process_name OUTPUT category", rows: [{ process_name: "MIMIKATZ.exe" }], out: [{ process_name: "MIMIKATZ.exe" }] },
  { why: "case_sensitive_match=false", spl: "lookup tools_ci name AS process_name OUTPUT category", rows: [{ process_name: "MIMIKATZ.EXE" }], out: [{ process_name: "MIMIKATZ.EXE", category: "credential" }] },
  { why: "case-sensitive rows are distinct", spl: "lookup tools name AS p OUTPUT category AS c", rows: [{ p: "psexec.exe" }], out: [{ p: "psexec.exe", c: "lateral-lower" }] },
  { why: "no OUTPUT clause: every field but the match fields", spl: "lookup tools name AS p", rows: [{ p: "PsExec.exe" }], out: [{ p: "PsExec.exe", category: "lateral", risk: "medium" }] },
  { why: "WILDCARD in the table's values, case-insensitive", spl: "lookup wild domain AS query OUTPUTNEW isDyn", rows: [{ query: "Evil.DynDNS.org" }, { query: "dyndns.org" }, { query: "a.no-ip.com.x" }], out: [{ query: "Evil.DynDNS.org", isDyn: "True" }, { query: "dyndns.org" }, { query: "a.no-ip.com.x", isDyn: "True" }] },
  { why: "CIDR: every containing range, in file order (multivalue)", spl: "lookup nets cidr AS ip OUTPUT zone", rows: [{ ip: "10.1.2.3" }, { ip: "10.2.0.1" }, { ip: "8.8.8.8" }], out: [{ ip: "10.1.2.3", zone: ["internal", "lab"] }, { ip: "10.2.0.1", zone: "internal" }, { ip: "8.8.8.8" }] },
  { why: "CIDR: a plain address in the table", spl: "lookup nets cidr AS ip OUTPUT zone", rows: [{ ip: "192.168.1.1" }], out: [{ ip: "192.168.1.1", zone: "router" }] },
  { why: "max_matches=1: the first match in file order", spl: "lookup nets1 cidr AS ip OUTPUT zone", rows: [{ ip: "10.1.2.3" }], out: [{ ip: "10.1.2.3", zone: "internal" }] },
  { why: "min_matches=1 with default_match", spl: "lookup sys file AS process_name OUTPUTNEW systemFile", rows: [{ process_name: "CMD.EXE" }, { process_name: "evil.exe" }], out: [{ process_name: "CMD.EXE", systemFile: "true" }, { process_name: "evil.exe", systemFile: "false" }] },
  { why: "OUTPUTNEW keeps an existing field", spl: "lookup tools name AS p OUTPUTNEW category", rows: [{ p: "mimikatz.exe", category: "mine" }], out: [{ p: "mimikatz.exe", category: "mine" }] },
  { why: "OUTPUTNEW with some output fields present: not guessed", spl: "lookup tools name AS p OUTPUTNEW category risk", rows: [{ p: "mimikatz.exe", category: "mine" }], out: /^unsupported_option: .*some of the output fields/ },
  { why: "OUTPUT overwrites an existing field", spl: "lookup tools name AS p OUTPUT category", rows: [{ p: "mimikatz.exe", category: "mine" }], out: [{ p: "mimikatz.exe", category: "credential" }] },
  { why: "OUTPUT … AS renames", spl: "lookup tools name AS p OUTPUT category AS c, risk", rows: [{ p: "mimikatz.exe" }], out: [{ p: "mimikatz.exe", c: "credential", risk: "high" }] },
  { why: "several rows: multivalue; empty cells give no value", spl: "lookup multi user OUTPUT group note", rows: [{ user: "bob" }], out: [{ user: "bob", group: ["admins", "users"], note: "x" }] },
  { why: "two match fields", spl: "lookup two a, b AS bb OUTPUT out", rows: [{ a: "1", bb: "y" }, { a: 1, bb: "z" }], out: [{ a: "1", bb: "y", out: "second" }, { a: 1, bb: "z" }] },
  { why: "numbers compare as their text", spl: "lookup file_def k OUTPUT v", rows: [{ k: 1 }], out: [{ k: 1, v: "one" }] },
  { why: "an absent input field: no lookup", spl: "lookup tools name AS p OUTPUT category", rows: [{ other: "x" }], out: [{ other: "x" }] },
  { why: "by file name", spl: "lookup file.csv k OUTPUT v", rows: [{ k: "1" }], out: [{ k: "1", v: "one" }] },
  { why: "multivalue input is not guessed", spl: "lookup tools name AS p OUTPUT category", rows: [{ p: ["a", "b"] }], out: /^unsupported_option: .*multivalue/ },
  { why: "OUTPUT, no match, existing field: not guessed", spl: "lookup tools name AS p OUTPUT category", rows: [{ p: "x", category: "mine" }], out: /^unsupported_option: .*keeps or clears/ },
  { why: "absent input under min_matches: not guessed", spl: "lookup sys file AS process_name OUTPUTNEW systemFile", rows: [{}], out: /^unsupported_option: .*default_match/ },
  { why: "WILDCARD on a large table (trigram index): file order, a short pattern always tested", spl: "lookup big d AS q OUTPUT n", rows: [{ q: "x.host7.example" }, { q: "ab" }], out: [{ q: "x.host7.example", n: ["7", "short"] }, { q: "ab", n: "short" }] },
  { why: "a field the table lacks", spl: "lookup tools nope AS p OUTPUT category", rows: [{ p: "x" }], out: /^needs_lookup: .*no field `nope`/ },
];

test("lookup: table", () => {
  for (const c of cases) {
    const got = run(c.spl, c.rows);
    if (c.out instanceof RegExp) assert.match(String(got), c.out, `${c.why}: ${c.spl}`);
    else assert.deepEqual(got, c.out, `${c.why}: ${c.spl}`);
  }
});

test("lookup: a table nobody supplied is needs_lookup, naming it; a supplied one runs", () => {
  const spl = "| tstats count from datamodel=Endpoint.Processes by Processes.process_name | rename Processes.* AS * | lookup tools name AS process_name OUTPUT category | search category=credential";
  const missing = compileSearch(spl, { macros: [] });
  const s = missing.support;
  assert.equal(s.level !== "event" && s.code, "needs_lookup");
  assert.match(s.level !== "event" ? s.reason : "", /`tools` is not defined in the content.*supply it/);
  const live = compileSearch(spl, { macros: [], lookups: LOOKUPS });
  assert.equal(live.support.level, "event");
  const ev = (name: string) => ({ fields: { process_name: name }, datasets: { "Endpoint.Processes": { process_name: name } } });
  assert.equal(live.evaluate(ev("mimikatz.exe")).verdict, "match");
  assert.equal(live.evaluate(ev("notepad.exe")).verdict, "no_match");
});

test("lookup: a KV store collection names its table; an empty table matches nothing", () => {
  const lookups = indexLookups([{ name: "kv", collection: "kv_coll" }, { name: "empty", table: { fields: ["a", "b"], rows: [] } }]);
  const kv = compileSearch("| tstats count from datamodel=Endpoint.Processes by Processes.user | lookup kv a AS Processes.user", { macros: [], lookups });
  assert.match(kv.support.level !== "event" ? kv.support.reason : "", /KV store collection \(`kv_coll`\)/);
  assert.deepEqual(run("lookup empty a", [{ a: "1" }], lookups), [{ a: "1" }]);
});

test("inputlookup: a missing table is needs_lookup; a present one a named reason", () => {
  const missing = compileSearch("| inputlookup nothing_here | stats count", { macros: [] });
  assert.equal(missing.support.level !== "event" && missing.support.code, "needs_lookup");
  const present = compileSearch("| inputlookup tools | stats count", { macros: [], lookups: LOOKUPS });
  assert.equal(present.support.level !== "event" && present.support.code, "unsupported_command");
  assert.match(present.support.level !== "event" ? present.support.reason : "", /does not depend on pasted events/);
});

test("lookup inside a join subsearch gets its table too", () => {
  const spl = "| tstats count from datamodel=Endpoint.Processes by Processes.process_name | rename Processes.* AS * | join process_name [| tstats count from datamodel=Endpoint.Processes by Processes.process_name | rename Processes.* AS * | lookup tools name AS process_name OUTPUT category]";
  const missing = compileSearch(spl, { macros: [] });
  assert.match(missing.support.level !== "event" ? missing.support.reason : "", /`tools` is not defined/);
  const bound = compileSearch(spl, { macros: [], lookups: LOOKUPS });
  assert.doesNotMatch(bound.support.level !== "event" ? bound.support.reason : "", /`tools`/);
});
