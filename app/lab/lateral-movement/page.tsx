import type { Metadata } from "next";
import { getCatalog } from "@/lib/content/server";
import { getLab } from "@/lib/content/lab";
import { labMatrix } from "@/lib/catalog/lab";
import { LabPage } from "@/components/lab/LabPage";
import { cellLinks } from "@/components/lab/cell-links";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Lateral-movement lab" };

/** `/lab/lateral-movement`: the lab's tools run against the whole catalog (lib/catalog/lab.ts). */
export default async function LateralMovementLab() {
  const [catalog, lab] = await Promise.all([getCatalog(), getLab()]);
  const matrix = labMatrix(catalog, lab.tools);
  return <LabPage matrix={matrix} links={await cellLinks(matrix)} catalogName={catalog.name} />;
}
