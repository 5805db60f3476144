"use client";
/**
 * "Save as test case": the tester's events and their verdicts as the stored test-case YAML
 * (docs/test-cases.md), shown as text, with Copy and Download buttons. Mount it in the tester
 * with the analytic and the explained events, e.g.
 *   <SaveAsTestCase analytic={{ id, name, slug }} events={explained.map((x) => ({
 *     fields: x.event.fields, format: x.event.format, provenance: x.event.provenance,
 *     verdict: x.explanation.verdict }))} />
 */
import { useMemo, useState } from "react";
import { testCaseYaml, type SaveInput } from "@/lib/testcases/serialize";

const btn =
  "rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800";

export function SaveAsTestCase({ analytic, events }: SaveInput) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState("");
  const yaml = useMemo(() => (open ? testCaseYaml({ analytic, events }) : ""), [open, analytic, events]);
  const fileName = `${(analytic.slug ?? analytic.id).replace(/[^A-Za-z0-9_.-]/g, "_")}.yml`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(yaml);
      setStatus("Copied.");
    } catch {
      setStatus("Copy failed: select the text and copy it by hand.");
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([yaml], { type: "application/yaml;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setStatus(`Downloaded ${fileName}.`);
  }

  return (
    <div className="mt-3" data-testid="save-as-test-case">
      <button type="button" className={btn} aria-expanded={open} disabled={events.length === 0} onClick={() => setOpen((o) => !o)}>
        Save as test case
      </button>
      {open && (
        <div className="mt-2 space-y-2">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Each event with the verdict it got now, as <code>content/tests/{fileName}</code>. Check the expectations, then run{" "}
            <code>npm run --silent cli -- test --content content</code>.
          </p>
          <div className="flex gap-2">
            <button type="button" className={btn} onClick={copy}>
              Copy
            </button>
            <button type="button" className={btn} onClick={download}>
              Download {fileName}
            </button>
            <span role="status" aria-live="polite" className="self-center text-sm">
              {status}
            </span>
          </div>
          <pre aria-label="Test case YAML" className="max-h-80 overflow-auto rounded border border-slate-200 bg-slate-50 p-2 text-xs dark:border-slate-800 dark:bg-slate-900">
            {yaml}
          </pre>
        </div>
      )}
    </div>
  );
}
