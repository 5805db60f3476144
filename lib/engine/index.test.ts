/**
 * The engine as every surface relies on it: event conversion (and its error wording), selection
 * by id/slug, one compile cache keyed by content version, and verdicts (not_testable always has a
 * reason and a code; exceptions become values).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { contentOf, matcherFor, matchers, verdictFor, verdictsOn, type ContentSource, type Matcher } from "./index";
import { selectAnalytics } from "../content/find";
import { eventFromValue } from "../events/index";

interface VerdictCatalog extends ContentSource {
  analytics: { id: string; slug: string; name: string; search: string }[];
}
const compiledFor = matcherFor;

const SEARCH =
  '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.process | `drop_dm_object_name(Processes)` | where match(process, "(?i)whoami")';

function catalog(): VerdictCatalog {
  return {
    macros: [],
    analytics: [
      { id: "AAAA-1", slug: "first_one", name: "First", search: SEARCH },
      { id: "bbbb-2", slug: "Second_One", name: "Second", search: "| inputlookup nothing.csv" },
    ],
  };
}

test("eventFromValue: strings, objects and the error wording", () => {
  const cases: { value: unknown; error?: RegExp }[] = [
    { value: "cmd.exe /c whoami" },
    { value: { process_name: "cmd.exe", process: "cmd.exe /c whoami" } },
    { value: "   ", error: /^the command line is empty$/ },
    { value: null, error: /got null$/ },
    { value: [1], error: /got an array$/ },
    { value: 3, error: /^expected a JSON object of CIM fields or a JSON string holding a command line, got a number$/ },
  ];
  for (const c of cases) {
    const r = eventFromValue(c.value, 7);
    if (c.error) assert.ok("error" in r && c.error.test(r.error), `${JSON.stringify(c.value)}: ${JSON.stringify(r)}`);
    else assert.ok("event" in r, JSON.stringify(c.value));
  }
});

test("selectAnalytics: ids case-insensitively, slugs, catalog order, each once, all when none", () => {
  const cat = catalog();
  const ids = (w: string[] | undefined) => {
    const r = selectAnalytics(cat, w);
    return r.ok ? r.analytics.map((a) => a.id) : r.error;
  };
  assert.deepEqual(ids(undefined), ["AAAA-1", "bbbb-2"]);
  assert.deepEqual(ids([]), ["AAAA-1", "bbbb-2"]);
  assert.deepEqual(ids(["second_one", "aaaa-1", "first_one"]), ["AAAA-1", "bbbb-2"]);
  assert.deepEqual(ids([" BBBB-2 "]), ["bbbb-2"]);
  const bad = selectAnalytics(cat, ["first_one", "nope"]);
  assert.deepEqual(bad, { ok: false, unknown: "nope", error: 'unknown analytic "nope": give an analytic id or its file name without .yml' });
});

test("one compile per analytic and content version; an edited search or new content recompiles", () => {
  const cat = catalog();
  const [a] = cat.analytics;
  assert.ok(a);
  assert.equal(compiledFor(cat, a), compiledFor(cat, a));
  // Another catalog object with the same content has the same version: the same matcher.
  assert.equal(contentOf(catalog()).version, contentOf(cat).version);
  assert.equal(compiledFor(catalog(), a), compiledFor(cat, a));
  // Other content (a macro more) is another version.
  const other = { ...catalog(), macros: [{ name: "m", args: [], definition: "x" }] };
  assert.notEqual(contentOf(other).version, contentOf(cat).version);
  assert.notEqual(compiledFor(other, other.analytics[0]!), compiledFor(cat, a));
  // The same id with another search text is compiled afresh.
  const edited = { ...a, search: `${a.search} | head 1` };
  assert.notEqual(compiledFor(cat, edited), compiledFor(cat, a));
});

test("an analytic in a language the engine does not run is not_testable with a code, never a throw", () => {
  const m = matchers.matcher(contentOf(catalog()), { id: "sigma-1", search: "title: x", language: "sigma" });
  assert.equal(m.support.level, "none");
  assert.deepEqual(m.evaluate({ fields: {} }), { verdict: "not_testable", code: "unsupported_language", reason: "rules in sigma are not supported by the console" });
});

test("verdictFor: match, no_match, not_testable with a reason, exceptions as values", () => {
  const cat = catalog();
  const [plain, lookup] = cat.analytics;
  assert.ok(plain && lookup);
  const ev = (v: unknown) => {
    const r = eventFromValue(v);
    assert.ok("event" in r);
    return r.event;
  };
  assert.equal(verdictFor(compiledFor(cat, plain), ev({ process_name: "cmd.exe", process: "cmd.exe /c whoami" })).verdict, "match");
  assert.equal(verdictFor(compiledFor(cat, plain), ev({ process_name: "cmd.exe", process: "cmd.exe /c dir" })).verdict, "no_match");
  const nt = verdictFor(compiledFor(cat, lookup), ev("cmd.exe"));
  assert.equal(nt.verdict, "not_testable");
  assert.equal(typeof nt.reason, "string");
  assert.equal(nt.code, "needs_lookup");
  const throwing = { evaluate: () => { throw new Error("boom"); } } as unknown as Matcher;
  assert.deepEqual(verdictFor(throwing, ev("cmd.exe")), { verdict: "not_testable", code: "internal_error", reason: "internal error: boom" });
});

test("verdictsOn: through a search set, each analytic's verdict is verdictFor's", () => {
  const c = catalog();
  const set = matchers.set(contentOf(c), c.analytics);
  const events = ["cmd.exe /c whoami", "cmd.exe /c dir", "notepad.exe x", { process_name: "CMD.EXE", process: "cmd.exe /c WHOAMI" }];
  for (const value of events) {
    const r = eventFromValue(value);
    assert.ok("event" in r);
    const verdictOf = verdictsOn(set, r.event);
    c.analytics.forEach((a, i) => assert.deepEqual(verdictOf(i), verdictFor(compiledFor(c, a), r.event), `${JSON.stringify(value)} × ${a.name}`));
  }
});
