/**
 * Command-line surgery for the generators: where the program token is, the words outside double
 * quotes, and cmd.exe's own payload (`/c` or `/k`). The program token is found with lib/events'
 * rules (the engine's own derivation of process_name / process_path), so both agree.
 */
import { baseName, firstToken } from "../events/commandline";

export interface Span {
  start: number;
  end: number;
}

export interface Word extends Span {
  text: string;
}

/** The program token's span (quotes included) and its text (quotes removed). */
export function programToken(cmd: string): (Span & { token: string; quoted: boolean }) | undefined {
  const first = firstToken(cmd);
  if (!first) return undefined;
  const start = cmd.length - cmd.replace(/^[ \t]+/, "").length;
  const end = first.quoted ? Math.min(cmd.length, cmd.indexOf('"', start + 1) < 0 ? cmd.length : cmd.indexOf('"', start + 1) + 1) : start + first.token.length;
  return { start, end, token: first.token, quoted: first.quoted };
}

/** The program's file name, lower case (`cmd.exe`). */
export function programName(cmd: string): string {
  const p = programToken(cmd);
  return p ? baseName(p.token).toLowerCase() : "";
}

/** Words separated by spaces or tabs outside double quotes, from `from` on (quotes kept in a word). */
export function words(cmd: string, from = 0): Word[] {
  const out: Word[] = [];
  let i = from;
  while (i < cmd.length) {
    while (i < cmd.length && (cmd[i] === " " || cmd[i] === "\t")) i++;
    if (i >= cmd.length) break;
    const start = i;
    let quoted = false;
    while (i < cmd.length && (quoted || (cmd[i] !== " " && cmd[i] !== "\t"))) {
      if (cmd[i] === '"') quoted = !quoted;
      i++;
    }
    out.push({ start, end: i, text: cmd.slice(start, i) });
  }
  return out;
}

export const isCmd = (cmd: string) => /^cmd(\.exe)?$/.test(programName(cmd));

/**
 * cmd.exe's switches before `/c`, `/k` or `/r`, and where its payload (the command it runs)
 * starts; undefined when the line is not cmd.exe with a payload.
 */
export function cmdPayload(cmd: string): { switches: Word[]; run: Word; start: number } | undefined {
  const p = programToken(cmd);
  if (!p || !isCmd(cmd)) return undefined;
  const switches: Word[] = [];
  for (const w of words(cmd, p.end)) {
    if (/^\/[ckr]$/i.test(w.text)) {
      let start = w.end;
      while (cmd[start] === " " || cmd[start] === "\t") start++;
      return start < cmd.length ? { switches, run: w, start } : undefined;
    }
    if (!/^\/[a-z](:\S*)?$/i.test(w.text)) return undefined;
    switches.push(w);
  }
  return undefined;
}

/**
 * The words of a cmd payload in command position: the first one and each one after an unquoted,
 * unescaped `&`, `&&`, `||` or `|` (cmd's command separators).
 */
export function commandWords(cmd: string, payloadStart: number): Word[] {
  const out: Word[] = [];
  let expect = true;
  let quoted = false;
  let i = payloadStart;
  while (i < cmd.length) {
    const c = cmd[i]!;
    if (c === "^" && !quoted) {
      i += 2;
      expect = false;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (!quoted && (c === "&" || c === "|")) {
      expect = true;
      i++;
      continue;
    }
    if (c === " " || c === "\t" || (c === "(" && expect)) {
      i++;
      continue;
    }
    if (expect) {
      const start = i;
      let q = false;
      while (i < cmd.length && (q || !/[ \t&|<>]/.test(cmd[i]!))) {
        if (cmd[i] === '"') q = !q;
        i++;
      }
      out.push({ start, end: i, text: cmd.slice(start, i) });
      expect = false;
      continue;
    }
    i++;
  }
  return out;
}

/** `cmd` with `spans` (sorted, not overlapping) replaced by `f(text)`. */
export function replaceSpans(cmd: string, spans: readonly Span[], f: (text: string, i: number) => string): string {
  let out = "";
  let at = 0;
  spans.forEach((s, i) => {
    out += cmd.slice(at, s.start) + f(cmd.slice(s.start, s.end), i);
    at = s.end;
  });
  return out + cmd.slice(at);
}

/** Every case-insensitive occurrence of `needle` at or after `from`. */
export function occurrences(cmd: string, needle: string, from = 0): Span[] {
  const out: Span[] = [];
  const lower = cmd.toLowerCase();
  const n = needle.toLowerCase();
  for (let at = lower.indexOf(n, from); at >= 0 && n; at = lower.indexOf(n, at + n.length)) out.push({ start: at, end: at + n.length });
  return out;
}

export { baseName };
