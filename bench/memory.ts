/**
 * Memory after loading and compiling the whole catalog: RSS and V8 heap at each step, and the peak
 * RSS of the process. Run with `node --expose-gc --import tsx bench/memory.ts` for settled figures
 * (bench-all.sh does); without --expose-gc the heap figures include garbage.
 */
import { compileCatalog, int, loadFullCatalog } from "./common";

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const gc = (globalThis as { gc?: () => void }).gc;
function snapshot(label: string): void {
  gc?.();
  const m = process.memoryUsage();
  console.log(`  ${label.padEnd(34)} rss ${mb(m.rss).padStart(9)}   heap used ${mb(m.heapUsed).padStart(9)}   heap total ${mb(m.heapTotal).padStart(9)}`);
}

console.log(`memory:${gc ? "" : " (no --expose-gc: heap figures include garbage)"}`);
snapshot("start (engine + loader imported)");
const catalog = await loadFullCatalog("memory");
if (catalog) {
  snapshot(`catalog loaded (${int(catalog.analytics.length)} analytics)`);
  const compiled = compileCatalog(catalog);
  snapshot(`all ${int(compiled.length)} searches compiled`);
  const peakKb = process.resourceUsage().maxRSS;
  console.log(`  peak RSS of the process: ${mb(peakKb * 1024)}`);
  // Keep the compiled searches alive until the figures are printed.
  if (compiled.length < 0) console.log(compiled);
}
