/**
 * The tstats gate (the per-event fast path): its verdicts, and the unknown fields it reports, must
 * not leak from one event to the next (it reuses its sink and its last hinged verdict).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileSearch } from "./index";
import type { EventInput } from "../detection/types";

const search = compileSearch(
  "| tstats count from datamodel=Endpoint.Processes where (Processes.parent_process_name=services.exe OR Processes.original_file_name=remcom.exe) Processes.process_name=x.exe by Processes.dest",
  { macros: [] },
);
const event = (fields: Record<string, string>, unknown: string[]): EventInput => ({ fields, datasets: { "Endpoint.Processes": fields }, unknown });

test("each event gets the unknown fields it hinged on, however the events alternate", () => {
  const cases: [EventInput, string, string[] | undefined][] = [
    [event({ process_name: "x.exe" }, ["parent_process_name", "original_file_name"]), "no_match", ["parent_process_name", "original_file_name"]],
    [event({ process_name: "x.exe" }, ["original_file_name"]), "no_match", ["original_file_name"]],
    [event({ process_name: "x.exe", parent_process_name: "x" }, []), "no_match", undefined],
    // process_name=x.exe fails whatever the unknown fields hold: the verdict hinges on none of them.
    [event({ process_name: "a.exe" }, ["parent_process_name", "original_file_name"]), "no_match", undefined],
    [event({ process_name: "x.exe" }, ["parent_process_name", "original_file_name"]), "no_match", ["parent_process_name", "original_file_name"]],
    [event({ process_name: "x.exe", parent_process_name: "services.exe", dest: "h1" }, ["original_file_name"]), "match", undefined],
    [event({ process_name: "x.exe" }, ["parent_process_name"]), "no_match", ["parent_process_name"]],
  ];
  for (const round of [1, 2]) {
    for (const [i, [e, verdict, hinges]] of cases.entries()) {
      const v = search.evaluate(e);
      assert.equal(v.verdict, verdict, `round ${round}, case ${i}`);
      assert.deepEqual(v.hingesOn?.length ? [...v.hingesOn] : undefined, hinges, `round ${round}, case ${i}`);
    }
  }
});

test("a dataset other than the search's drops the event with its reason", () => {
  const v = search.evaluate({ fields: { process_name: "x.exe" }, datasets: { "Endpoint.Registry": { process_name: "x.exe" } } });
  assert.equal(v.verdict, "no_match");
  assert.match(v.reason ?? "", /not in the Endpoint\.Processes dataset/);
});

test("anything that is not an event gets a not_testable value, never a throw", () => {
  // The gate once called toLowerCase() on a missing dataset and threw out of evaluate().
  const junk = [null, undefined, 5, "cmd.exe", {}, { fields: null }, { fields: [] }, { fields: {}, datasets: 5 }, { fields: {}, datasets: { "Endpoint.Processes": {} }, unknown: 5 }];
  for (const j of junk) {
    const e = j as unknown as EventInput;
    assert.equal(search.evaluate(e).verdict, "not_testable", JSON.stringify(j));
    assert.equal(search.explain(e).verdict, "not_testable", JSON.stringify(j));
  }
});

test("explain reports the unknown fields evaluate reports: a trace's own reads are not hinges", () => {
  // The trace evaluates every clause to show its value; it once added the fields of clauses the
  // verdict never needed (here parent_process_name, user) to the explained verdict's hinges.
  const searches = [
    "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=chcp.com Processes.parent_process_name=cmd.exe by Processes.dest",
    '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest Processes.process | rename Processes.* as * | where like(process, "%whoami%") AND user="a"',
    "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest Processes.process | rename Processes.* as * | search process=*whoami* user=a",
  ].map((s) => compileSearch(s, { macros: [] }));
  const cases: [EventInput, string[]][] = [
    [event({ process_name: "cmd.exe", process: "cmd.exe /c dir", dest: "h" }, ["user", "parent_process_name"]), []],
    [event({ process_name: "chcp.com", process: "chcp 65001", dest: "h" }, ["user", "parent_process_name"]), ["parent_process_name"]],
  ];
  for (const [e, hinges] of cases) {
    for (const s of searches) {
      const fast = s.evaluate(e);
      const slow = s.explain(e);
      assert.equal(slow.verdict, fast.verdict, s.search);
      assert.deepEqual([...(slow.hingesOn ?? [])], [...(fast.hingesOn ?? [])], s.search);
    }
    assert.deepEqual([...(searches[0]!.explain(e).hingesOn ?? [])], hinges);
  }
});
