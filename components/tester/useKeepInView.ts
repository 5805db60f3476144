"use client";
import { useEffect } from "react";

/** How long after the target first appears the page keeps it in view (late sections, fonts, the router). */
export const SETTLE_MS = 2_500;
/** How long it waits for the target to appear at all (a verdict that never comes ends the watch). */
const WAIT_MS = 30_000;
/** A target this far below the top of the view counts as in view (the page's header sits above it). */
const TOP_MARGIN = 80;

/**
 * Keeps one element in view while the page settles: once `find()` returns it, every frame for
 * SETTLE_MS it is scrolled back to the middle of the view if it is not in view — whatever moved it
 * (sections that load later above it, presentation mode's larger type, the router's own scroll
 * after a navigation). The user's own wheel, touch, key or pointer ends it at once.
 */
export function useKeepInView(active: boolean, find: () => HTMLElement | null | undefined, onDone: () => void): void {
  useEffect(() => {
    if (!active) return;
    let frame = 0;
    let since: number | undefined;
    const began = performance.now();
    const stop = () => {
      cancelAnimationFrame(frame);
      for (const type of USER_EVENTS) window.removeEventListener(type, stop, true);
      onDone();
    };
    const tick = (now: number) => {
      const el = find();
      if (el) {
        since ??= now;
        const r = el.getBoundingClientRect();
        if (r.top < TOP_MARGIN || r.bottom > window.innerHeight) el.scrollIntoView({ block: "center" });
        if (now - since > SETTLE_MS) return stop();
      } else if (now - began > WAIT_MS) return stop();
      frame = requestAnimationFrame(tick);
    };
    for (const type of USER_EVENTS) window.addEventListener(type, stop, { capture: true, passive: true });
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      for (const type of USER_EVENTS) window.removeEventListener(type, stop, true);
    };
  }, [active, find, onDone]);
}

const USER_EVENTS = ["wheel", "touchstart", "keydown", "pointerdown"] as const;
