"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { FromWorker } from "@/lib/tester/protocol";
import { applyMessage, emptyRun, startRun, type RunState } from "./run-state";

/** While a run streams results, React state is updated at most this often. */
const FLUSH_MS = 200;

/**
 * Run state fed by worker messages, batched: the first results and the final `done` render at
 * once; in between, updates are grouped so a long run does not keep the main thread busy.
 */
export function useRunState() {
  const [run, setRun] = useState<RunState>(emptyRun);
  const queue = useRef<FromWorker[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastFlush = useRef(0);

  const flush = useCallback(() => {
    timer.current = undefined;
    lastFlush.current = performance.now();
    const msgs = queue.current;
    queue.current = [];
    if (msgs.length) setRun((s) => msgs.reduce(applyMessage, s));
  }, []);

  const listener = useCallback(
    (m: FromWorker) => {
      queue.current.push(m);
      if (m.type === "done" || m.type === "error") {
        if (timer.current) clearTimeout(timer.current);
        flush();
        return;
      }
      if (timer.current) return;
      const wait = Math.max(0, FLUSH_MS - (performance.now() - lastFlush.current));
      timer.current = setTimeout(flush, wait);
    },
    [flush],
  );

  const start = useCallback((req: number, inputLength: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    queue.current = [];
    lastFlush.current = 0;
    setRun(startRun(req, inputLength));
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);
  return { run, start, listener };
}
