/**
 * The executable of a command line: its first token, and the file name / path in that token.
 *
 * Windows rules (CreateProcess / CommandLineToArgvW) for the program name:
 * - a token that starts with `"` runs to the next `"` (an unclosed quote runs to the end);
 * - otherwise it runs to the first space or tab;
 * - an unquoted path with spaces (`C:\Program Files\App\app.exe -x`) is resolved by Windows by
 *   trying ever longer space-separated prefixes; we take the shortest prefix that ends in an
 *   executable extension, and only when the first token is a path whose last part has no extension.
 */

export interface FirstToken {
  /** The program as written, quotes removed. */
  token: string;
  quoted: boolean;
}

const EXEC_EXT = /\.(exe|com|bat|cmd|scr|pif|msc|cpl|vbs|js|ps1|dll|sys|hta)$/i;
const SPACE_PATH_END = /\.(exe|com|bat|cmd|scr|pif)(?=[ \t]|$)/gi;

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** The program token of a command line; undefined for an empty line. */
export function firstToken(commandLine: string): FirstToken | undefined {
  let i = 0;
  const n = commandLine.length;
  while (i < n && isSpace(commandLine.charCodeAt(i))) i++;
  if (i >= n) return undefined;
  if (commandLine.charCodeAt(i) === 34 /* " */) {
    const close = commandLine.indexOf('"', i + 1);
    const token = close < 0 ? commandLine.slice(i + 1) : commandLine.slice(i + 1, close);
    return { token, quoted: true };
  }
  let end = i;
  while (end < n && !isSpace(commandLine.charCodeAt(end))) end++;
  let token = commandLine.slice(i, end);
  if (end < n && hasSeparator(token) && !/\.[^\\/.]+$/.test(token)) {
    // Unquoted path with spaces: extend to the first executable extension (see file comment).
    SPACE_PATH_END.lastIndex = end;
    const m = SPACE_PATH_END.exec(commandLine);
    if (m) {
      const candidate = commandLine.slice(i, m.index + m[0].length);
      if (continuesPath(candidate.slice(token.length))) token = candidate;
    }
  }
  return { token, quoted: false };
}

/**
 * Does the text after the first space continue a directory path (`" Files\App\app.exe"`), rather than
 * being arguments (`" /c run.exe"`)? Within MAX_PATH, no tabs or quotes, no word that looks like a
 * switch, and at least one more separator.
 */
function continuesPath(rest: string): boolean {
  if (rest.length > 260 || /[\t"]/.test(rest) || !hasSeparator(rest)) return false;
  return rest
    .trim()
    .split(/ +/)
    .every((w) => w !== "" && !/^[-/]/.test(w) && !/[=:]/.test(w));
}

export function hasSeparator(s: string): boolean {
  return s.includes("\\") || s.includes("/");
}

/** File name part of a path (after the last `\` or `/`). */
export function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf("\\"), path.lastIndexOf("/"));
  return cut < 0 ? path : path.slice(cut + 1);
}

export interface ProgramParts {
  /** The file name (`cmd.exe`); absent if the token ends with a separator or is empty. */
  name?: string;
  /** The path as written, when the token has a path separator. */
  path?: string;
}

/** Name and path of the program a command line runs. */
export function programOf(commandLine: string): ProgramParts {
  const first = firstToken(commandLine);
  if (!first) return {};
  const token = first.token.trim();
  if (!token) return {};
  if (!hasSeparator(token)) return { name: token };
  const name = baseName(token);
  return name ? { name, path: token } : { path: token };
}

/** True when a name looks like an executable file name (used by format detection only). */
export function looksExecutable(name: string): boolean {
  return EXEC_EXT.test(name);
}
