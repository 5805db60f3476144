/**
 * Global matching and replacement on top of a Finder.
 *
 * After an empty match the next search starts one character later (a surrogate pair counts as
 * one), as JavaScript's global matching does. Splunk does not document its loop; PCRE2's own demo
 * retries at the same position for a non-empty match instead, which differs only for patterns
 * that can match an empty string [U].
 *
 * Replacement text (Splunk `replace()` and `rex mode=sed`): `\0`..`\9` insert the whole match or a
 * group (empty when unset), `\\` is one backslash; every other character, `$` and `&` included, is
 * literal [U: Splunk documents only `\n` backreferences].
 */
import type { Finder, RegexMatch } from "./exec";

function nextStart(input: string, m: RegexMatch): number {
  if (m.end > m.start) return m.end;
  const c = input.charCodeAt(m.end);
  const d = input.charCodeAt(m.end + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? m.end + 2 : m.end + 1;
}

/** All non-overlapping matches; `limit` 0 (or less) means no limit. */
export function findAll(finder: Finder, input: string, limit = 0): RegexMatch[] {
  const out: RegexMatch[] = [];
  let pos = 0;
  while (pos <= input.length) {
    const m = finder.find(input, pos);
    if (!m) break;
    out.push(m);
    if (limit > 0 && out.length >= limit) break;
    pos = nextStart(input, m);
  }
  return out;
}

export function expandReplacement(replacement: string, m: RegexMatch): string {
  let out = "";
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    const d = replacement[i + 1];
    if (c === "\\" && d !== undefined && d >= "0" && d <= "9") {
      out += m.groups[Number(d)] ?? "";
      i++;
    } else if (c === "\\" && d === "\\") {
      out += "\\";
      i++;
    } else out += c;
  }
  return out;
}

function splice(input: string, matches: RegexMatch[], replacement: string): string {
  let out = "";
  let last = 0;
  for (const m of matches) {
    out += input.slice(last, m.start) + expandReplacement(replacement, m);
    last = m.end;
  }
  return out + input.slice(last);
}

/** Replace every match, or the first `count` when count > 0. */
export function replaceMatches(finder: Finder, input: string, replacement: string, count = 0): string {
  return splice(input, findAll(finder, input, count), replacement);
}

/** Replace only the `n`th match (1-based), as `rex mode=sed "s/a/b/N"` does. */
export function replaceNthMatch(finder: Finder, input: string, replacement: string, n: number): string {
  if (n < 1) return input;
  const all = findAll(finder, input, n);
  const target = all.length === n ? all[n - 1] : undefined;
  return target ? splice(input, [target], replacement) : input;
}
