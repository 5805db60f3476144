/** "On this page": jump links to the analytic page's sections (wide screens). */
const ENTRIES: [string, string][] = [
  ["annotations", "Annotations"],
  ["search", "Search"],
  ["macros", "Macros"],
  ["required-fields", "Required fields"],
  ["live-test", "Live test"],
  ["evasion", "Evasion lab"],
  ["how-to-implement", "How to implement"],
  ["known-false-positives", "Known false positives"],
  ["stories", "Analytic stories"],
  ["rba", "RBA"],
  ["drilldowns", "Drilldown searches"],
  ["references", "References"],
  ["test-datasets", "Test datasets"],
];

export function PageToc() {
  return (
    <nav aria-label="On this page" className="text-sm">
      <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">On this page</h2>
      <ul className="space-y-0.5 border-l border-slate-200 dark:border-slate-800">
        {ENTRIES.map(([id, label]) => (
          <li key={id}>
            <a href={`#${id}`} className="dc-toc-link">
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
