/**
 * Compiles every regex literal found in the ESCU catalog snapshot (/work/shared/security_content).
 * A best-effort extractor pulls the string argument of `match(x, "...")`, `replace(x, "...", ...)`,
 * `rex ... "..."` (the pattern part of `mode=sed "s/.../.../"`) and `regex f="..."`, then applies
 * SPL string unescaping (`\\` → `\`, `\"` → `"`). Each regex must compile or be rejected with a
 * reason, never crash the translator. Counts are printed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { compilePcre } from "./regex";

const ROOT = "/work/shared/security_content/detections";

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? yamlFiles(p) : p.endsWith(".yml") ? [p] : [];
  });
}

const STR = String.raw`"((?:[^"\\]|\\.)*)"`;
const EXTRACTORS = [
  new RegExp(String.raw`\b(?:match|replace)\s*\(\s*[^,()]+,\s*` + STR, "g"),
  new RegExp(String.raw`\brex\b[^|"]*?` + STR, "g"),
  new RegExp(String.raw`\bregex\s+(?:[\w.]+\s*!?=\s*)?` + STR, "g"),
];

const splUnescape = (s: string) => s.replace(/\\([\\"])/g, "$1");

/** `rex mode=sed "s/re/rep/flags"`: the regex part (the delimiter is the character after s). */
function sedPattern(text: string): string | null {
  const m = /^s(.)/.exec(text);
  if (!m) return null;
  const delim = m[1] ?? "/";
  let out = "";
  for (let i = 2; i < text.length; i++) {
    const c = text[i];
    if (c === "\\" && text[i + 1] === delim) {
      out += delim;
      i++;
    } else if (c === delim) return out;
    else out += c;
  }
  return null;
}

function extract(search: string): string[] {
  const found: string[] = [];
  for (const re of EXTRACTORS) {
    for (const m of search.matchAll(re)) {
      let text = splUnescape(m[1] ?? "");
      if (/\bmode\s*=\s*sed\b/.test(m[0])) {
        const p = sedPattern(text);
        if (p === null) continue;
        text = p;
      }
      found.push(text);
    }
  }
  return found;
}

test("every regex in the catalog compiles or is rejected with a reason", (t) => {
  if (!existsSync(ROOT)) {
    t.skip(`catalog snapshot not found at ${ROOT}`);
    return;
  }
  const regexes = new Map<string, string>(); // regex → first file
  for (const file of yamlFiles(ROOT)) {
    let doc: unknown;
    try {
      doc = parse(readFileSync(file, "utf8"));
    } catch {
      continue;
    }
    const search = (doc as { search?: unknown } | null)?.search;
    if (typeof search !== "string") continue;
    for (const r of extract(search)) if (!regexes.has(r)) regexes.set(r, file);
  }
  assert.ok(regexes.size > 100, `expected many regexes, found ${regexes.size}`);
  let compiled = 0;
  let re2 = 0;
  let risky = 0;
  let inexact = 0;
  const rejected: string[] = [];
  for (const [pattern, file] of regexes) {
    const r = compilePcre(pattern);
    if (r.ok) {
      compiled++;
      if (r.regex.engine === "re2") re2++;
      if (r.regex.risky) risky++;
      if (r.regex.inexact) inexact++;
      // Every compiled regex runs on a typical value without throwing.
      r.regex.test("C:\\Windows\\System32\\cmd.exe /c echo 1 > \\\\127.0.0.1\\C$\\x.bat");
    } else {
      assert.ok(r.reason.length > 0, pattern);
      assert.ok(!r.reason.startsWith("internal"), `${pattern}: ${r.reason}`);
      rejected.push(`  ${JSON.stringify(pattern)} (${file.slice(ROOT.length + 1)}): ${r.reason}`);
    }
  }
  console.log(
    `catalog regexes: ${regexes.size} distinct; compiled ${compiled} (re2 ${re2}, risky js ${risky}, inexact ${inexact}); rejected ${rejected.length}` +
      (rejected.length ? `\n${rejected.join("\n")}` : ""),
  );
  assert.ok(compiled / regexes.size > 0.9, "nearly all catalog regexes should translate");
});
