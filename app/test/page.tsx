import type { Metadata } from "next";
import { getCatalog } from "@/lib/content/server";
import { CatalogTester } from "@/components/tester/CatalogTester";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Test against the catalog" };

/** `/test`: paste events once, see which analytics of the whole catalog fire. */
export default async function TestPage() {
  const catalog = await getCatalog();
  return (
    <main className="mx-auto max-w-screen-xl space-y-4 px-4 py-4">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Test against the catalog</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Each of the {catalog.analytics.length.toLocaleString("en")} analytics runs its own SPL on what you paste, in your browser. Those the engine cannot run faithfully say why instead of guessing.
        </p>
      </header>
      <CatalogTester />
    </main>
  );
}
