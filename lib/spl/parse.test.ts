import assert from "node:assert/strict";
import { test } from "node:test";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { lex } from "./lex";
import { parsePipeline } from "./parse";
import { expandMacros } from "./macros";
import { ESCU } from "./fixtures/escu";
import { compileSearch } from "./index";
import { loadCatalog } from "../content/load";
import type { Command, SearchExpr } from "./ast";

test("lex: every character belongs to one token, spans are exact", () => {
  const spl = '| tstats count where Processes.process="*\\\\*" AND x IN ("a","b") `m(1)` ```c``` | where match(p,"\\d")';
  const toks = lex(spl);
  assert.equal(toks.map((t) => t.text).join(""), spl);
  for (const t of toks) assert.equal(spl.slice(t.start, t.end), t.text);
  const str = toks.find((t) => t.kind === "string");
  assert.equal(str?.value, "*\\*", "SPL unescaping: \\\\ → \\");
});

test("lex and parse never throw on random input", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (s) => {
      const toks = lex(s);
      assert.equal(toks.map((t) => t.text).join(""), s);
      parsePipeline(s);
      expandMacros(s, []);
    }),
    { numRuns: 2000 },
  );
  const alphabet = fc.constantFrom("|", " ", "(", ")", '"', "\\", "`", "=", "!=", "AND", "OR", "NOT", "IN", "x", "*", "[", "]", ",", "where", "tstats", "eval", "'", "by", "as");
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 60 }), (parts) => {
      const s = parts.join(" ");
      parsePipeline(s);
      parsePipeline(`| ${s}`);
      parsePipeline(`| where ${s}`);
      parsePipeline(`| eval a=${s}`);
    }),
    { numRuns: 3000 },
  );
});

function only<T extends Command["type"]>(spl: string, type: T): Extract<Command, { type: T }> {
  const p = parsePipeline(spl);
  assert.deepEqual(p.errors, [], spl);
  const c = p.commands.find((x) => x.type === type);
  assert.ok(c, `${type} in ${spl}`);
  return c as Extract<Command, { type: T }>;
}

function shape(e: SearchExpr | null): unknown {
  if (!e) return null;
  switch (e.kind) {
    case "and": return { and: e.children.map(shape) };
    case "or": return { or: e.children.map(shape) };
    case "not": return { not: shape(e.child) };
    case "compare": return `${e.field}${e.op}${e.value.value}`;
    case "in": return `${e.field} IN ${e.values.map((v) => v.value).join("|")}`;
    default: return e.kind;
  }
}

test("tstats: options, aggregations, datamodel, where precedence, by", () => {
  const t = only(
    '| tstats summariesonly=false fillnull_value=null count min(_time) as firstTime values(Processes.process) as process FROM datamodel="Endpoint.Processes" WHERE Processes.process_name=a OR Processes.original_file_name=b Processes.process="*x*" BY Processes.dest, Processes.user _time span=1h',
    "tstats",
  );
  assert.equal(t.options["fillnull_value"], "null");
  assert.deepEqual(t.aggregations.map((a) => [a.fn, a.arg, a.as]), [["count", undefined, "count"], ["min", "_time", "firstTime"], ["values", "Processes.process", "process"]]);
  assert.equal(t.datamodel, "Endpoint.Processes");
  assert.deepEqual(shape(t.where), { and: [{ or: ["Processes.process_name=a", "Processes.original_file_name=b"] }, "Processes.process=*x*"] });
  assert.deepEqual(t.by.map((b) => b.name), ["Processes.dest", "Processes.user", "_time"]);
  assert.equal(t.span, "1h");
  const noAlias = only("| tstats values(Processes.x) from datamodel=Endpoint.Processes", "tstats");
  assert.equal(noAlias.aggregations[0]!.as, "values(Processes.x)", "values(X) without AS keeps its literal name");
});

test("search: NOT, IN, CASE(), quoted field names", () => {
  assert.deepEqual(shape(only('| search NOT (a IN ("x", y*)) b!=2', "search").expr), { and: [{ not: "a IN x|y*" }, "b!=2"] });
  const c = only("| search host=CASE(LOCALHOST)", "search").expr;
  assert.ok(c?.kind === "compare" && c.value.modifier === "case");
  assert.deepEqual(shape(only('| search "result.message" = "*Device*"', "search").expr), "result.message=*Device*");
});

test("eval: assignments left to right, quoted names, commas inside calls", () => {
  const e = only("| eval a=if(x>1, \"y\", \"n\"), 'b c'=a . \"z\", d = mvindex(split(p,\" \"),0)", "eval");
  assert.deepEqual(e.assignments.map((a) => a.field), ["a", "b c", "d"]);
});

test("rename, rex, regex, convert, dedup, fields, table", () => {
  assert.deepEqual(only('| rename Processes.* AS *, "a b" as c', "rename").pairs.map((p) => [p.from, p.to]), [["Processes.*", "*"], ["a b", "c"]]);
  const rex = only('| rex field=process max_match=0 "(?<x>\\\\d+)"', "rex");
  assert.equal(rex.field, "process");
  assert.equal(rex.maxMatch, 0);
  assert.equal(rex.pattern, "(?<x>\\d+)");
  const re = only('| regex user!="^bob$"', "regex");
  assert.ok(re.negate);
  const cv = only('| convert timeformat="%Y" ctime(firstTime) AS t', "convert");
  assert.deepEqual(cv.conversions[0], { fn: "ctime", field: "firstTime", as: "t", at: cv.conversions[0]!.at });
  assert.equal(only("| dedup 1 user keepempty=true", "dedup").keepempty, true);
  assert.equal(only("| fields - a, b", "fields").remove, true);
  assert.deepEqual(only("| table a b, c", "table").fields, ["a", "b", "c"]);
});

test("commands without a module parse to `unsupported` nodes with their arguments and a reason code", () => {
  const p = parsePipeline("| tstats count from datamodel=Endpoint.Processes | mstats avg(x) | foo bar=1");
  assert.deepEqual(p.errors, []);
  const [, mstats, foo] = p.commands;
  assert.equal(mstats?.type === "unsupported" && mstats.code, "metrics");
  assert.equal(foo?.type === "unsupported" && foo.args, "bar=1");
  assert.equal(foo?.type === "unsupported" && foo.code, "unsupported_command");
});

const shared = resolve(import.meta.dirname, "../../../shared/security_content");

test("every search of the committed ESCU fixture parses (runs on a clean clone)", () => {
  const failures: string[] = [];
  for (const a of ESCU.analytics) {
    const p = parsePipeline(expandMacros(a.search, ESCU.macros).text);
    if (p.errors.length) failures.push(`${a.slug}: ${p.errors[0]!.message}`);
  }
  assert.ok(ESCU.analytics.length > 300);
  assert.deepEqual(failures, []);
});

test("a parse error carries its offset, line and column in the original search", () => {
  const search = "| tstats count from datamodel=Endpoint.Processes\n  where Processes.process=\"unterminated";
  const c = compileSearch(search, { macros: [] });
  assert.ok(c.parseError, "an unterminated string is a parse error");
  const at = search.indexOf('"unterminated');
  assert.equal(c.parseError.span.start, at);
  assert.equal(c.parseError.line, 2);
  assert.equal(c.parseError.column, at - search.indexOf("\n"));
  assert.equal(c.support.level, "none");
  assert.equal(c.support.level === "none" && c.support.code, "parse_error");
});

test("every search of ../shared/security_content parses (100 %)", { skip: existsSync(shared) ? false : "../shared/security_content is absent" }, async () => {
  const catalog = await loadCatalog(shared);
  const failures: string[] = [];
  for (const a of catalog.analytics) {
    const ex = expandMacros(a.search, catalog.macros);
    const p = parsePipeline(ex.text);
    if (p.errors.length) failures.push(`${a.slug}: ${p.errors[0]!.message}`);
  }
  assert.equal(catalog.analytics.length, 1711);
  assert.deepEqual(failures, []);
});
