/**
 * `key=value` pairs in a line, as Splunk's automatic key/value extraction reads them: a value is
 * double- or single-quoted (quotes removed) or runs to the next space; in a comma-separated list
 * (`a=1 2, b=x`) it runs to the next `, key=`. A key given twice is a multivalue field.
 */
export interface Pair {
  key: string;
  value: string;
  /** Offset of the value in the text. */
  at: number;
  quote?: "'" | '"';
}

const KEY_CHAR = /[\w.:-]/;
const KEY_START = /[A-Za-z_]/;
const NEXT_PAIR = /, [A-Za-z_][\w.-]*=|\]\s*$/g;

/**
 * The next `key=` at or after `from` (what /([A-Za-z_][\w.:-]*)=/g finds, leftmost), found in
 * linear time: from each `=`, back over key characters. (The regex backtracks over every run of
 * key characters without an `=`: quadratic on one long word.)
 */
function nextKey(text: string, from: number): { key: string; index: number; end: number } | null {
  for (let eq = text.indexOf("=", from); eq >= 0; eq = text.indexOf("=", eq + 1)) {
    let r = eq;
    while (r > from && KEY_CHAR.test(text[r - 1]!)) r--;
    while (r < eq && !KEY_START.test(text[r]!)) r++;
    if (r < eq) return { key: text.slice(r, eq), index: r, end: eq + 1 };
  }
  return null;
}

export function kvPairs(text: string): Pair[] {
  const commas = (text.match(/, [A-Za-z_][\w.-]*=/g) ?? []).length >= 2;
  const out: Pair[] = [];
  let next = 0;
  for (let m = nextKey(text, 0); m; m = nextKey(text, next)) {
    next = m.end;
    const before = m.index === 0 ? " " : text[m.index - 1]!;
    if (!/[\s,(\[{'";]/.test(before)) continue; // `a=b=c`, a URL's query: not a new key
    const key = m.key;
    const i = m.end;
    const q = text[i];
    let value: string;
    let quote: Pair["quote"];
    if (q === '"' || q === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== q) j += text[j] === "\\" && q === '"' ? 2 : 1;
      value = text.slice(i + 1, Math.min(j, text.length));
      quote = q;
      next = Math.min(j + 1, text.length);
    } else if (commas) {
      NEXT_PAIR.lastIndex = i;
      const stop = NEXT_PAIR.exec(text)?.index ?? text.length;
      value = text.slice(i, stop).trim();
      next = stop;
    } else {
      let j = i;
      // A `)` closing a parenthesised list of pairs ends the value (Falco's `(… k=v)`).
      while (j < text.length && !/\s/.test(text[j]!) && !(text[j] === ")" && (j + 1 === text.length || /\s/.test(text[j + 1]!)))) j++;
      value = text.slice(i, j);
      next = j;
    }
    out.push({ key, value, at: i, ...(quote ? { quote } : {}) });
  }
  return out;
}
