import type { ReactNode } from "react";
import type { Verdict as V } from "@/lib/detection/types";
import { verdictText } from "@/lib/detection/verdicts";
import { Icon } from "@/components/ui/Icon";

export { verdictText };

const STYLE: Record<V, string> = {
  match: "bg-red-50 text-red-900 ring-red-400 dark:bg-red-950 dark:text-red-100 dark:ring-red-700",
  no_match: "bg-emerald-50 text-emerald-900 ring-emerald-400 dark:bg-emerald-950 dark:text-emerald-100 dark:ring-emerald-700",
  not_testable: "bg-amber-50 text-amber-900 ring-amber-400 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-700",
};
const MARK: Record<V, ReactNode> = { match: "●", no_match: "○", not_testable: <Icon name="warning" /> };

/** A verdict's mark, beside its words (a sample's expected verdict, a badge). */
export function VerdictIcon({ verdict, className }: { verdict: V; className?: string }) {
  return (
    <span aria-hidden="true" className={className}>
      {MARK[verdict]}
    </span>
  );
}

/** The verdict in words with an icon (never colour alone); carries `data-verdict`. */
export function VerdictBadge({ verdict, reason, size = "md" }: { verdict: V; reason?: string; size?: "sm" | "md" }) {
  return (
    <span
      data-verdict={verdict}
      className={`inline-flex max-w-full items-start gap-1 rounded ring-1 ring-inset ${STYLE[verdict]} ${size === "md" ? "px-2 py-1 font-semibold" : "px-1.5 py-0.5 text-xs font-semibold"}`}
    >
      <VerdictIcon verdict={verdict} />
      <span className="[overflow-wrap:anywhere]">{verdictText(verdict, reason)}</span>
    </span>
  );
}
