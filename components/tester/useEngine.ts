"use client";
import { useEffect, useRef, useState } from "react";
import { EngineClient } from "./engine-client";

/**
 * One engine worker for the component's lifetime, started at mount (a worker parses and compiles on
 * its own thread: the page's main thread only creates it; engine-client.ts even has one ready
 * while the page hydrates), or once `start` turns true (a section that starts it later);
 * terminated on unmount. Undefined until then: callers wait for it.
 */
export function useEngine(start = true): EngineClient | undefined {
  const [client, setClient] = useState<EngineClient>();
  useEffect(() => {
    if (!start) return;
    const c = new EngineClient();
    setClient(c);
    return () => {
      c.dispose();
      setClient(undefined);
    };
  }, [start]);
  return client;
}

/**
 * Calls `fn` at most once per `ms`: at once when idle (so a single keystroke gets a verdict
 * without waiting), then once more at the end of a burst with the latest arguments.
 */
export function useLeadingDebounce<A extends unknown[]>(fn: (...args: A) => void, ms = 150): (...args: A) => void {
  const fnRef = useRef(fn);
  useEffect(() => {
    fnRef.current = fn;
  });
  const state = useRef<{ last: number; timer?: ReturnType<typeof setTimeout>; args?: A }>({ last: 0 });
  useEffect(() => () => clearTimeout(state.current.timer), []);
  const callRef = useRef((...args: A) => {
    const s = state.current;
    const now = performance.now();
    s.args = args;
    if (s.timer === undefined && now - s.last >= ms) {
      s.last = now;
      fnRef.current(...args);
      return;
    }
    if (s.timer !== undefined) return;
    s.timer = setTimeout(() => {
      s.timer = undefined;
      s.last = performance.now();
      if (s.args) fnRef.current(...s.args);
    }, Math.max(0, ms - (now - s.last)));
  });
  return callRef.current;
}
