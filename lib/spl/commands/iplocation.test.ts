/**
 * `iplocation` (iplocation.ts, unfilled.ts): without a GeoIP database it runs only when no later
 * stage reads the fields it adds [V cmd:iplocation: `iplocation clientip`, `iplocation prefix=iploc_
 * allfields=true clientip`]; the verdict is then Splunk's, and the result says the fields are empty.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { EventInput } from "../../detection/types";
import { compileSearch } from "../index";

const BASE = "| tstats count from datamodel=Authentication where Authentication.action=failure by Authentication.src Authentication.user | rename Authentication.* AS * | iplocation src";
const cases: { tail: string; live: boolean; why: string }[] = [
  { tail: "", live: true, why: "nothing after it" },
  { tail: " | search *", live: true, why: "an ESCU filter macro's default keeps every row" },
  { tail: " | table src user City Country", live: true, why: "table only chooses columns" },
  { tail: " | where user!=\"x\"", live: true, why: "a later filter on other fields" },
  { tail: " | where isnotnull(City)", live: false, why: "a filter on City" },
  { tail: " | stats dc(city) as n by user | where n > 1", live: false, why: "any case counts (conservative)" },
  { tail: " | eval c='Country'", live: false, why: "a quoted field name" },
  { tail: " | stats values(*) as * by user", live: false, why: "a glob may read them" },
  { tail: " | rename C* AS x*", live: false, why: "a glob that matches City" },
  { tail: " | join [| tstats count from datamodel=Authentication by Authentication.user | rename Authentication.* AS *]", live: false, why: "join on the common fields" },
  { tail: " | stats latest(_time) as last by user", live: true, why: "`latest` is not `lat`" },
];

test("iplocation: live only when no later stage reads its fields", () => {
  for (const c of cases) {
    const s = compileSearch(BASE + c.tail, { macros: [] });
    const level = s.support.level;
    assert.equal(level !== "none", c.live, `${c.why}: ${c.tail} → ${JSON.stringify(s.support)}`);
    if (!c.live) assert.match((s.support as { reason?: string }).reason ?? "", /GeoIP database/, c.why);
  }
  assert.equal(compileSearch(`${BASE.replace("iplocation src", "iplocation prefix=geo_ src")} | where isnotnull(City)`, { macros: [] }).support.level, "event", "prefix= renames the outputs");
});

test("iplocation: rows pass unchanged; the result notes the empty fields", () => {
  const s = compileSearch(BASE, { macros: [] });
  const ev: EventInput = { fields: { _time: 1700000000 }, datasets: { "Authentication.Authentication": { src: "8.8.8.8", user: "bob", action: "failure" } } };
  const v = s.evaluate(ev);
  assert.equal(v.verdict, "match");
  const x = s.explain(ev);
  assert.ok(x.stages.some((st) => /GeoIP/.test(st.note ?? "")));
  const r = s.run([ev]);
  assert.ok(r.ok && r.rows.length === 1 && r.notes?.some((n) => /City, Country, Region, lat, lon empty/.test(n)), JSON.stringify(r));
  const later = compileSearch(`${BASE} | where isnotnull(City) | lookup t City OUTPUT x`, { macros: [] });
  assert.equal(later.evaluate({ ...ev, datasets: { "Authentication.Authentication": { src: "1.1.1.1", user: "bob", action: "success" } } }).verdict, "no_match", "decided before iplocation when tstats drops the event");
});
