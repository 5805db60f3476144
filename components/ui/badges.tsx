import type { Severity } from "@/lib/rba/types";

/** Severity as words (never colour alone); the tones are app/globals.css's `dc-sev-*` classes. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`dc-badge dc-sev-${severity}`}>{severity}</span>;
}

export function Badge({ children, tone = "neutral", title }: { children: React.ReactNode; tone?: "neutral" | "warn" | "info" | "ok"; title?: string }) {
  const style = {
    neutral: "bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
    warn: "bg-amber-50 text-amber-900 ring-amber-400 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-700",
    info: "bg-indigo-50 text-indigo-900 ring-indigo-300 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-700",
    ok: "bg-emerald-50 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-700",
  }[tone];
  // Wraps inside the screen when its text is longer than the line (presentation mode at 390 px).
  return (
    <span title={title} className={`inline-block max-w-full rounded px-1.5 py-0.5 text-xs ring-1 ring-inset ${style}`}>
      {children}
    </span>
  );
}

/** An analytic's status: production reads as settled, anything else (experimental, deprecated…) as a warning. */
export function StatusBadge({ status }: { status: string | undefined }) {
  return <Badge tone={status === "production" ? "ok" : "warn"}>{status || "no status"}</Badge>;
}

/** Type, status, severity and risk score of an analytic, as its page and a walk-through step show them. */
export function AnalyticBadges({ analytic }: { analytic: { type: string; status: string; rba: { severity: Severity; riskScore: number } } }) {
  return (
    <>
      <Badge tone="info">{analytic.type}</Badge>
      <StatusBadge status={analytic.status} />
      <SeverityBadge severity={analytic.rba.severity} />
      <span className="text-xs text-slate-600 dark:text-slate-400">risk score {analytic.rba.riskScore}</span>
    </>
  );
}
