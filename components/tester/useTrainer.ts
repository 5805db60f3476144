"use client";
import { useEffect, useRef, useState } from "react";

const KEY = "detection-console:presentation";

/** Presentation mode (large type, high contrast), remembered in localStorage. */
export function usePresentation(): [boolean, () => void] {
  const [on, setOn] = useState(false);
  useEffect(() => {
    try {
      if (window.localStorage.getItem(KEY) === "on") setOn(true);
    } catch {
      /* storage disabled */
    }
  }, []);
  const toggle = () =>
    setOn((v) => {
      try {
        window.localStorage.setItem(KEY, v ? "off" : "on");
      } catch {
        /* storage disabled */
      }
      return !v;
    });
  return [on, toggle];
}

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

/** Classes for the tester's wrapper in presentation mode. */
export const PRESENTATION_CLASS =
  "text-lg bg-white text-black dark:bg-black dark:text-white [&_.text-xs]:text-base [&_.text-sm]:text-lg [&_pre]:text-base [&_code]:text-[1em] [&_mark]:outline [&_mark]:outline-2 [&_*]:border-current";
