/**
 * A failed clause in plain words: what it wanted and what the event had ("wanted / saw"), for the
 * tester's failing-clause line. SPL strings are unescaped once as Splunk does before a regex reaches
 * PCRE (`\\` → `\`, `\"` → `"`, other sequences kept: spl-semantics §4.2, §5.2,
 * https://help.splunk.com/splunk-enterprise/search/search-manual/9.4/search-primer/backslashes),
 * and a simple regex (literals, classes, quantifiers, anchors) is read out; anything else is shown
 * as the pattern PCRE receives.
 */
import type { PredicateTrace } from "../detection/types";
import { oneLine } from "../detection/failing";

export interface WantedSaw {
  wanted: string;
  saw: string;
}

/** An SPL double-quoted string's value: `\\` → `\`, `\"` → `"`, every other `\x` kept. */
export function splString(body: string): string {
  return body.replace(/\\([\\"])/g, "$1");
}

const CLASS: Record<string, string> = { d: "a digit", D: "a non-digit", s: "whitespace", S: "a non-space", w: "a word character", W: "a non-word character" };

function quantifier(q: string): string | null {
  if (q === "+") return "one or more";
  if (q === "*") return "any number of";
  if (q === "?") return "an optional";
  const m = /^\{(\d+)(?:(,)(\d*))?\}$/.exec(q);
  if (!m) return null;
  if (!m[2]) return `${m[1]}`;
  return m[3] ? `${m[1]} to ${m[3]}` : `${m[1]} or more`;
}

/** A simple PCRE pattern read out (`C:\Windows\‹1 to 8 of [a-zA-Z]›.bat`), or null when not simple. */
export function readRegex(pattern: string): string | null {
  let p = pattern;
  let flags = " (case-sensitive)";
  const f = /^\(\?([a-z]+)\)/.exec(p);
  if (f) {
    if (f[1] !== "i") return null;
    flags = " (any case)";
    p = p.slice(f[0].length);
  }
  const out: string[] = [];
  let i = 0;
  let start = false;
  let end = false;
  while (i < p.length) {
    const c = p[i]!;
    let atom: { text: string; literal: boolean };
    if (c === "^" && i === 0) {
      start = true;
      i++;
      continue;
    } else if (c === "$" && i === p.length - 1) {
      end = true;
      i++;
      continue;
    } else if (c === "\\") {
      const n = p[i + 1];
      if (n === undefined) return null;
      if (CLASS[n]) atom = { text: CLASS[n]!, literal: false };
      else if (/[A-Za-z0-9]/.test(n)) return null;
      else atom = { text: n, literal: true };
      i += 2;
    } else if (c === "[") {
      const close = p.indexOf("]", i + 2);
      if (close < 0 || p.slice(i + 1, close).includes("[")) return null;
      atom = { text: `one of ${p.slice(i, close + 1)}`, literal: false };
      i = close + 1;
    } else if (c === ".") {
      atom = { text: "any character", literal: false };
      i++;
    } else if ("()|{}+*?^$".includes(c)) return null;
    else {
      atom = { text: c, literal: true };
      i++;
    }
    const q = /^(?:[+*?]|\{\d+(?:,\d*)?\})\??/.exec(p.slice(i));
    if (q) {
      const words = quantifier(q[0].replace(/\?$/, "") || q[0]);
      if (words === null) return null;
      out.push(`‹${words} ${atom.literal ? `“${atom.text}”` : atom.text}›`);
      i += q[0].length;
    } else out.push(atom.literal ? atom.text : `‹${atom.text}›`);
  }
  const where = start && end ? " (the whole value)" : start ? " (at the start)" : end ? " (at the end)" : " (anywhere in the value)";
  return out.join("") + where + flags;
}

function sawOf(p: PredicateTrace, field: string): string {
  const f = p.fields?.find((x) => x.name === field) ?? p.fields?.[0];
  if (!f) return "—";
  if (f.value === null) return `${f.name}: nothing (the field is missing)`;
  const v = Array.isArray(f.value) ? f.value.map(String).join(" | ") : String(f.value);
  return `${f.name} = ${oneLine(v, 200)}`;
}

/** The clause's "wanted / saw", or null when it is not a single field test this knows. */
export function wantedSaw(p: PredicateTrace): WantedSaw | null {
  const text = oneLine(p.text, 2000);
  const fn = /^(NOT\s+)?(match|like)\(\s*([\w.:]+)\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)$/i.exec(text);
  if (fn) {
    const [, not, name, field, body] = fn;
    const value = splString(body!);
    const negated = not ? "not " : "";
    if (name!.toLowerCase() === "like") return { wanted: `${field} ${negated}like ${value} (% = any run, _ = one character; case-sensitive)`, saw: sawOf(p, field!) };
    const plain = readRegex(value);
    return { wanted: `${field} ${negated}matching /${value}/${plain ? ` — reads: ${plain}` : " (a regular expression)"}`, saw: sawOf(p, field!) };
  }
  const inList = /^([\w.:]+)\s+IN\s*\((.*)\)$/i.exec(text);
  if (inList) {
    const values = [...inList[2]!.matchAll(/"((?:[^"\\]|\\.)*)"|([^\s,"]+)/g)].map((m) => (m[1] !== undefined ? splString(m[1]) : m[2]!));
    return { wanted: `${inList[1]} one of ${values.join(" · ")} (any case, * = any run)`, saw: sawOf(p, inList[1]!) };
  }
  const cmp = /^([\w.:]+)\s*(!=|=)\s*(?:"((?:[^"\\]|\\.)*)"|(\S+))$/.exec(text);
  if (cmp) {
    const value = cmp[3] !== undefined ? splString(cmp[3]) : cmp[4]!.replace(/\\\\/g, "\\");
    return { wanted: `${cmp[1]} ${cmp[2] === "=" ? "=" : "≠"} ${value} (any case, * = any run)`, saw: sawOf(p, cmp[1]!) };
  }
  return null;
}
