import Link from "@/components/ui/Link";
import { formatCount } from "@/lib/detection/numbers";

/** Where the content comes from: directory, analytics count, ATT&CK version. */
export function SiteFooter({ dir, analytics, attackVersion }: { dir: string; analytics: number; attackVersion: string }) {
  return (
    <footer className="mt-12 border-t border-slate-200 bg-slate-50 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
      <div className="mx-auto flex max-w-screen-2xl flex-wrap gap-x-6 gap-y-1 px-4 py-3">
        <span>
          Content: <code className="break-all">{dir}</code>
        </span>
        <span>{formatCount(analytics)} analytics</span>
        <span>MITRE ATT&amp;CK® v{attackVersion}</span>
        <Link href="/about" className="underline underline-offset-2">
          Sources and credits
        </Link>
      </div>
    </footer>
  );
}
