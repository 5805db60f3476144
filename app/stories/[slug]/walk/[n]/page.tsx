import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { decodeSegment } from "@/lib/catalog/decode-segment";
import { getCatalog } from "@/lib/content/server";
import { samplesFor } from "@/lib/content/samples";
import { tacticNames, techniqueUrl } from "@/lib/attack";
import { buildAnalyticView } from "@/lib/catalog/analytic-view";
import { firingSample, offeredInputs, walkStep } from "@/lib/catalog/walk";
import { WalkStepView } from "@/components/stories/WalkStepView";
import { AnalyticTesterSlot } from "@/components/tester/AnalyticTesterSlot";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; n: string }> };

async function stepOf(params: Props["params"]) {
  const { slug, n } = await params;
  const key = decodeSegment(slug);
  return key === undefined || !/^\d{1,5}$/.test(n) ? undefined : walkStep(await getCatalog(), key, Number(n));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const step = await stepOf(params);
  return { title: step ? `${step.analytic.name} (${step.n} of ${step.total}, ${step.story.name})` : "Not found" };
}

/** `/stories/<slug>/walk/<n>`: step n of the story's walk-through (lib/catalog walk.ts). */
export default async function WalkRoute({ params }: Props) {
  const step = await stepOf(params);
  if (!step) notFound();
  const catalog = await getCatalog();
  const offered = offeredInputs(catalog, step.analytic, await samplesFor(step.analytic.id));
  const sample = firingSample(catalog, step.analytic, offered);
  const view = buildAnalyticView(step.analytic, { content: catalog, stories: catalog.stories, tacticNames, techniqueUrl });
  const tester = <AnalyticTesterSlot key={step.analytic.id} analytic={step.analytic} {...(sample ? { initial: { key: sample.key, input: sample.input } } : {})} />;
  return <WalkStepView step={step} view={view} {...(sample ? { sample } : {})} offered={offered.length} tester={tester} />;
}
