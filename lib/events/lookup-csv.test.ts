/** readLookupCsv (lookup-csv.ts): a lookup table's CSV, table-driven. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { readLookupCsv, USER_TABLE_LIMITS } from "./lookup-csv";

const cases: { why: string; csv: string; out: { fields: string[]; rows: string[][] } | RegExp }[] = [
  { why: "header and rows", csv: "a,b\n1,2\n3,4\n", out: { fields: ["a", "b"], rows: [["1", "2"], ["3", "4"]] } },
  { why: "CRLF, BOM, quoted comma and quote", csv: '\uFEFFa,b\r\n"x,y","say ""hi"""\r\n', out: { fields: ["a", "b"], rows: [["x,y", 'say "hi"']] } },
  { why: "spaces around header names and cells (ESCU's dynamic_dns_providers_default)", csv: "dynamic_dns_domains, isDynDNS_default\n*.3d-game.com*, True\n", out: { fields: ["dynamic_dns_domains", "isDynDNS_default"], rows: [["*.3d-game.com*", "True"]] } },
  { why: "short rows padded, blank lines skipped", csv: "a,b,c\n1\n\n2,3\n", out: { fields: ["a", "b", "c"], rows: [["1", "", ""], ["2", "3", ""]] } },
  { why: "header only: an empty table", csv: "a,b\n", out: { fields: ["a", "b"], rows: [] } },
  { why: "a long row is a problem with its line", csv: "a,b\n1,2\n1,2,3\n", out: /line 3: a row has 3 cells, the header 2/ },
  { why: "an unclosed quote", csv: 'a\n"x\n', out: /line 2: a quoted cell is not closed/ },
  { why: "a repeated header name", csv: "a,a\n1,2\n", out: /line 1: the header names `a` twice/ },
  { why: "nothing", csv: "", out: /no header row/ },
];

test("readLookupCsv: table", () => {
  for (const c of cases) {
    const r = readLookupCsv(c.csv);
    if (c.out instanceof RegExp) assert.match(r.ok ? "ok" : `line ${r.line}: ${r.error}`, c.out, c.why);
    else assert.deepEqual(r.ok ? r.table : r, c.out, c.why);
  }
});

test("readLookupCsv: user limits", () => {
  const big = "a\n" + "x\n".repeat(USER_TABLE_LIMITS.maxRows + 1);
  const r = readLookupCsv(big, USER_TABLE_LIMITS);
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.error : "", /more than 100000 rows/);
  assert.match(JSON.stringify(readLookupCsv("a\n".padEnd(USER_TABLE_LIMITS.maxBytes + 10, "x"), USER_TABLE_LIMITS)), /larger than/);
});
