import type { CatalogTechnique } from "@/lib/catalog/types";

/** Technique ids, names on hover; a revoked id shows where it now points. */
export function TechniqueList({ techniques, max = 4 }: { techniques: CatalogTechnique[]; max?: number }) {
  if (techniques.length === 0) return <span className="text-slate-400">—</span>;
  const shown = techniques.slice(0, max);
  const more = techniques.length - shown.length;
  return (
    <span className="font-mono text-xs">
      {shown.map((t, i) => (
        <span key={t.id} className="whitespace-nowrap" title={t.status ? `${t.status}${t.resolvedId ? ` → ${t.resolvedId}` : ""}` : undefined}>
          {i > 0 && ", "}
          {t.status === "revoked" && t.resolvedId ? (
            <>
              <s>{t.id}</s>→{t.resolvedId}
            </>
          ) : (
            t.id
          )}
        </span>
      ))}
      {more > 0 && <span className="font-sans text-slate-500" title={techniques.slice(max).map((t) => t.id).join(", ")}> +{more}</span>}
    </span>
  );
}
