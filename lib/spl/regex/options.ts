/**
 * PCRE inline option settings `(?imnsxU-imnsxU)` / `(?^...)` and their scoped form `(?i:...)`.
 * Supported letters: i m s x n (no auto-capture) U (swap greediness). `(?J)` and `(?xx)` are
 * rejected.
 */
export interface Options { i: boolean; m: boolean; s: boolean; x: boolean; n: boolean; U: boolean }

export type OptionSetting =
  | { ok: true; options: Options; scoped: boolean; length: number }
  | { ok: false; reason: string };

const BAD = "unrecognized character after (? or (?-";

/** `text` starts right after `(?`. */
export function readOptionSetting(text: string, current: Options): OptionSetting {
  const m = /^(\^)?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/.exec(text);
  if (!m) return { ok: false, reason: BAD };
  const next: Options = { ...current };
  if (m[1]) Object.assign(next, { i: false, m: false, n: false, s: false, x: false, U: false });
  if (/xx/.test(m[2] ?? "")) return { ok: false, reason: "the (?xx) option is not supported" };
  for (const [letters, on] of [[m[2] ?? "", true], [m[3] ?? "", false]] as const) {
    for (const letter of letters) {
      if (letter === "J") return { ok: false, reason: "the (?J) duplicate-names option is not supported" };
      if (!(letter in next)) return { ok: false, reason: BAD };
      next[letter as keyof Options] = on;
    }
  }
  return { ok: true, options: next, scoped: m[4] === ":", length: m[0].length };
}
