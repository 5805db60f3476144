/**
 * Repairs one known defect of upstream security_content YAML: a multi-line quoted scalar whose
 * continuation lines start at column 0 (or otherwise at/below the indentation of its key). PyYAML
 * accepts these; strict parsers (the JS `yaml` package, js-yaml) reject them. Flow-scalar line
 * folding drops leading whitespace, so indenting such lines does not change the parsed value.
 * Pure string → string; browser-safe.
 */

interface OpenQuote {
  quote: "'" | '"';
  /** Indentation of the line that opened the scalar. */
  indent: number;
}

const indentOf = (line: string): number => line.length - line.trimStart().length;

/** Index just past the closing quote in `line` from `from`, or -1 when the scalar stays open. */
function findClose(line: string, from: number, quote: "'" | '"'): number {
  for (let i = from; i < line.length; i++) {
    const ch = line[i];
    if (quote === '"' && ch === "\\") {
      i++; // skip the escaped character
      continue;
    }
    if (ch === quote) {
      if (quote === "'" && line[i + 1] === "'") {
        i++; // '' is an escaped single quote
        continue;
      }
      return i + 1;
    }
  }
  return -1;
}

/** Where a value that starts with a quote begins on this line (`key: '…`, `- '…`, `- key: "…`), else -1. */
function quotedValueStart(line: string): number {
  const m = /^(\s*(?:-\s+)?(?:[^\s'"#][^:#]*?:\s+|-\s+))(['"])/.exec(line);
  return m ? (m[1]?.length ?? 0) : -1;
}

/** True when the line opens a block scalar (`key: |`, `key: >-` …). */
const opensBlockScalar = (line: string): boolean => /^\s*(?:-\s+)?(?:[^\s#][^:#]*?:\s+|-\s+)?[|>][0-9+-]*\s*(?:#.*)?$/.test(line);

/**
 * Returns the text with under-indented continuation lines of open quoted scalars indented one
 * column deeper than their key, plus the 1-based numbers of the lines it changed.
 */
export function repairQuotedContinuations(text: string): { text: string; changedLines: number[] } {
  const lines = text.split("\n");
  const changed: number[] = [];
  let open: OpenQuote | undefined;
  let blockIndent: number | undefined;

  for (let n = 0; n < lines.length; n++) {
    let line = lines[n] ?? "";
    if (open) {
      if (line.trim() !== "" && indentOf(line) <= open.indent) {
        line = " ".repeat(open.indent + 1) + line.trimStart();
        lines[n] = line;
        changed.push(n + 1);
      }
      const close = findClose(line, 0, open.quote);
      if (close < 0) continue;
      open = undefined;
      continue;
    }
    if (blockIndent !== undefined) {
      if (line.trim() === "" || indentOf(line) > blockIndent) continue;
      blockIndent = undefined;
    }
    if (opensBlockScalar(line)) {
      blockIndent = indentOf(line);
      continue;
    }
    const start = quotedValueStart(line);
    if (start < 0) continue;
    const quote = line[start] === '"' ? '"' : "'";
    if (findClose(line, start + 1, quote) < 0) open = { quote, indent: indentOf(line) };
  }
  return { text: lines.join("\n"), changedLines: changed };
}
