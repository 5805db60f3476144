"use client";
import { useEffect, useState } from "react";

/** `settled`: the module or the error is here (the page can say its run is done). */
export type Lazy<T> = { module?: T; error?: string; settled: boolean };

/**
 * A module loaded the first time `when` is true, not before: code a page shows only once the user
 * has acted (a tester's results and tables) stays out of the page's first load and hydration, the
 * long tasks a phone feels (issue 16: bench/main-thread.ts). `load` must be stable (a module-level
 * `() => import("…")`); the bundler fetches and evaluates the module once per page.
 */
export function useLazy<T>(when: boolean, load: () => Promise<T>): Lazy<T> {
  const [state, setState] = useState<Lazy<T>>({ settled: false });
  useEffect(() => {
    if (!when || state.settled) return;
    let live = true;
    load().then(
      (module) => live && setState({ module, settled: true }),
      (e: unknown) => live && setState({ error: `this part of the page could not be loaded (${e instanceof Error ? e.message : String(e)}): reload the page`, settled: true }),
    );
    return () => {
      live = false;
    };
  }, [when, state.settled, load]);
  return state;
}
