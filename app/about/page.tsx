import type { Metadata } from "next";
import { getCatalog } from "@/lib/content/server";
import { ATTACK_CREDIT, ATTACK_VERSION } from "@/lib/attack";
import { AboutContent } from "@/components/layout/AboutContent";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "About" };

export default async function AboutPage() {
  const c = await getCatalog();
  return (
    <AboutContent
      dir={c.name}
      counts={{ analytics: c.analytics.length, macros: c.macros.length, stories: c.stories.length, problems: c.problems.length }}
      attackVersion={c.attackVersion || ATTACK_VERSION}
      attackCredit={ATTACK_CREDIT}
    />
  );
}
