"use client";
import { useEffect, useRef, useState } from "react";
import { whenIdleAfterLoad } from "@/components/ui/when-idle";
import { EngineClient } from "./engine-client";

/**
 * When the engine worker starts: "mount" at once (the page's purpose is a verdict: the tester,
 * /test), "idle" once the page has loaded and the main thread is idle, or `false` not yet (a
 * section that starts it later, e.g. when scrolled to).
 */
export type EngineStart = "mount" | "idle" | false;

/**
 * One engine worker for the component's lifetime, started as `start` says (a worker parses and
 * compiles on its own thread: the page's main thread only creates it), terminated on unmount.
 * Undefined until then: callers wait for it.
 */
export function useEngine(start: EngineStart = "mount"): EngineClient | undefined {
  const [client, setClient] = useState<EngineClient>();
  const want = start !== false;
  const now = start === "mount";
  useEffect(() => {
    if (!want) return;
    let c: EngineClient | undefined;
    const make = () => {
      c = new EngineClient();
      setClient(c);
    };
    const cancel = now ? (make(), () => {}) : whenIdleAfterLoad(make, 500);
    return () => {
      cancel();
      c?.dispose();
      setClient(undefined);
    };
  }, [want, now]);
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
