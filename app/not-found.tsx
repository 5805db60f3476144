import Link from "@/components/ui/Link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700 dark:text-indigo-300">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Not found</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">
        There is no page here. If you followed a link to an analytic, it may have been renamed or removed from the content.
      </p>
      <p className="mt-6">
        <Link href="/" className="rounded-md bg-indigo-600 px-3 py-2 text-sm text-white hover:bg-indigo-700">
          Search the catalog
        </Link>
      </p>
    </main>
  );
}
