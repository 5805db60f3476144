"use client";
import { useId, useState } from "react";
import type { MacroUse } from "@/lib/spl/api";
import type { SplLine } from "@/lib/catalog/spl-display";
import { macroOriginLabel } from "@/lib/catalog/spl-display";
import { formatCount } from "@/lib/detection/numbers";

/**
 * Colour alone sets the tokens apart, not weight: each weight of the code face is one more font for
 * the page's first layout to find and size (see the font stacks in app/globals.css).
 */
const TOKEN_CLASS: Record<string, string> = {
  pipe: "text-pink-400",
  command: "text-sky-300",
  function: "text-violet-300",
  keyword: "text-orange-300",
  field: "text-emerald-300",
  string: "text-amber-200",
  operator: "text-pink-300",
  number: "text-cyan-300",
  comment: "italic text-slate-400",
  macro: "text-yellow-300",
};

/**
 * The SPL, one line per pipe segment, highlighted. Each macro invocation is a button that
 * expands in place to what it stands for (its definition after argument substitution).
 */
export function SplCode({ lines, macros, search }: { lines: SplLine[]; macros: MacroUse[]; search: string }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [copied, setCopied] = useState(false);
  const base = useId();
  const toggle = (i: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });
  const allOpen = macros.length > 0 && open.size === macros.length;
  const tool = "rounded border border-slate-600 px-2 py-0.5 text-xs text-slate-200 hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-sky-400";

  return (
    <div className="overflow-hidden rounded-md bg-slate-900 text-slate-100 ring-1 ring-slate-800">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-700 px-3 py-1.5">
        <span className="text-xs text-slate-400">
          SPL · {formatCount(lines.length)} {lines.length === 1 ? "line" : "lines"} · {formatCount(macros.length)} {macros.length === 1 ? "macro" : "macros"}
        </span>
        <span className="flex gap-1.5">
          {macros.length > 0 && (
            <button type="button" className={tool} onClick={() => setOpen(allOpen ? new Set() : new Set(macros.map((_, i) => i)))}>
              {allOpen ? "Collapse macros" : "Expand all macros"}
            </button>
          )}
          <button
            type="button"
            className={tool}
            onClick={() => {
              void navigator.clipboard?.writeText(search).then(() => {
                setCopied(true);
                setTimeout(() => setCopied(false), 1500);
              });
            }}
          >
            {copied ? "Copied" : "Copy SPL"}
          </button>
        </span>
      </div>
      <ol className="overflow-x-auto py-2 font-mono text-[0.8125rem] leading-6" aria-label="SPL search, one line per pipe segment">
        {lines.map((line) => (
          <li key={line.number} className="grid grid-cols-[2.25rem_minmax(0,1fr)] pr-3 hover:bg-slate-800/60">
            <span aria-hidden="true" className="select-none pr-3 text-right text-slate-500">
              {line.number}
            </span>
            <code className="whitespace-pre-wrap [overflow-wrap:anywhere]">
              {line.pieces.map((p, i) => {
                if (p.kind === "text") {
                  const cls = TOKEN_CLASS[p.tokenKind];
                  return cls ? (
                    <span key={i} className={cls}>
                      {p.text}
                    </span>
                  ) : (
                    <span key={i}>{p.text}</span>
                  );
                }
                const use = macros[p.macro]!;
                const isOpen = open.has(p.macro);
                const id = `${base}-m${p.macro}`;
                return (
                  <span key={i}>
                    <button
                      type="button"
                      aria-expanded={isOpen}
                      aria-controls={id}
                      title={isOpen ? "Collapse macro" : "Expand macro in place"}
                      onClick={() => toggle(p.macro)}
                      className="inline rounded text-left text-yellow-300 underline decoration-yellow-300/60 decoration-dotted underline-offset-4 hover:bg-yellow-300/10 focus-visible:outline-2 focus-visible:outline-yellow-300"
                    >
                      {p.text}
                      <span className="sr-only">{isOpen ? " (collapse macro)" : " (expand macro)"}</span>
                    </button>
                    <span id={id} hidden={!isOpen}>
                      {isOpen && (
                        <span className="mx-1 rounded border border-yellow-400/50 bg-yellow-300/10 px-1 text-yellow-100">
                          <span className="select-none text-yellow-400/80" aria-hidden="true">
                            →{" "}
                          </span>
                          <span className="sr-only">expands to </span>
                          {use.expansion.trim() === "" ? <em className="text-yellow-400/80">(empty)</em> : use.expansion}
                          <span className="ml-2 select-none font-sans text-[0.6875rem] text-yellow-400/80">{macroOriginLabel(use.origin)}</span>
                        </span>
                      )}
                    </span>
                  </span>
                );
              })}
            </code>
          </li>
        ))}
      </ol>
    </div>
  );
}
