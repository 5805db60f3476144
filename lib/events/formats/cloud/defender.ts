/**
 * Microsoft Defender advanced-hunting records through Event Hub (sourcetype
 * mscs:azure:eventhub:defender:advancedhunting). The record's `properties.*` are the event's fields
 * under their own names as well (AlertId, Timestamp… as data_sources/windows_defender_alerts.yml
 * lists them). Separator `AlertId`; time `properties.Timestamp`, else `time`.
 */
import { CITE } from "../../addon-ctx";
import { isObj, jsonFamily } from "../json-family";

export const defenderHunting = jsonFamily({
  id: "defender-hunting",
  label: "Defender advanced hunting JSON",
  family: "defender-hunting",
  source: "eventhub://windowsdefenderlogs",
  sourcetype: "mscs:azure:eventhub:defender:advancedhunting",
  separator: "AlertId",
  time: ["properties.Timestamp", "time"],
  test: (o) => isObj(o["properties"]) && /^AdvancedHunting/i.test(String(o["category"] ?? "")),
  addon(c) {
    for (const [name, value] of Object.entries(c.draft.fields)) {
      if (!name.startsWith("properties.") || c.draft.provenance[name]?.origin !== "extracted") continue;
      const bare = name.slice("properties.".length);
      if (!c.draft.has(bare)) c.draft.setExtracted(bare, value, { origin: "alias", from: name, cite: CITE.content("data_sources/windows_defender_alerts.yml fields") });
    }
    c.note("Defender advanced hunting: no CIM dataset mapping is documented here");
  },
});
