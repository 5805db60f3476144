"use client";
import { useEffect, useRef, useState } from "react";
import { withSearchText } from "@/lib/catalog/query";
import { useCatalogUrl } from "./use-catalog-url";

const DEBOUNCE_MS = 250;

/** Free-text search; updates the URL as you type (debounced). Enter searches at once. */
export function SearchBox() {
  const { query, navigate, pending } = useCatalogUrl();
  const [text, setText] = useState(query.q);
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Follow the URL (back button, cleared filters) unless the user is typing.
  useEffect(() => {
    if (document.activeElement !== input.current) setText(query.q);
  }, [query.q]);

  useEffect(() => () => clearTimeout(timer.current), []);

  // `/` focuses the search box (unless the user is typing somewhere).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
      e.preventDefault();
      input.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const commit = (value: string) => {
    clearTimeout(timer.current);
    if (value.trim() === query.q) return;
    // The first keystrokes of a new search get their own history entry; refinements replace it.
    navigate(withSearchText(query, value), { replace: query.q !== "" && value.trim() !== "" });
  };

  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        commit(text);
      }}
      className="relative"
    >
      <label htmlFor="catalog-search" className="sr-only text-sm">
        Search analytics
      </label>
      <input
        ref={input}
        id="catalog-search"
        name="q"
        type="search"
        value={text}
        autoComplete="off"
        spellCheck={false}
        placeholder="Search name, description, SPL, ids… (e.g. T1021 or &quot;cmd.exe /c&quot;)  — press / to focus"
        aria-keyshortcuts="/"
        onChange={(e) => {
          const v = e.target.value;
          setText(v);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(v), DEBOUNCE_MS);
        }}
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500 dark:border-slate-700 dark:bg-slate-900"
      />
      <span aria-live="polite" className="pointer-events-none absolute right-9 top-1/2 -translate-y-1/2 text-xs text-slate-500">
        {pending ? "Updating…" : ""}
      </span>
    </form>
  );
}
