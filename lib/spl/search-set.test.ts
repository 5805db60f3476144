/**
 * A SearchSet (search-set.ts) must answer, for every search and every event, exactly what the
 * search's own `evaluate` answers: verdict, reason, rows and the unknown fields it hinges on. A
 * property test over random sets of tstats searches and random event sequences (the set keeps
 * state between events), cases where a screen could be wrong, and the full catalog when present.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { compileSearch, indexMacros, searchSet, type CompiledSearch } from "./index";
import type { EventInput } from "../detection/types";
import { ESCU } from "./fixtures/escu";
import { eventFromCim, eventFromCommandLine, toEventInput } from "../events/index";

const FIELDS = ["process_name", "original_file_name", "parent_process_name", "dest", "constructor"];
const VALUES = ["cmd.exe", "CMD.EXE", "Cmd.Exe", "*.exe", "c*d*", "10", "010", "10.0.0.0/8", "10.1.2.3", "", "İ.exe", "i̇.exe"];

const value = fc.constantFrom(...VALUES).map((v) => `"${v}"`);
const field = fc.oneof(fc.constantFrom(...FIELDS).map((f) => `Processes.${f}`), fc.constantFrom("process_name", "Processes.a.process_name"));
const leaf = fc.oneof(
  fc.tuple(field, fc.constantFrom("=", "=", "=", "!=", ">"), value).map(([f, op, v]) => `${f}${op}${v}`),
  fc.tuple(field, fc.array(value, { minLength: 1, maxLength: 3 })).map(([f, vs]) => `${f} IN (${vs.join(", ")})`),
  fc.tuple(field, fc.constantFrom("cmd.exe", "10")).map(([f, v]) => `${f}=CASE(${v})`),
);
const disjunction = fc.array(leaf, { minLength: 1, maxLength: 3 }).map((ls) => ls.join(" OR "));
const where = fc.tuple(disjunction, fc.array(fc.oneof(disjunction, leaf.map((l) => `NOT ${l}`)), { maxLength: 2 })).map(([first, rest]) => [first, ...rest].map((c) => `(${c})`).join(" "));
const search = fc.tuple(fc.constantFrom("Endpoint.Processes", "Endpoint.Processes", "Endpoint.Registry"), where).map(
  ([dm, w]) => `| tstats count from datamodel=${dm} where ${w} by ${dm === "Endpoint.Processes" ? "Processes" : "Registry"}.dest`,
);

const scalar = fc.oneof(fc.constantFrom(...VALUES), fc.integer({ min: 8, max: 12 }));
const fieldRecord = fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }))) as fc.Arbitrary<EventInput["fields"]>;
const event: fc.Arbitrary<EventInput> = fc
  .record({
    in: fc.subarray(["Endpoint.Processes", "Endpoint.Registry"]),
    fields: fieldRecord,
    other: fieldRecord,
    unknown: fc.subarray(FIELDS),
  })
  .map((r) => ({
    fields: r.fields,
    // Each dataset's own record: the same as the flat fields, or different ones.
    datasets: Object.fromEntries(r.in.map((d, i) => [d, i === 0 ? r.fields : r.other])),
    unknown: r.unknown,
  }));

function processes(fields: EventInput["fields"], unknown?: string[]): EventInput {
  return { fields, datasets: { "Endpoint.Processes": fields }, ...(unknown ? { unknown } : {}) };
}

function sameAnswers(searches: CompiledSearch[], events: EventInput[], label = "") {
  const set = searchSet(searches);
  for (const [e, ev] of events.entries()) {
    const got = set.evaluate(ev);
    assert.equal(got.length, searches.length);
    searches.forEach((s, i) => assert.deepEqual(got[i], s.evaluate(ev), `${label} event ${e}, search ${i}: ${s.search}\n${JSON.stringify(ev)}`));
  }
}

test("a search set answers every event exactly as each search does", () => {
  fc.assert(
    fc.property(fc.array(search, { minLength: 1, maxLength: 6 }), fc.array(event, { minLength: 1, maxLength: 6 }), (spls, events) => {
      sameAnswers(spls.map((s) => compileSearch(s, { macros: [] })), events);
    }),
    { numRuns: 1500 },
  );
});

test("events a screen cannot decide still get each search's own answer", () => {
  const searches = [
    "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe Processes.process=*x* by Processes.dest",
    "| tstats count from datamodel=Endpoint.Processes where (Processes.process_name=a.exe OR Processes.original_file_name=A.EXE) by Processes.dest",
    // A raw-event search (its rows' _time is the clock's for events without one: table leaves it out).
    "| search process_name=cmd.exe | table process_name dest",
  ].map((s) => compileSearch(s, { macros: [] }));
  sameAnswers(searches, [
    // A field said unknown but present: the set must not trust its mask.
    processes({ process_name: "b.exe", original_file_name: "b.exe" }, ["original_file_name"]),
    // Empty multivalue, numbers, junk types from a loose caller.
    processes({ process_name: [], original_file_name: 10 as never, dest: "h" }, []),
    processes({ process_name: true as never, dest: "h" }),
    processes({ process_name: ["x", "CMD.exe"], process: "x", dest: "h" }, ["user"]),
    // Dataset names are exact: another spelling is another (unknown) dataset.
    { fields: { process_name: "A.exe", dest: "h" }, datasets: { "ENDPOINT.PROCESSES": { process_name: "A.exe", dest: "h" } }, unknown: ["original_file_name"] },
    { fields: { process_name: "cmd.exe", dest: "h" }, datasets: { "Endpoint.Registry": { process_name: "cmd.exe", dest: "h" } } },
    { fields: { process_name: "cmd.exe" } },
    // The dataset record, not the flat fields, is what a data-model search reads.
    { fields: { process_name: "cmd.exe", dest: "h" }, datasets: { "Endpoint.Processes": { process_name: "b.exe", dest: "h" } } },
  ]);
});

test("over real ESCU searches (the committed fixture), the set and each search agree on real events", () => {
  const catalog = ESCU;
  const macros = indexMacros(catalog.macros);
  const searches = catalog.analytics.map((a) => compileSearch(a.search, { macros }));
  const line = (l: string) => {
    const e = eventFromCommandLine(l);
    return toEventInput(e);
  };
  const cim = (o: Record<string, unknown>) => {
    const e = eventFromCim(o);
    assert.ok(!("problem" in e));
    return toEventInput(e);
  };
  const events = [
    line("cmd.exe /Q /c cd \\ 1> \\\\127.0.0.1\\ADMIN$\\__1700000000.123456 2>&1"),
    line("C:\\Windows\\system32\\cmd.exe /Q /c echo cd ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > C:\\Windows\\TEMP\\execute.bat"),
    line("powershell.exe -nop -w hidden -enc SQBFAFgA"),
    line("C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule"),
    line('"C:\\Program Files\\7-Zip\\7z.exe" a -p secret.7z C:\\data'),
    line("rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 624 C:\\temp\\lsass.dmp full"),
    cim({ process_name: "RemCom.exe", original_file_name: "RemCom.exe", parent_process_name: "services.exe", process: "RemCom.exe \\\\10.0.0.5 cmd.exe", user: "corp\\admin", dest: "ws01" }),
    cim({ process_name: "net.exe", parent_process_name: "cmd.exe", process: "net user /add backdoor P@ss", dest: "ws02", user: "bob" }),
  ];
  const norm = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x) => (k === "firstTime" || k === "lastTime" ? 0 : x)));
  const set = searchSet(searches);
  const gist = (v: { verdict: string; reason?: string; hingesOn?: readonly string[] }) => ({ verdict: v.verdict, reason: v.reason, hinges: [...(v.hingesOn ?? [])].sort() });
  for (const [e, ev] of events.entries()) {
    const got = set.evaluate(ev);
    searches.forEach((s, i) => {
      const own = s.evaluate(ev);
      assert.deepEqual(norm(got[i]), norm(own), `event ${e}: ${catalog.analytics[i]!.name}`);
      // The fast paths (gate, screen) against the full pipeline run that explain() makes.
      assert.deepEqual(gist(own), gist(s.explain(ev)), `explain, event ${e}: ${catalog.analytics[i]!.name}`);
    });
  }
});
