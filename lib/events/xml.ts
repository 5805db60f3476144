/**
 * A small, tolerant XML reader for Windows event exports. Not a validating parser: it builds a
 * tree of elements (local names, attributes, direct text), decodes the predefined and numeric
 * entities, skips comments / processing instructions / DOCTYPE, keeps CDATA as text, and recovers
 * from missing or stray end tags by closing elements where the structure says they must end.
 * Linear time (the end-tag search is bounded by open-element counts). No DOM.
 */

export interface XmlElement {
  /** Local name (namespace prefix removed). */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Direct text content, entities decoded. */
  text: string;
  /** Offset of the element's `<`. */
  start: number;
  /** Offset just after its end tag (or where it was implicitly closed). */
  end: number;
  /** True when its end tag was missing (closed where the structure said it must end). */
  unclosed?: boolean;
}

export interface XmlProblem {
  offset: number;
  message: string;
}

export interface XmlParse {
  roots: XmlElement[];
  problems: XmlProblem[];
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decode &amp; &lt; &gt; &quot; &apos; &#NN; &#xHH;. Unknown or invalid references stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|amp|lt|gt|quot|apos);/g, (whole, body: string) => {
    if (body[0] !== "#") return NAMED[body] ?? whole;
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
    return String.fromCodePoint(code);
  });
}

function localName(qname: string): string {
  const colon = qname.lastIndexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c > 127;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

interface Open {
  el: XmlElement;
  parts: string[];
}

export function parseXml(text: string): XmlParse {
  const n = text.length;
  const roots: XmlElement[] = [];
  const problems: XmlProblem[] = [];
  const stack: Open[] = [];
  const openCount = new Map<string, number>();

  const addText = (s: string) => {
    const top = stack[stack.length - 1];
    if (top && s) top.parts.push(s);
  };
  const close = (entry: Open, end: number) => {
    entry.el.end = end;
    entry.el.text = entry.parts.join("");
    entry.parts.length = 0;
    openCount.set(entry.el.name, (openCount.get(entry.el.name) ?? 1) - 1);
  };
  const open = (el: XmlElement, selfClosing: boolean) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.el.children.push(el);
    else roots.push(el);
    if (!selfClosing) {
      stack.push({ el, parts: [] });
      openCount.set(el.name, (openCount.get(el.name) ?? 0) + 1);
    }
  };
  const endTag = (name: string, at: number, end: number) => {
    if (!openCount.get(name)) {
      problems.push({ offset: at, message: `unexpected </${name}>` });
      return;
    }
    for (;;) {
      const top = stack.pop();
      if (!top) return;
      if (top.el.name === name) {
        close(top, end);
        return;
      }
      problems.push({ offset: top.el.start, message: `missing </${top.el.name}>` });
      top.el.unclosed = true;
      close(top, at);
    }
  };

  let i = 0;
  while (i < n) {
    const lt = text.indexOf("<", i);
    if (lt < 0) {
      addText(decodeEntities(text.slice(i)));
      break;
    }
    if (lt > i) addText(decodeEntities(text.slice(i, lt)));
    if (text.startsWith("<!--", lt)) {
      const e = text.indexOf("-->", lt + 4);
      i = e < 0 ? n : e + 3;
      continue;
    }
    if (text.startsWith("<![CDATA[", lt)) {
      const e = text.indexOf("]]>", lt + 9);
      addText(text.slice(lt + 9, e < 0 ? n : e));
      i = e < 0 ? n : e + 3;
      continue;
    }
    if (text.startsWith("<?", lt) || text.startsWith("<!", lt)) {
      const e = text.indexOf(">", lt + 2);
      i = e < 0 ? n : e + 1;
      continue;
    }
    if (text.charCodeAt(lt + 1) === 47 /* / */) {
      const gt = text.indexOf(">", lt + 2);
      const stop = gt < 0 ? n : gt;
      const next = text.indexOf("<", lt + 2);
      const end = next >= 0 && next < stop ? next : stop; // `</Data` with no `>`: stop at the next tag
      endTag(localName(text.slice(lt + 2, end).trim()), lt, end === stop && gt >= 0 ? gt + 1 : end);
      i = end === stop && gt >= 0 ? gt + 1 : end;
      continue;
    }
    if (!isNameStart(text.charCodeAt(lt + 1))) {
      addText("<");
      i = lt + 1;
      continue;
    }
    i = readStartTag(text, lt, open, problems);
  }
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top) break;
    problems.push({ offset: top.el.start, message: `missing </${top.el.name}>` });
    top.el.unclosed = true;
    close(top, n);
  }
  return { roots, problems };
}

/** Read `<name attr="v" ...>` or `<name/>` at `lt`; returns the offset after it. */
function readStartTag(
  text: string,
  lt: number,
  open: (el: XmlElement, selfClosing: boolean) => void,
  problems: XmlProblem[],
): number {
  const n = text.length;
  let j = lt + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (isSpace(c) || c === 47 || c === 62 || c === 60) break;
    j++;
  }
  const el: XmlElement = { name: localName(text.slice(lt + 1, j)), attrs: {}, children: [], text: "", start: lt, end: n };
  for (;;) {
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    if (j >= n) {
      problems.push({ offset: lt, message: `unterminated <${el.name}> tag` });
      open(el, true);
      return n;
    }
    const c = text.charCodeAt(j);
    if (c === 62 /* > */) {
      open(el, false);
      return j + 1;
    }
    if (c === 47 /* / */ && text.charCodeAt(j + 1) === 62) {
      el.end = j + 2;
      open(el, true);
      return j + 2;
    }
    if (c === 60 /* < */) {
      problems.push({ offset: lt, message: `unterminated <${el.name}> tag` });
      open(el, false);
      return j;
    }
    const nameStart = j;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (isSpace(d) || d === 61 || d === 62 || d === 47 || d === 60) break;
      j++;
    }
    if (j === nameStart) {
      j++; // a stray character such as `/`: skip it
      continue;
    }
    const attr = localName(text.slice(nameStart, j));
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    let value = "";
    if (text.charCodeAt(j) === 61 /* = */) {
      j++;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const q = text.charCodeAt(j);
      if (q === 34 || q === 39) {
        const closeAt = text.indexOf(q === 34 ? '"' : "'", j + 1);
        const gt = text.indexOf(">", j + 1);
        const end = closeAt >= 0 ? closeAt : gt >= 0 ? gt : n;
        if (closeAt < 0) problems.push({ offset: j, message: `unterminated attribute value in <${el.name}>` });
        value = text.slice(j + 1, end);
        j = closeAt >= 0 ? closeAt + 1 : end;
      } else {
        const vs = j;
        while (j < n && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 62) j++;
        value = text.slice(vs, j);
      }
    }
    if (attr !== "__proto__") el.attrs[attr] = decodeEntities(value);
  }
}

/** Depth-first search for elements, not descending into matches. */
export function findAll(roots: readonly XmlElement[], match: (el: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [...roots].reverse();
  while (stack.length > 0) {
    const el = stack.pop();
    if (!el) break;
    if (match(el)) out.push(el);
    else for (let k = el.children.length - 1; k >= 0; k--) stack.push(el.children[k] as XmlElement);
  }
  return out;
}
