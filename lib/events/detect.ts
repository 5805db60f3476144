/**
 * Which reader an input needs (JSON, XML, CSV or command lines), and the input format to show.
 */
import { csvHeader } from "./csv";
import { jsonChunks, unwrapEvents } from "./json";
import { eventFromObject } from "./object";
import { controlRatio, looksLikeUtf16Bytes } from "./text";
import type { InputFormat } from "./types";

export type Reader = "json" | "xml" | "csv" | "lines";

function firstNonSpace(text: string, from = 0): number {
  const m = /[^\s\uFEFF]/.exec(from === 0 ? text : text.slice(from));
  return m ? m.index + from : -1;
}

const XML_EVENT = /<(?:[\w.-]+:)?(?:Events?|System|EventData)[\s>/]/;

/** True when every one of the first non-blank lines (up to 20) is a JSON value on its own. */
function allLinesJson(text: string): boolean {
  let seen = 0;
  for (const raw of text.slice(0, 200_000).split(/\r\n|\n|\r/)) {
    const line = raw.trim();
    if (!line) continue;
    try {
      JSON.parse(line);
    } catch {
      return false;
    }
    if (++seen >= 20) break;
  }
  return seen > 0;
}

/** The reader for an input, or "empty". */
export function chooseReader(text: string): Reader | "empty" {
  const pos = firstNonSpace(text);
  if (pos < 0) return "empty";
  const c = text[pos];
  if (c === "<") {
    const head = text.slice(pos, pos + 65536);
    return head.startsWith("<?xml") || XML_EVENT.test(head) ? "xml" : "lines";
  }
  if (c === "{") return "json";
  if (c === "[") {
    // `[Convert]::FromBase64String(…)` is PowerShell, not JSON.
    const next = firstNonSpace(text, pos + 1);
    const d = next < 0 ? "]" : text[next];
    return d === "{" || d === '"' || d === "]" || d === "[" ? "json" : "lines";
  }
  const lineStart = text.lastIndexOf("\n", pos) + 1;
  if (csvHeader(text, lineStart)) return "csv";
  if (c === '"' && allLinesJson(text)) return "json";
  return "lines";
}

/** The reader a forced format needs. */
export function readerFor(format: InputFormat): Reader {
  switch (format) {
    case "command-line":
      return "lines";
    case "csv":
      return "csv";
    case "sysmon-xml":
    case "security-4688-xml":
      return "xml";
    default:
      return "json";
  }
}

export const INPUT_FORMATS: readonly InputFormat[] = [
  "command-line",
  "cim-json",
  "sysmon-xml",
  "sysmon-json",
  "security-4688-xml",
  "security-4688-json",
  "csv",
];

function jsonFormat(text: string): InputFormat {
  for (const chunk of jsonChunks(text)) {
    let value: unknown;
    try {
      value = JSON.parse(text.slice(chunk.start, chunk.end));
    } catch {
      continue;
    }
    for (const item of unwrapEvents(value)) {
      if (typeof item === "string") return "command-line";
      const ev = eventFromObject(item);
      if (!("problem" in ev)) return ev.format;
    }
    break;
  }
  return "cim-json";
}

/** Guess the format of an input (what parseEvents would read it as). */
export function detectFormat(text: string): InputFormat | "empty" | "unknown" {
  if (typeof text !== "string") return "unknown";
  let t = text;
  if (looksLikeUtf16Bytes(t)) t = t.replace(/\u0000/g, "");
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  const reader = chooseReader(t);
  if (reader === "empty") return "empty";
  if (controlRatio(t.slice(firstNonSpace(t))) > 0.1) return "unknown";
  switch (reader) {
    case "xml": {
      const id = /<(?:[\w.-]+:)?EventID[^>]*>\s*(\d+)\s*</.exec(t.slice(0, 262144));
      return id?.[1] === "4688" ? "security-4688-xml" : "sysmon-xml";
    }
    case "json":
      return jsonFormat(t.slice(0, 1_048_576));
    case "csv":
      return "csv";
    default:
      return "command-line";
  }
}
