"use client";
import type { Shortcut } from "./useShortcuts";

const btn = "rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800";

/** Copy link, presentation toggle, keyboard shortcuts. */
export function Toolbar({
  onCopy,
  linkStatus,
  presentation,
  onPresentation,
  shortcuts,
  showHelp,
  onHelp,
  children,
}: {
  onCopy: () => void;
  linkStatus: string;
  presentation: boolean;
  onPresentation: () => void;
  shortcuts: Shortcut[];
  showHelp: boolean;
  onHelp: () => void;
  children?: React.ReactNode;
}) {
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={btn} onClick={onCopy}>
          Copy link to this test
        </button>
        <button type="button" className={btn} aria-pressed={presentation} onClick={onPresentation}>
          <span aria-hidden="true">{presentation ? "■ " : "□ "}</span>Presentation mode
        </button>
        <button type="button" className={btn} aria-expanded={showHelp} onClick={onHelp}>
          Keyboard shortcuts <kbd className="ml-1 rounded border border-current px-1 font-mono text-xs">?</kbd>
        </button>
        {children}
      </div>
      <p role="status" aria-live="polite" className="min-h-[1.25rem] text-xs text-slate-600 dark:text-slate-400">
        {linkStatus}
      </p>
      {showHelp && (
        <div role="region" aria-label="Keyboard shortcuts" className="rounded-md border border-slate-300 p-2 text-sm dark:border-slate-700">
          <ul className="grid gap-1 sm:grid-cols-2">
            {shortcuts.map((s) => (
              <li key={s.key}>
                <kbd className="mr-2 inline-block min-w-6 rounded border border-current px-1 text-center font-mono">{s.key}</kbd>
                {s.label}
              </li>
            ))}
            <li>
              <kbd className="mr-2 inline-block min-w-6 rounded border border-current px-1 text-center font-mono">Esc</kbd>
              leave the text box (then the keys above work)
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}
