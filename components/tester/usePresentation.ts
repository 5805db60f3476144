"use client";
import { useEffect, useState } from "react";
import { isPermalinkHash, sectionAt } from "./presentation-target";

const KEY = "detection-console:presentation";
/** The URL parameter that carries the mode, so a link (and a reload) opens presenting. */
export const PRESENT_PARAM = "present";

/** Marks the whole page (app/globals.css scales the root font and hides the side contents). */
function apply(on: boolean): void {
  document.documentElement.dataset.presentation = on ? "on" : "off";
}

/** The mode in the query; while presenting, the section in view in the hash (never over a `#t=` permalink). */
function writeUrl(on: boolean, target?: string): void {
  const url = new URL(window.location.href);
  if (on) url.searchParams.set(PRESENT_PARAM, "1");
  else url.searchParams.delete(PRESENT_PARAM);
  if (on && target && !isPermalinkHash(url.hash)) url.hash = target;
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
}

/** The page's section headings (their ids are the scroll targets a link can carry). */
function headings(): { id: string; top: number }[] {
  return [...document.querySelectorAll<HTMLElement>("main h2[id], main h3[id]")].map((h) => ({ id: h.id, top: h.getBoundingClientRect().top }));
}

/** The heading id of the page section holding the focused element (the toolbar's button). */
function focusedSection(): string | undefined {
  const section = document.activeElement?.closest("main section[aria-labelledby]");
  const id = section?.getAttribute("aria-labelledby") ?? undefined;
  return id && document.getElementById(id) ? id : undefined;
}

/** Brings the link's section back into view once the page has grown (the browser's own jump came before). */
function scrollToHash(): void {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (!id || isPermalinkHash(window.location.hash)) return;
  requestAnimationFrame(() => document.getElementById(id)?.scrollIntoView({ block: "start" }));
}

/**
 * Presentation mode (the whole page enlarged, side contents hidden): in the URL with the section
 * being shown (`?present=1#live-test`), so a link or a reload opens presenting at the same place;
 * remembered in the browser.
 */
export function usePresentation(): [boolean, () => void] {
  const [on, setOn] = useState(false);
  useEffect(() => {
    let start = new URL(window.location.href).searchParams.get(PRESENT_PARAM) === "1";
    try {
      if (window.localStorage.getItem(KEY) === "on") start = true;
    } catch {
      /* storage disabled */
    }
    if (start) {
      setOn(true);
      apply(true);
      writeUrl(true);
      scrollToHash();
    }
    return () => apply(false);
  }, []);
  // While presenting, the link follows the section in view.
  useEffect(() => {
    if (!on) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => writeUrl(true, sectionAt(headings())), 250);
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener("scroll", onScroll);
    };
  }, [on]);
  const toggle = () =>
    setOn((v) => {
      try {
        window.localStorage.setItem(KEY, v ? "off" : "on");
      } catch {
        /* storage disabled */
      }
      // The section the presenter is at (the one holding the button pressed, else the one scrolled
      // to) stays in view while the page grows or shrinks, and is the link's target.
      const target = focusedSection() ?? sectionAt(headings());
      apply(!v);
      writeUrl(!v, target);
      if (target) document.getElementById(target)?.scrollIntoView({ block: "start" });
      return !v;
    });
  return [on, toggle];
}

/** Classes for the tester's wrapper in presentation mode. */
export const PRESENTATION_CLASS =
  "text-lg bg-white text-black dark:bg-black dark:text-white [&_.text-xs]:text-base [&_.text-sm]:text-lg [&_pre]:text-base [&_code]:text-[1em] [&_mark]:outline [&_mark]:outline-2 [&_*]:border-current";
