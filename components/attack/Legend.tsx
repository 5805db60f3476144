import { SHADE_BUCKETS } from "@/lib/attack/shades";
import { LayerTag } from "./TechniqueCell";

/** The shading buckets (each cell also prints its count) and the imported-layer tags. */
export function Legend({ withLayer }: { withLayer: boolean }) {
  return (
    <ul aria-label="Legend" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
      {SHADE_BUCKETS.map((b) => (
        <li key={b.label} className="flex items-center gap-1">
          <span aria-hidden="true" className={`inline-block h-3.5 w-5 rounded-sm border ${b.className}`} />
          {b.label}
        </li>
      ))}
      {withLayer && (
        <>
          <li className="flex items-center gap-1">
            <LayerTag mark="gap" />
            in the layer, no analytic
          </li>
          <li className="flex items-center gap-1">
            <LayerTag mark="covered" />
            in the layer, covered
          </li>
        </>
      )}
    </ul>
  );
}
