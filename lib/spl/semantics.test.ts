/**
 * The pitfalls of spl-semantics §9 (and the rules behind them), table-driven, through the real
 * parsers and evaluators. Each row: the SPL, the row it runs on, and Splunk's answer.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { lex, significant } from "./lex";
import { parseSearchTokens } from "./parse-search";
import { parseEvalExpr } from "./parse-eval";
import { evalSearch } from "./search-lang";
import { evalExpr } from "./eval-lang";
import { makeRuntime, type RowData } from "./runtime";
import { parsePipeline } from "./parse";
import { runPipeline } from "./run";

function search(spl: string, row: RowData): boolean {
  const parsed = parseSearchTokens(significant(lex(spl)));
  assert.deepEqual(parsed.errors, [], `parses: ${spl}`);
  assert.ok(parsed.expr);
  return evalSearch(parsed.expr, row, makeRuntime(0));
}

function evaluate(spl: string, row: RowData): unknown {
  const parsed = parseEvalExpr(spl, 0, spl.length);
  assert.deepEqual(parsed.errors, [], `parses: ${spl}`);
  return evalExpr(parsed.expr, row, makeRuntime(0));
}

const searchCases: [string, RowData, boolean, string][] = [
  // §9.1 / §1.2: OR binds tighter than AND in the search language.
  ["a=1 b=2 OR c=3", { a: "1", b: "9", c: "3" }, true, "a=1 AND (b=2 OR c=3)"],
  ["a=1 b=2 OR c=3", { a: "9", c: "3" }, false, "pitfall 1"],
  ["a=1 AND b=2 OR c=3", { a: "9", c: "3" }, false, "explicit AND still loosest"],
  // §9.3: values are case-insensitive.
  ["process_name=CMD.EXE", { process_name: "cmd.exe" }, true, "pitfall 3"],
  // §2.1: field names are case-sensitive.
  ["Process_Name=cmd.exe", { process_name: "cmd.exe" }, false, "field names case-sensitive"],
  // §9.4 / §2.3: != vs NOT on a missing field.
  ['user!="bob"', {}, false, "pitfall 4a"],
  ['NOT user="bob"', {}, true, "pitfall 4b"],
  ["NOT f=*", {}, true, "NOT f=* selects events lacking f"],
  ["f!=*", { f: "x" }, false, "f!=* never matches"],
  ["f=*", { f: "x" }, true, "f=* needs f present"],
  // §9.6 / §2.2: whole-value match with * wildcards.
  ["process_name=cmd", { process_name: "cmd.exe" }, false, "pitfall 6"],
  ["process_name=*md.e*", { process_name: "cmd.exe" }, true, "inner wildcards"],
  ["file_path=*system32*", { file_path: "C:\\Windows\\SYSTEM32\\x.bat" }, true, "case-insensitive contains"],
  // §9.7 / §2.6: backslashes in quoted values are unescaped once.
  ['path="*\\\\temp\\\\*"', { path: "C:\\Temp\\a.exe" }, true, "pitfall 7"],
  ['x="*\\\\*"', { x: "C:\\a" }, true, "contains one backslash"],
  ['x="*\\\\*"', { x: "abc" }, false, "no backslash"],
  ['p="C:\\\\Windows\\\\*"', { p: "c:\\windows\\system32\\cmd.exe" }, true, "prefix path"],
  ['x="a\\"b"', { x: 'a"b' }, true, "escaped quote"],
  // §9.9 / §2.5: = compares strings; < > numerically.
  ["code=1", { code: "1.0" }, false, "pitfall 9"],
  ["count>5", { count: "10" }, true, "numeric >"],
  ['name>"m"', { name: "zeta" }, true, "lexicographic >"],
  // §2.4: IN with wildcards; NOT IN keeps events without the field.
  ['p IN ("cmd*", "x")', { p: "CMD.exe" }, true, "IN with wildcard"],
  ['NOT p IN ("a")', {}, true, "NOT IN keeps missing"],
  ['p IN("a","b")', { p: "b" }, true, "IN( without space"],
  // §2.8: CIDR.
  ["ip=10.0.0.0/8", { ip: "10.1.2.3" }, true, "CIDR match"],
  ["ip!=10.0.0.0/8", { ip: "192.168.1.1" }, true, "CIDR !="],
  // §2.9: multivalue matches when any value matches.
  ["f=b", { f: ["a", "b"] }, true, "multivalue"],
  // Keywords count only in upper case (§1.3): `or` is a term, so this needs _raw and fails.
  ["a=1 or b=2", { a: "1", b: "2" }, false, "lower-case or is a bare term"],
  // Quoted value tokenisation quirks seen in production content (census §8.6).
  ['p="* -d *"AND q=1', { p: "x -d y", q: "1" }, true, "no space before AND"],
  ['p= "* /qn *"', { p: "msiexec /qn x" }, true, "space after ="],
  ["*", {}, true, "search * passes every row"],
];

test("search language semantics", () => {
  for (const [spl, row, expected, why] of searchCases) {
    assert.equal(search(spl, row), expected, `${spl} on ${JSON.stringify(row)}: ${why}`);
  }
});

const evalCases: [string, RowData, unknown, string][] = [
  // §9.2: AND before OR in where/eval.
  ["a=1 AND b=2 OR c=3", { a: "9", c: "3" }, true, "pitfall 2"],
  // §9.3: eval is case-sensitive.
  ['process_name="CMD.EXE"', { process_name: "cmd.exe" }, false, "pitfall 3 (where)"],
  // §4.6: null semantics.
  ['process!="a"', {}, null, "comparison with null is null"],
  ['isnull(process) OR process!="a"', {}, true, "TRUE OR null"],
  ['NOT process="a"', {}, null, "NOT null is null"],
  ['x . "y"', {}, null, "concat with null"],
  // §9.8: regex double escaping.
  ['match(p,"\\\\\\\\temp")', { p: "C:\\temp" }, true, "pitfall 8a"],
  ['match(p,"\\\\temp")', { p: "C:\\temp" }, false, "pitfall 8b: \\t is TAB"],
  // §9.12, §9.13: eval in() and like() have no * wildcards.
  ['in(p,"cmd*")', { p: "cmd.exe" }, false, "pitfall 12"],
  ['like(p,"cmd*")', { p: "cmd.exe" }, false, "pitfall 13a"],
  ['like(p,"cmd%")', { p: "cmd.exe" }, true, "pitfall 13b"],
  ['p LIKE "%.exe"', { p: "cmd.exe" }, true, "LIKE operator"],
  ['NOT LIKE(p,"%\\\\windows\\\\system32\\\\%")', { p: "c:\\windows\\system32\\x" }, false, "NOT LIKE"],
  // §9.14: match is unanchored.
  ['match("notcmd.exe","cmd\\.exe")', {}, true, "pitfall 14"],
  // §9.17: mvcount(missing) is null.
  ["mvcount(f)=0", {}, null, "pitfall 17"],
  ["count >= 4", { count: "10" }, true, "numeric strings compare as numbers"],
  ['p IN ("a", "b")', { p: "b" }, true, "IN operator"],
  [".25 > (s/f)", { s: "1", f: "10" }, true, "leading-dot number after AND-like context"],
  ["len(process) > 5", { process: "abcdef" }, true, "function call"],
  ['if(match(p,"(?i)CMD"), "y", "n")', { p: "cmd" }, "y", "lazy if"],
  ['case(a=1, "one", a=2, "two")', { a: "2" }, "two", "case"],
  ['case(a=1, "one")', { a: "9" }, null, "case with no branch is null"],
];

test("eval language semantics", () => {
  for (const [spl, row, expected, why] of evalCases) {
    assert.deepEqual(evaluate(spl, row), expected, `${spl} on ${JSON.stringify(row)}: ${why}`);
  }
});

function pipeline(spl: string, rows: Record<string, string | undefined>[]) {
  const p = parsePipeline(spl);
  assert.deepEqual(p.errors, [], spl);
  const events = rows.map((r) => {
    const fields = Object.fromEntries(Object.entries(r).filter((e): e is [string, string] => e[1] !== undefined));
    return { fields, datasets: { "Endpoint.Processes": fields } };
  });
  return runPipeline(p, events, makeRuntime(1700000000)).rows;
}

test("tstats: prefix, grouping, fillnull_value, only BY fields and aggregates survive", () => {
  const rows = [{ process_name: "cmd.exe", user: "bob" }, { process_name: "cmd.exe" }];
  const plain = pipeline("| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.user", rows);
  assert.deepEqual(plain, [{ "Processes.user": "bob", count: 1 }], "pitfall 10: no row for a null BY value");
  const filled = pipeline("| tstats fillnull_value=null count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.user", rows);
  assert.deepEqual(filled, [{ "Processes.user": "bob", count: 1 }, { "Processes.user": "null", count: 1 }]);
  // pitfall 11: prefixed names until renamed.
  const prefixed = pipeline('| tstats count from datamodel=Endpoint.Processes by Processes.user | where user="bob"', rows);
  assert.equal(prefixed.length, 0);
  const renamed = pipeline('| tstats count from datamodel=Endpoint.Processes by Processes.user | rename Processes.* AS * | where user="bob"', rows);
  assert.equal(renamed.length, 1);
  const quoted = pipeline("| tstats count from datamodel=Endpoint.Processes by Processes.user | where 'Processes.user'=\"bob\"", rows);
  assert.equal(quoted.length, 1);
});

test("commands: rename onto missing, dedup drops missing, stats, eventstats, convert ctime", () => {
  const ev = [{ process_name: "a", user: "x" }, { process_name: "b", user: "x" }, { process_name: "c" }];
  const base = "| tstats count from datamodel=Endpoint.Processes by Processes.process_name Processes.user | rename Processes.* AS *";
  assert.equal(pipeline(`${base} | dedup user`, ev).length, 1, "pitfall 18");
  const rn = pipeline(`${base} | eval product_id=7 | rename pid AS product_id`, ev);
  assert.equal(rn[0]!["product_id"], undefined, "pitfall 19");
  const st = pipeline(`${base} | stats count dc(process_name) as n values(process_name) as names by user`, ev);
  assert.deepEqual(st, [{ user: "x", count: 2, n: 2, names: ["a", "b"] }]);
  const es = pipeline(`${base} | eventstats dc(process_name) as n by user | where n > 1`, ev);
  assert.equal(es.length, 2);
  const ct = pipeline('| tstats min(_time) as firstTime from datamodel=Endpoint.Processes by Processes.process_name | convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)', ev);
  assert.equal(ct[0]!["firstTime"], "2023-11-14T22:13:20");
});

test("rex extracts named groups; regex != keeps rows without the field", () => {
  const ev = [{ process: "C:\\Windows\\x\\svc.exe -k" }, { process_name: "n" }];
  const base = "| tstats count from datamodel=Endpoint.Processes by Processes.process_name Processes.process | rename Processes.* AS *";
  const fill = "| tstats fillnull_value=null count from datamodel=Endpoint.Processes by Processes.process_name Processes.process | rename Processes.* AS *";
  const rex = pipeline(`${fill} | rex field=process "^.*?\\\\\\\\(?<svc>[^\\\\\\\\]*\\.(?:exe|bat))"`, ev);
  // Grouped rows come out in BY-value order ("n" before "null"): look the row up by its process.
  assert.equal(rex.find((r) => r["process"] !== "null")!["svc"], "x\\svc.exe".split("\\").pop());
  const kept = pipeline(`${base} | regex user!="^bob$"`, [{ process_name: "a", process: "p" }]);
  assert.equal(kept.length, 1, "pitfall 5");
});

test("support: an aggregate of an eventstats field is batch-only (Unusually Long Command Line)", async () => {
  const { compileSearch } = await import("./index");
  const spl = "| tstats count from datamodel=Endpoint.Processes by Processes.dest Processes.process | rename Processes.* AS * | eval processlen=len(process) | eventstats stdev(processlen) as stdev, avg(processlen) as avg by dest | stats max(processlen) as maxlen, values(stdev) as stdevperhost, values(avg) as avgperhost by dest, process | eval threshold = 3 | where maxlen > ((threshold*stdevperhost) + avgperhost)";
  const c = compileSearch(spl, { macros: [] });
  assert.equal(c.support.level, "batch", JSON.stringify(c.support));
  assert.match(c.support.level === "batch" ? c.support.reason : "", /stdevperhost|avgperhost/);
  const perEvent = compileSearch("| tstats count from datamodel=Endpoint.Processes by Processes.dest Processes.process | rename Processes.* AS * | stats values(process) as p by dest | where match(p, \"x\")", { macros: [] });
  assert.equal(perEvent.support.level, "event", "values() of an event field stays per-event");
});
