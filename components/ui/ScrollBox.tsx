/**
 * A box that scrolls sideways when its table is wider than the screen (390 px phones): focusable
 * and named, so a keyboard user can scroll it too (axe `scrollable-region-focusable`).
 */
export function ScrollBox({ label, className = "", children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto focus-visible:outline-2 focus-visible:outline-indigo-500 ${className}`}>
      {children}
    </div>
  );
}
