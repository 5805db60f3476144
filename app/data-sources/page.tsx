import type { Metadata } from "next";
import { getCatalog } from "@/lib/content/server";
import { dataSourceRows } from "@/lib/catalog/data-sources";
import { DataSourcesTable } from "@/components/data-sources/DataSourcesTable";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Data sources" };

/** `/data-sources`: every data source of the content with its source, sourcetype, add-on and analytics. */
export default async function DataSourcesRoute() {
  const catalog = await getCatalog();
  return (
    <main className="mx-auto max-w-screen-2xl space-y-3 px-4 py-4">
      <h1 className="text-xl font-semibold tracking-tight">Data sources</h1>
      <p className="max-w-prose text-sm text-slate-600 dark:text-slate-400">
        Where the events the analytics read come from: each data source names its Splunk source and sourcetype, the add-on that extracts its fields, and a real
        example event. An analytic reads a data source when its <code className="text-xs">data_source</code> list names it.
      </p>
      <DataSourcesTable rows={dataSourceRows(catalog)} />
    </main>
  );
}
