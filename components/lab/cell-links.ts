import type { LabMatrix } from "@/lib/catalog/lab";
import { encodeState } from "@/lib/tester/permalink";
import { cellKey, type CellLinks } from "./LabToolCard";

/**
 * Each cell's tester link: the analytic's page with the first sample it fires on in the permalink
 * (`#t=`, lib/tester/permalink), so the tester opens with that event and gives the cell's verdict.
 */
export async function cellLinks(matrix: LabMatrix): Promise<CellLinks> {
  const links: Record<string, string> = {};
  for (const row of [...matrix.rows, ...matrix.controls]) {
    const inputs = new Map(row.tool.samples.map((s) => [s.key, s.input]));
    for (const cell of row.cells) {
      const input = inputs.get(cell.samples[0]!);
      if (input === undefined) continue;
      // The input only, as /test's links: the page is the analytic's (a UUID would add ~50 characters a link).
      const hash = await encodeState({ input });
      links[cellKey(row.tool.slug, cell.analytic.id)] = `/analytics/${encodeURIComponent(cell.analytic.slug)}#${hash}`;
    }
  }
  return links;
}
