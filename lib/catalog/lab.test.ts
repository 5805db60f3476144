import { test } from "node:test";
import assert from "node:assert/strict";
import { loadCatalog } from "../content/load";
import { loadLab, type LabTool } from "../content/lab";
import { matcherFor, verdictFor } from "../engine/index";
import { parseEvents, toEventInput } from "../events/index";
import { buildLabMatrix, labMatrix } from "./lab";

const SMBEXEC_SEED = "bb3c1bac-6bdf-4aa0-8dc9-068b8b712a76";
const REMCOM_SEED = "e373a840-5bdc-47ef-b2fd-9cc7aaf387f0";

const setup = (async () => {
  const catalog = await loadCatalog("content");
  const lab = await loadLab("lateral-movement", process.cwd(), "content");
  return { catalog, lab, matrix: buildLabMatrix(catalog, lab.tools) };
})();

test("built-in content: the smbexec and RemCom rows light up their seed analytics, on the seed command lines", async () => {
  const { matrix } = await setup;
  const row = (slug: string) => matrix.rows.find((r) => r.tool.slug === slug)!;
  const cell = (slug: string, id: string) => row(slug).cells.find((c) => c.analytic.id === id);
  assert.ok(cell("impacket-smbexec", SMBEXEC_SEED));
  assert.ok(cell("remcom", REMCOM_SEED));
  assert.equal(row("impacket-smbexec").samples.find((s) => s.sample.key === cell("impacket-smbexec", SMBEXEC_SEED)!.samples[0])!.sample.host, "target");
  assert.ok(matrix.rows.length >= 10);
  assert.deepEqual(matrix.columns.map((c) => c.id).sort(), [REMCOM_SEED, SMBEXEC_SEED].sort());
  assert.ok(matrix.missed.includes("impacket-psexec") && !matrix.missed.includes("remcom"));
});

test("every pair agrees with the tester's path (each analytic's own matcher, explained): a cell iff some sample fires", async () => {
  const { catalog, matrix } = await setup;
  for (const row of [...matrix.rows, ...matrix.controls]) {
    const firing = new Map([...row.cells, ...row.noise].map((c) => [c.analytic.id, c.samples]));
    for (const a of catalog.analytics) {
      const m = matcherFor(catalog, a);
      const fires = row.tool.samples.filter((s) => {
        const r = parseEvents(s.input, { dataSources: catalog.dataSources, maxEvents: 2 });
        assert.equal(r.events.length, 1, s.key);
        return verdictFor(m, toEventInput(r.events[0]!), true).verdict === "match";
      });
      assert.deepEqual(fires.map((s) => s.key), firing.get(a.id) ?? [], `${row.tool.slug} × ${a.slug}`);
    }
  }
});

test("an analytic that fires on a control is noise: not credited to the tool, and a tool left with nothing is missed", async () => {
  const { catalog, lab } = await setup;
  const smbexec = lab.tools.find((t) => t.slug === "impacket-smbexec")!;
  const control: LabTool = { ...smbexec, slug: "ctl", name: "Control", control: true, samples: [smbexec.samples[1]!] };
  const m = buildLabMatrix(catalog, [...lab.tools.filter((t) => !t.control), control]);
  const row = m.rows.find((r) => r.tool.slug === "impacket-smbexec")!;
  assert.deepEqual(row.cells, []);
  assert.deepEqual(row.noise.map((c) => c.analytic.id), [SMBEXEC_SEED]);
  assert.ok(m.missed.includes("impacket-smbexec"));
  assert.deepEqual(m.controls.map((r) => r.cells.map((c) => c.analytic.id)), [[SMBEXEC_SEED]]);
  assert.ok(!m.columns.some((c) => c.id === SMBEXEC_SEED));
});

test("labMatrix computes once per (catalog, tools)", async () => {
  const { catalog, lab } = await setup;
  assert.equal(labMatrix(catalog, lab.tools), labMatrix(catalog, lab.tools));
});
