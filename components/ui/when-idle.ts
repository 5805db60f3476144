"use client";
/**
 * Work a page wants soon but not before it is painted and interactive (the catalog index, the
 * tester's engine worker): runs `run` after the load event, when the main thread is idle (at
 * most `timeout` ms later). Returns a cancel function (for an effect's cleanup).
 */
export function whenIdleAfterLoad(run: () => void, timeout = 2000): () => void {
  let cancelled = false;
  let stop: (() => void) | undefined;
  const idle = () => {
    if (cancelled) return;
    if (typeof window.requestIdleCallback === "function") {
      const handle = window.requestIdleCallback(run, { timeout });
      stop = () => window.cancelIdleCallback(handle);
    } else {
      const handle = window.setTimeout(run, 200);
      stop = () => window.clearTimeout(handle);
    }
  };
  if (document.readyState === "complete") idle();
  else window.addEventListener("load", idle, { once: true });
  return () => {
    cancelled = true;
    window.removeEventListener("load", idle);
    stop?.();
  };
}

