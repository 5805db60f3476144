"use client";
import Link from "@/components/ui/Link";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-2xl px-4 py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-red-700 dark:text-red-300">Error</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">This page could not be shown</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">
        Something went wrong while rendering it. The rest of the console still works.
        {error.digest && (
          <>
            {" "}
            Reference: <code>{error.digest}</code>
          </>
        )}
      </p>
      <p className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={reset} className="rounded-md bg-indigo-600 px-3 py-2 text-sm text-white hover:bg-indigo-700">
          Try again
        </button>
        <Link href="/" className="rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-700">
          Back to the catalog
        </Link>
      </p>
    </main>
  );
}
