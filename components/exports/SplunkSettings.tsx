"use client";
/**
 * Where "Open in Splunk" links go: the user's own Splunk Web, set in the browser (a settings field,
 * kept in localStorage) or on the server (SPLUNK_URL, handed down by the page); the browser's
 * setting wins. Both are checked by lib/export/splunk-url (http or https, no credentials).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { checkSplunkUrl } from "@/lib/export/splunk-url";
import { btn } from "@/components/ui/browser-io";

export const STORAGE_KEY = "detection-console:splunk-url";

interface SplunkSetting {
  /** The URL links use, or undefined when neither the browser nor the server sets one. */
  url?: string;
  from?: "browser" | "server";
  server?: string;
  serverProblem?: string;
  browser?: string;
  save: (value: string) => string | null;
  clear: () => void;
}

const Ctx = createContext<SplunkSetting | null>(null);

export function SplunkProvider({ serverUrl, serverProblem, children }: { serverUrl?: string; serverProblem?: string; children: React.ReactNode }) {
  const [browser, setBrowser] = useState<string>();
  useEffect(() => {
    const read = () => {
      let stored: string | null = null;
      try {
        stored = window.localStorage.getItem(STORAGE_KEY);
      } catch {
        /* storage blocked: no browser setting */
      }
      const c = stored ? checkSplunkUrl(stored) : undefined;
      setBrowser(c?.ok ? c.url : undefined);
    };
    read();
    window.addEventListener("storage", read);
    return () => window.removeEventListener("storage", read);
  }, []);
  const save = useCallback((value: string) => {
    const c = checkSplunkUrl(value);
    if (!c.ok) return c.reason;
    try {
      window.localStorage.setItem(STORAGE_KEY, c.url);
    } catch {
      return "this browser does not let the page store settings";
    }
    setBrowser(c.url);
    return null;
  }, []);
  const clear = useCallback(() => {
    try {
      window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      /* nothing stored */
    }
    setBrowser(undefined);
  }, []);
  const value = useMemo<SplunkSetting>(
    () => ({
      ...(browser ? { url: browser, from: "browser" as const } : serverUrl ? { url: serverUrl, from: "server" as const } : {}),
      ...(serverUrl ? { server: serverUrl } : {}),
      ...(serverProblem ? { serverProblem } : {}),
      ...(browser ? { browser } : {}),
      save,
      clear,
    }),
    [browser, serverUrl, serverProblem, save, clear],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSplunk(): SplunkSetting {
  return useContext(Ctx) ?? { save: () => "no settings here", clear: () => {} };
}

/** The settings field: a Splunk Web URL stored in this browser. */
export function SplunkSettings({ idPrefix }: { idPrefix: string }) {
  const s = useSplunk();
  const [draft, setDraft] = useState("");
  const [status, setStatus] = useState("");
  const id = `${idPrefix}-splunk-url`;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer select-none text-slate-700 dark:text-slate-300">Splunk settings</summary>
      <form
        className="mt-2 space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          const problem = s.save(draft);
          setStatus(problem ? `Not saved: ${problem}.` : "Saved in this browser.");
        }}
      >
        <label htmlFor={id} className="block">
          Your Splunk Web address (stored in this browser only)
        </label>
        <div className="flex max-w-2xl flex-wrap gap-2">
          <input
            id={id}
            type="url"
            inputMode="url"
            autoComplete="url"
            placeholder={s.server ?? "https://splunk.example.com:8000"}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            className="min-w-0 flex-1 basis-64 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
          />
          <button type="submit" className={btn}>
            Save
          </button>
          {s.browser && (
            <button
              type="button"
              className={btn}
              onClick={() => {
                s.clear();
                setStatus(s.server ? `Cleared: links use the server's ${s.server} again.` : "Cleared.");
              }}
            >
              Clear
            </button>
          )}
        </div>
        <p className="text-xs text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400">
          http or https only, without a user name or password (Splunk asks you to sign in).{" "}
          {s.browser ? `Now: ${s.browser} (this browser).` : s.server ? `Now: ${s.server} (the server's SPLUNK_URL).` : "None set yet."}
          {s.serverProblem && ` ${s.serverProblem}.`}
        </p>
        <p role="status" aria-live="polite" className="min-h-[1rem] text-xs">
          {status}
        </p>
      </form>
    </details>
  );
}
