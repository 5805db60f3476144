"use client";
/**
 * "Save as test case": the tester's events and their verdicts as the stored test-case YAML
 * (docs/test-cases.md), shown as text, with Copy and Download buttons. Mount it in the tester
 * with the analytic and the explained events, e.g.
 *   <SaveAsTestCase analytic={{ id, name, slug }} events={explained.map((x) => ({
 *     fields: x.event.fields, format: x.event.format, provenance: x.event.provenance,
 *     verdict: x.explanation.verdict }))} />
 */
import { useEffect, useState } from "react";
import type { SaveInput } from "@/lib/testcases/serialize";
import { btn, copyText, download } from "@/components/ui/browser-io";

/** The serializer (and the YAML library, ~100 KB) loads when the panel first opens, not with the page. */
const serializer = () => import("@/lib/testcases/serialize");

export function SaveAsTestCase({ analytic, events }: SaveInput) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState("");
  const [yaml, setYaml] = useState("");
  useEffect(() => {
    if (!open) return;
    let live = true;
    void serializer().then(({ testCaseYaml }) => live && setYaml(testCaseYaml({ analytic, events })));
    return () => {
      live = false;
    };
  }, [open, analytic, events]);
  const fileName = `${(analytic.slug ?? analytic.id).replace(/[^A-Za-z0-9_.-]/g, "_")}.yml`;

  const copy = async () => setStatus(await copyText(yaml, "the test case"));
  const save = () => setStatus(download(fileName, yaml, "application/yaml"));

  return (
    <div className="mt-3" data-testid="save-as-test-case">
      <button type="button" className={btn} aria-expanded={open} disabled={events.length === 0} onClick={() => setOpen((o) => !o)}>
        Save as test case
      </button>
      {open && (
        <div className="mt-2 space-y-2">
          <p className="text-sm text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400">
            Each event with the verdict it got now, as <code>content/tests/{fileName}</code>. Check the expectations, then run{" "}
            <code>npm run --silent cli -- test --content content</code>.
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={btn} onClick={copy} disabled={!yaml}>
              Copy
            </button>
            <button type="button" className={`${btn} [overflow-wrap:anywhere]`} onClick={save} disabled={!yaml}>
              Download {fileName}
            </button>
            <span role="status" aria-live="polite" className="self-center text-sm">
              {status}
            </span>
          </div>
          <pre tabIndex={0} aria-label="Test case YAML" className="max-h-80 overflow-auto rounded border border-slate-200 bg-slate-50 p-2 text-xs dark:border-slate-800 dark:bg-slate-900">
            {yaml}
          </pre>
        </div>
      )}
    </div>
  );
}
