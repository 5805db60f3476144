/** A column header's sort button with its arrow (the `th` carries aria-sort). */
export function SortButton({ sorted, onClick, children }: { sorted: false | "asc" | "desc"; onClick?: (e: unknown) => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="inline-flex items-center gap-1 rounded uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-white"
    >
      {children}
      <span aria-hidden="true" className="w-3 text-[10px]">
        {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
      </span>
    </button>
  );
}

export function ariaSort(sorted: false | "asc" | "desc"): "ascending" | "descending" | "none" {
  return sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none";
}
