"use client";
import Link from "@/components/ui/Link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * Previous / next within a story's walk-through, and the position ("3 of 12"). Keyboard: ← → and
 * k / j, except while typing in a field (the tester's Events box keeps its arrows).
 */
export function WalkNav({ n, total, prev, next }: { n: number; total: number; prev?: string; next?: string }) {
  const router = useRouter();
  // Set once the keys are listened to (after hydration): `data-ready` on the nav.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    setReady(true);
    if (prev) router.prefetch(prev);
    if (next) router.prefetch(next);
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
      const to = e.key === "ArrowLeft" || e.key === "k" ? prev : e.key === "ArrowRight" || e.key === "j" ? next : undefined;
      if (!to) return;
      e.preventDefault();
      router.push(to);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, prev, next]);
  const btn = "rounded border border-slate-300 px-3 py-1 text-sm dark:border-slate-700";
  const live = `${btn} text-indigo-800 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950`;
  const dead = `${btn} cursor-not-allowed text-slate-400 dark:text-slate-600`;
  return (
    <nav aria-label="Walk-through" className="flex flex-wrap items-center gap-3" data-testid="walk-nav" data-ready={ready ? "yes" : "no"}>
      {prev ? (
        <Link href={prev} className={live} rel="prev" aria-keyshortcuts="ArrowLeft k">
          ← Previous
        </Link>
      ) : (
        <span className={dead} aria-disabled="true">← Previous</span>
      )}
      <span className="text-sm tabular-nums" data-testid="walk-position" aria-current="step">
        {n} of {total}
      </span>
      {next ? (
        <Link href={next} className={live} rel="next" aria-keyshortcuts="ArrowRight j">
          Next →
        </Link>
      ) : (
        <span className={dead} aria-disabled="true">Next →</span>
      )}
      <span className="text-xs text-slate-600 dark:text-slate-400">Keys: ← → or k j</span>
    </nav>
  );
}
