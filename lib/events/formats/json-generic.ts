/**
 * Any other JSON object: its fields as Splunk's JSON extraction names them. Which data source it
 * is comes from the shape alone (the names it shares with each data source's example).
 */
import { isObj, jsonExtraction } from "./json-family";
import type { InputFormatModule } from "./types";

export const jsonGeneric: InputFormatModule = {
  id: "json",
  label: "JSON",
  kind: "json",
  detect: (chunk) => (chunk.kind === "json" && isObj(chunk.value) && Object.keys(chunk.value).length > 0 ? 2 : 0),
  extract(chunk) {
    if (!isObj(chunk.value)) return { problem: "expected an object" };
    const ext = jsonExtraction(chunk.value, "json");
    ext.shapeOnly = true;
    return ext;
  },
};
