import assert from "node:assert/strict";
import { test } from "node:test";
import { buildReport, type VerdictReport } from "./report";
import { mdBlock, mdCode, mdText, reportMarkdown } from "./markdown";
import { esc, reportHtml } from "./html";
import { explained, SMBEXEC, WMIEXEC } from "./test-fixtures";

const URL_ = "https://console.example.com/analytics/impacket_lateral_movement_smbexec_commandline_parameters";

test("the report carries the analytic, each event's verdict and every leaf clause with wanted / saw", async () => {
  const { analytic, items } = await explained(`${SMBEXEC}\n${WMIEXEC}`);
  const r = buildReport({ analytic: { id: analytic.id, name: analytic.name, url: URL_ }, items });
  assert.equal(r.events.length, 2);
  const [fires, misses] = r.events;
  assert.equal(fires!.verdictText, "Fires");
  assert.equal(misses!.verdictText, "Does not fire");
  const clauses = misses!.stages.flatMap((s) => s.clauses);
  const failed = clauses.find((c) => c.value === false && /echo/.test(c.text));
  assert.ok(failed, "the failing echo clause is listed");
  assert.match(failed.wanted!, /^process matching \/\(\?i\)echo\\s\+cd\//);
  assert.match(failed.saw!, /^process = cmd\.exe \/Q \/c cd/);
  assert.ok(fires!.stages.flatMap((s) => s.clauses).every((c) => c.value === true), "every clause of the firing event passes");
});

test("Markdown: link, verdict, fenced event, each clause with ✔/✘ and wanted / saw", async () => {
  const { analytic, items } = await explained(`${SMBEXEC}\n${WMIEXEC}`);
  const md = reportMarkdown(buildReport({ analytic: { id: analytic.id, name: analytic.name, url: URL_ }, items }));
  const rows: [RegExp, string][] = [
    [/^### \[Impacket Lateral Movement smbexec CommandLine Parameters\]\(<https:\/\/console\.example\.com\/analytics\/impacket_/m, "the analytic as a link"],
    [/^#### Event 1: Fires$/m, "event 1's verdict"],
    [/^#### Event 2: Does not fire$/m, "event 2's verdict"],
    [/^```\ncmd\.exe \/Q \/c cd \\ 1> \\\\127/m, "the event in a fence, verbatim"],
    [/^- ✘ \*\*fail\*\* `match\(process,"\(\?i\)echo\\s\+cd"\)`$/m, "the failing clause"],
    [/^ {2}- wanted `process matching/m, "wanted"],
    [/^ {2}- saw `process = cmd\.exe/m, "saw"],
    [/^- ✔ \*\*pass\*\* /m, "a passing clause"],
  ];
  for (const [re, what] of rows) assert.match(md, re, what);
});

test("Markdown: nothing from an event or a name becomes Markdown or HTML", () => {
  const cases: [string, string][] = [
    ["a`b", "``a`b``"],
    ["`x`", "`` `x` ``"],
    ["<img src=x onerror=alert(1)>", "`<img src=x onerror=alert(1)>`"],
    ["two\nlines", "`two lines`"],
  ];
  for (const [text, want] of cases) assert.equal(mdCode(text), want, text);
  assert.equal(mdBlock("```\nx"), "````\n```\nx\n````");
  assert.equal(mdText("[x](javascript:y) *b* <i>"), "\\[x\\]\\(javascript\\:y\\) \\*b\\* \\<i\\>");
  const hostile: VerdictReport = {
    analytic: { id: "id", name: "Evil](javascript:alert(1)) <b>", url: "javascript:alert(1)" },
    events: [{ number: 1, text: "```\n<script>alert(1)</script>", verdict: "match", verdictText: "Fires", stages: [] }],
  };
  const md = reportMarkdown(hostile);
  assert.ok(!md.includes("](javascript"), "no javascript: link");
  assert.match(md, /^````\n```\n<script>/m, "the event's own fence is inside a longer one");
});

test("HTML: every text and attribute is escaped; only http(s) links", async () => {
  const cases: [string, string][] = [
    [`<a href="x" onclick='y'>&amp;</a>`, "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"],
    ["plain", "plain"],
  ];
  for (const [text, want] of cases) assert.equal(esc(text), want);
  const hostile: VerdictReport = {
    analytic: { id: '"><script>', name: "<img src=x onerror=alert(1)>", url: "javascript:alert(1)" },
    events: [
      {
        number: 1,
        text: "</pre><script>alert(1)</script>",
        dataSource: "<b>ds</b>",
        verdict: "not_testable",
        verdictText: "Not testable live: <i>why</i>",
        stages: [{ command: "<x>", rowsIn: 1, rowsOut: 0, clauses: [{ text: "a<b", value: false, wanted: "<w>", saw: "<s>" }] }],
      },
    ],
  };
  const html = reportHtml(hostile);
  assert.ok(!/<(script|img|b|i|x|w|s)\b/.test(html), html);
  assert.ok(!html.includes("javascript:alert(1)\""), "no javascript: href");
  assert.ok(!html.includes("<a "), "no link for a non-http URL");
  const { analytic, items } = await explained(WMIEXEC);
  const real = reportHtml(buildReport({ analytic: { id: analytic.id, name: analytic.name, url: URL_ }, items }));
  assert.match(real, /<h3><a href="https:\/\/console\.example\.com\/analytics\/impacket_[^"]+">Impacket Lateral Movement smbexec CommandLine Parameters<\/a><\/h3>/);
  assert.match(real, /<h4>Event 1: Does not fire<\/h4>/);
  assert.match(real, /✘ fail<\/strong> <code[^>]*>match\(process,&quot;\(\?i\)echo\\s\+cd&quot;\)<\/code><br>wanted <code[^>]*>process matching/);
});
