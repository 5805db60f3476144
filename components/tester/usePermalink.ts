"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { decodeState, encodeState, type TesterState } from "@/lib/tester/permalink";
import { formatCount } from "@/lib/detection/numbers";

/** Links above this size are not made (browsers and chat tools choke on them). */
export const MAX_LINK_CHARS = 2_000_000;

/**
 * Reads `#t=…` once after mount (and on hashchange) and hands the state to `restore`; `copy()`
 * writes the current state into the hash and the clipboard.
 */
export function usePermalink(restore: (s: TesterState) => void) {
  const restoreRef = useRef(restore);
  useEffect(() => {
    restoreRef.current = restore;
  });
  const [status, setStatus] = useState<string>("");
  useEffect(() => {
    const read = () => {
      if (!window.location.hash.includes("t=")) return;
      void decodeState(window.location.hash).then((r) => {
        if (r.ok) {
          restoreRef.current(r.state);
          setStatus("Test restored from the link.");
        } else setStatus(`Could not restore the test from the link: ${r.error}.`);
      });
    };
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, []);

  const copy = useCallback(async (state: TesterState) => {
    const hash = await encodeState(state);
    if (hash.length > MAX_LINK_CHARS) {
      setStatus(`The input is too large for a link (${formatCount(Math.round(hash.length / 1024))} KB compressed); trim it first.`);
      return;
    }
    const url = `${window.location.origin}${window.location.pathname}${window.location.search}#${hash}`;
    window.history.replaceState(null, "", url);
    try {
      await navigator.clipboard.writeText(url);
      setStatus(`Link copied (${formatCount(url.length)} characters).`);
    } catch {
      setStatus("The link is in the address bar (the clipboard is not available here).");
    }
  }, []);
  return { copy, status };
}
