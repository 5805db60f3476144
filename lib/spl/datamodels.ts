/**
 * The data-model datasets a (macro-expanded) search names, in order of first appearance:
 * `datamodel=Endpoint.Processes`, `datamodel:"Risk.All_Risk"`, `from datamodel Risk.All_Risk`,
 * `| datamodel Endpoint Processes search`. Subsearches included.
 */
const NAME = String.raw`([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)`;
const PATTERNS = [
  new RegExp(String.raw`\bdatamodel\s*[=:]\s*"?${NAME}"?`, "gi"),
  new RegExp(String.raw`\bfrom\s+datamodel\s*[:=]?\s*"?${NAME}"?`, "gi"),
  /\|\s*datamodel\s+([A-Za-z_]\w*)(?:\s+([A-Za-z_]\w*))?/gi,
];

export function datamodelsIn(expanded: string): string[] {
  const found: { at: number; name: string }[] = [];
  for (const re of PATTERNS) {
    for (const m of expanded.matchAll(re)) {
      // `| datamodel Endpoint Processes search`: the third word is a mode, not a dataset.
      const name = m[2] && !/^(search|flat|acceleration_search)$/i.test(m[2]) ? `${m[1]}.${m[2]}` : (m[1] ?? "");
      if (name) found.push({ at: m.index ?? 0, name });
    }
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.name))];
}
