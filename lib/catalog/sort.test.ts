import { test } from "node:test";
import assert from "node:assert/strict";
import { buildCatalogIndex } from "./build";
import { defaultOrder, sortRows } from "./sort";
import { ALL, TACTICS } from "./test-fixtures";
import type { SortColumn } from "./types";

const rows = buildCatalogIndex(ALL, TACTICS).entries.map((e) => e.row);

test("each column sorts ascending; desc reverses", () => {
  const cases: [SortColumn, boolean, string[]][] = [
    ["name", false, ["cloud_thing", "impacket_lateral_movement_smbexec_commandline_parameters", "old_dll_hunt", "windows_lateral_tool_transfer_remcom"]],
    // desc reverses the tie-break on name too
    ["risk", true, ["impacket_lateral_movement_smbexec_commandline_parameters", "windows_lateral_tool_transfer_remcom", "old_dll_hunt", "cloud_thing"]],
    ["date", false, ["old_dll_hunt", "impacket_lateral_movement_smbexec_commandline_parameters", "windows_lateral_tool_transfer_remcom", "cloud_thing"]],
    ["techniques", false, ["impacket_lateral_movement_smbexec_commandline_parameters", "windows_lateral_tool_transfer_remcom", "old_dll_hunt", "cloud_thing"]],
    ["severity", false, ["cloud_thing", "old_dll_hunt", "windows_lateral_tool_transfer_remcom", "impacket_lateral_movement_smbexec_commandline_parameters"]],
  ];
  for (const [col, desc, expected] of cases) assert.deepEqual(sortRows(rows, col, desc).map((r) => r.slug), expected, `${col} ${desc}`);
});

test("without a chosen sort: production first, deprecated last, then by name", () => {
  const order = defaultOrder(rows).map((r) => `${r.status}:${r.slug}`);
  const rank = (s: string) => (s.startsWith("production") ? 0 : s.startsWith("deprecated") ? 2 : 1);
  for (let i = 1; i < order.length; i++) assert.ok(rank(order[i - 1]!) <= rank(order[i]!), order.join(" "));
  assert.ok(order.some((s) => s.startsWith("deprecated")), "the fixture has a deprecated analytic");
  assert.ok(order[order.length - 1]!.startsWith("deprecated"), order.join(" "));
});
