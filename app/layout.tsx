import type { Metadata, Viewport } from "next";
import { getCatalog } from "@/lib/content/server";
import { getContentProblems } from "@/lib/content/problems";
import { ATTACK_VERSION } from "@/lib/attack";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { engineWorkerUrl } from "@/lib/server/engine-worker";
import "./globals.css";

/** Every page reads the content at request time, so CONTENT_DIR is honoured at server start. */
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Detection Console", template: "%s · Detection Console" },
  description: "Review Splunk ESCU-style detection content and test it live.",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#0f172a" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [catalog, problems] = await Promise.all([getCatalog(), getContentProblems()]);
  const worker = engineWorkerUrl();
  return (
    <html lang="en">
      {/* The tester's engine worker as one script (components/tester/engine-client.ts). */}
      <head>{worker && <meta name="engine-worker" content={worker} />}</head>
      <body className="flex min-h-screen flex-col bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only text-sm focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-indigo-600 focus:px-3 focus:py-2 focus:text-white"
        >
          Skip to content
        </a>
        <SiteHeader problemCount={problems.length} />
        <div id="main" className="flex-1">
          {children}
        </div>
        <SiteFooter dir={catalog.name} analytics={catalog.analytics.length} attackVersion={catalog.attackVersion || ATTACK_VERSION} />
      </body>
    </html>
  );
}
