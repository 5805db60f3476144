"use client";
import { useEffect, useRef } from "react";

export interface Shortcut {
  key: string;
  label: string;
  run: () => void;
}

/** Single-key shortcuts, ignored while typing in a field (Escape leaves the field). */
export function useShortcuts(shortcuts: Shortcut[]) {
  const ref = useRef(shortcuts);
  useEffect(() => {
    ref.current = shortcuts;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      const typing = !!t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));
      if (typing) {
        if (e.key === "Escape") t.blur();
        return;
      }
      const s = ref.current.find((x) => x.key === e.key);
      if (s) {
        e.preventDefault();
        s.run();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
