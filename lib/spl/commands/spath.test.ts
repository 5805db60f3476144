import assert from "node:assert/strict";
import { test } from "node:test";
import { parsePipeline } from "../parse";
import { spathArgs, valuesAtPath } from "./spath";
import { runCommands } from "./testing";

// Splunk's documented examples (https://docs.splunk.com/Documentation/Splunk/9.4.0/SearchReference/Spath)
// use paths such as `vendorProductSet.product.desc` and `foo{}.bar`; these cases follow them.
const DOC = JSON.stringify({
  userIdentity: { arn: "arn:aws:iam::1:user/x", type: "IAMUser" },
  Statement: [{ Action: "kms:*", Principal: { AWS: "*" } }, { Action: ["s3:Get", "s3:Put"] }],
  n: 3, ok: true, nothing: null,
});

const CASES: { spl: string; row: Record<string, string>; want: Record<string, unknown> }[] = [
  { spl: "spath output=user userIdentity.arn", row: { _raw: DOC }, want: { user: "arn:aws:iam::1:user/x" } },
  { spl: "spath output=arn path=userIdentity.arn", row: { _raw: DOC }, want: { arn: "arn:aws:iam::1:user/x" } },
  { spl: "spath userIdentity.type", row: { _raw: DOC }, want: { "userIdentity.type": "IAMUser" } },
  { spl: "spath path=Statement{}.Action output=a", row: { _raw: DOC }, want: { a: ["kms:*", '["s3:Get","s3:Put"]'] } },
  { spl: "spath path=Statement{}.Action{} output=a", row: { _raw: DOC }, want: { a: ["s3:Get", "s3:Put"] } },
  { spl: "spath path=Statement{}.Principal.AWS output=p", row: { _raw: DOC }, want: { p: "*" } },
  { spl: "spath path=missing.path output=m", row: { _raw: DOC }, want: { m: undefined } },
  { spl: "spath path=n output=n2", row: { _raw: DOC }, want: { n2: "3" } },
  { spl: "spath path=ok output=ok2", row: { _raw: DOC }, want: { ok2: "true" } },
  { spl: "spath input=j path={} output=x", row: { j: '[{"a":1},{"b":2}]' }, want: { x: ['{"a":1}', '{"b":2}'] } },
  { spl: "spath input=j", row: { j: '{"a":{"b":[1,2]},"c":"d"}' }, want: { "a.b{}": ["1", "2"], c: "d" } },
  { spl: "spath", row: { _raw: "not json at all" }, want: { "userIdentity.arn": undefined } },
  { spl: "spath input=absent path=a output=x", row: { _raw: DOC }, want: { x: undefined } },
];

test("spath extracts JSON paths and auto-extracts", () => {
  for (const c of CASES) {
    const [row] = runCommands(c.spl, [c.row]).rows;
    for (const [k, v] of Object.entries(c.want)) assert.deepEqual(row![k], v, `${c.spl} → ${k}`);
  }
});

test("spath: a path of objects gives each object's JSON, and spath reads it back", () => {
  const rows = runCommands("spath path=Statement{} output=s | eval s=mvindex(s, 0) | spath input=s path=Action output=act", [{ _raw: DOC }]).rows;
  assert.equal(rows[0]!["s"], '{"Action":"kms:*","Principal":{"AWS":"*"}}');
  assert.equal(rows[0]!["act"], "kms:*");
  // input over a multivalue field is refused rather than guessed.
  assert.throws(() => runCommands("spath path=Statement{} output=s | spath input=s path=Action output=act", [{ _raw: DOC }]).rows);
});

test("spath refuses what it does not model", () => {
  for (const [spl, row] of [["spath path=a{1}.b output=x", { _raw: "{}" }], ["spath input=x path=a", { x: "<a>1</a>" }], ["spath input=x path=a", { x: "{bad" }]] as const) {
    const p = parsePipeline(`| ${spl}`);
    const node = p.commands[0] as { unsupported?: unknown };
    if (node.unsupported) continue;
    assert.throws(() => runCommands(spl, [row]), spl);
  }
  assert.ok((parsePipeline("| spath path=a{1}.b").commands[0] as { unsupported?: unknown }).unsupported);
});

test("spath arguments and paths", () => {
  assert.deepEqual(spathArgs(' input=a output="b c" x.y'), { opts: { input: "a", output: "b c" }, bare: ["x.y"] });
  assert.deepEqual(valuesAtPath({ a: [{ b: 1 }, { b: 2 }] }, "a{}.b"), ["1", "2"]);
  assert.deepEqual(valuesAtPath({ a: [{ b: 1 }] }, "a.b"), []);
});
