"use client";
/** Clipboard and file download for the export and test-case buttons (and their button style); each answers with a status line. */

export async function copyText(text: string, what: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(text);
    return `Copied ${what}.`;
  } catch {
    return `Copy failed (the clipboard is not available here): select the text below and copy it by hand.`;
  }
}

/** Copies rich text (text/html) with a plain-text fallback, for pasting into a ticket or a slide. */
export async function copyHtml(html: string, plain: string, what: string): Promise<string> {
  try {
    if (typeof ClipboardItem !== "undefined" && navigator.clipboard.write) {
      await navigator.clipboard.write([new ClipboardItem({ "text/html": new Blob([html], { type: "text/html" }), "text/plain": new Blob([plain], { type: "text/plain" }) })]);
    } else await navigator.clipboard.writeText(html);
    return `Copied ${what}.`;
  } catch {
    return `Copy failed (the clipboard is not available here): select the text below and copy it by hand.`;
  }
}

export function download(name: string, text: string, type: string): string {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return `Downloaded ${name}.`;
}

export const btn =
  "rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800";
