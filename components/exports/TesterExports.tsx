"use client";
/**
 * The tester's exports beside "Save as test case": the verdicts and their trace as Markdown or
 * HTML (for a ticket or a slide), and the events as contentctl test data (a `tests:` entry for the
 * detection YAML, an attack_data `data.yml`, and the event files). Generators: lib/export.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import type { ExplainedEvent } from "@/lib/tester/protocol";
import { buildReport } from "@/lib/export/report";
import { reportMarkdown } from "@/lib/export/markdown";
import { reportHtml } from "@/lib/export/html";
import type { EventFile, ExportInput } from "@/lib/export/contentctl";
import { btn, copyHtml, copyText, download } from "@/components/ui/browser-io";

export interface ExportAnalytic {
  id: string;
  name: string;
  slug: string;
  techniques: readonly string[];
}

/** A random (v4) UUID; getRandomValues works where randomUUID does not (plain http). */
function uuid4(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

type Shown = "markdown" | "html" | "contentctl" | null;

/** The contentctl generators (and the YAML library, ~100 KB) load when that panel first opens, not with the page. */
const contentctl = () => import("@/lib/export/contentctl");

export function TesterExports({ analytic, items }: { analytic: ExportAnalytic; items: readonly ExplainedEvent[] }) {
  const [shown, setShown] = useState<Shown>(null);
  const [status, setStatus] = useState("");
  const [author, setAuthor] = useState("");
  const [datasetId] = useState(uuid4);
  const reportFor = useCallback(() => {
    const url = `${window.location.origin}/analytics/${encodeURIComponent(analytic.slug)}`;
    return buildReport({ analytic: { id: analytic.id, name: analytic.name, url }, items: items.map((i) => ({ index: i.index, event: i.event, explanation: i.explanation })) });
  }, [analytic, items]);
  const preview = useMemo(() => (shown === "markdown" ? reportMarkdown(reportFor()) : shown === "html" ? reportHtml(reportFor()) : ""), [shown, reportFor]);
  const input = useMemo<ExportInput>(
    () => ({
      analytic,
      events: items.map((i) => ({ text: i.event.text, source: i.event.source, sourcetype: i.event.sourcetype, dataSource: i.event.dataSource, verdict: i.explanation.verdict })),
      author: author.trim() || "<author>",
      date: new Date().toISOString().slice(0, 10),
      datasetId,
    }),
    [analytic, items, author, datasetId],
  );
  const [cc, setCc] = useState<{ tests: string; data: string; files: EventFile[] } | null>(null);
  useEffect(() => {
    if (shown !== "contentctl") return setCc(null);
    let live = true;
    void contentctl().then((m) => live && setCc({ tests: m.testsEntryYaml(input), data: m.dataYaml(input), files: m.eventFiles(input) }));
    return () => {
      live = false;
    };
  }, [shown, input]);
  const testsName = `${analytic.slug.replace(/[^A-Za-z0-9_.-]/g, "_")}_tests.yml`;

  return (
    <div className="mt-3 space-y-2" data-testid="tester-exports">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={btn}
          aria-pressed={shown === "markdown"}
          onClick={() => {
            setShown("markdown");
            void copyText(reportMarkdown(reportFor()), "the verdict and trace as Markdown").then(setStatus);
          }}
        >
          Copy as Markdown
        </button>
        <button
          type="button"
          className={btn}
          aria-pressed={shown === "html"}
          onClick={() => {
            setShown("html");
            const r = reportFor();
            void copyHtml(reportHtml(r), reportMarkdown(r), "the verdict and trace as HTML").then(setStatus);
          }}
        >
          Copy as HTML
        </button>
        <button type="button" className={btn} aria-expanded={shown === "contentctl"} onClick={() => setShown((s) => (s === "contentctl" ? null : "contentctl"))}>
          contentctl test data
        </button>
        <span role="status" aria-live="polite" className="text-sm">
          {status}
        </span>
      </div>
      {(shown === "markdown" || shown === "html") && (
        <pre aria-label={shown === "markdown" ? "Markdown export" : "HTML export"} className="max-h-80 overflow-auto whitespace-pre-wrap rounded border border-slate-200 bg-slate-50 p-2 text-xs [overflow-wrap:anywhere] dark:border-slate-800 dark:bg-slate-900">
          {preview}
        </pre>
      )}
      {cc && (
        <div className="space-y-2 rounded border border-slate-200 p-2 text-sm dark:border-slate-800">
          <p className="text-slate-600 dark:text-slate-400">
            The events as security_content test data: a <code>tests:</code> entry for the detection&apos;s YAML, and for the attack_data repository the event file{cc.files.length > 1 ? "s" : ""} with a <code>data.yml</code> describing {cc.files.length > 1 ? "them" : "it"}. Source and sourcetype come from the data source each event was recognised as.
          </p>
          <label className="flex flex-wrap items-center gap-2">
            Author (for data.yml)
            <input value={author} onChange={(e) => setAuthor(e.target.value)} placeholder="Your name" className="min-w-0 rounded border border-slate-300 bg-white px-2 py-0.5 dark:border-slate-700 dark:bg-slate-900" />
          </label>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={`${btn} max-w-full text-left [overflow-wrap:anywhere]`} onClick={() => setStatus(download(testsName, cc.tests, "application/yaml"))}>
              Download {testsName}
            </button>
            <button type="button" className={`${btn} max-w-full text-left [overflow-wrap:anywhere]`} onClick={() => setStatus(download("data.yml", cc.data, "application/yaml"))}>
              Download data.yml
            </button>
            {cc.files.map((f) => (
              <button key={f.name} type="button" className={`${btn} max-w-full text-left [overflow-wrap:anywhere]`} onClick={() => setStatus(download(f.name, f.text, "text/plain"))}>
                Download {f.name}
              </button>
            ))}
          </div>
          <pre aria-label="tests: entry" className="max-h-60 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs [overflow-wrap:anywhere] dark:bg-slate-900">{cc.tests}</pre>
          <pre aria-label="data.yml" className="max-h-60 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs [overflow-wrap:anywhere] dark:bg-slate-900">{cc.data}</pre>
        </div>
      )}
    </div>
  );
}
