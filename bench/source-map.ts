/**
 * Enough of the Source Map v3 format (https://tc39.es/ecma426/) to name where a profiled
 * position of a bundled chunk came from: `mappings` decoded from base64 VLQ into, per generated
 * line, segments sorted by column; a lookup takes the last segment at or before the column. Index
 * maps (`sections`) are looked up section by section. For benchmarks: bench/main-thread.ts.
 */

interface Segment {
  column: number;
  source: number;
  line: number;
}

interface RawMap {
  sources?: string[];
  mappings?: string;
  sections?: { offset: { line: number; column: number }; map: RawMap }[];
}

export interface Original {
  source: string;
  /** 1-based, as editors show it. */
  line: number;
}

const BASE64 = new Map([..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].map((c, i) => [c, i]));

/** The VLQ numbers of one segment (`AAAA,` → [0, 0, 0, 0]). */
export function decodeVlq(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of text) {
    const digit = BASE64.get(c);
    if (digit === undefined) throw new Error(`not base64 VLQ: ${JSON.stringify(c)}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    out.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return out;
}

function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let line = 0;
  for (const text of mappings.split(";")) {
    const segments: Segment[] = [];
    let column = 0;
    for (const part of text.split(",")) {
      if (part === "") continue;
      const [dc = 0, ds, dl] = decodeVlq(part);
      column += dc;
      if (ds === undefined || dl === undefined) continue;
      source += ds;
      line += dl;
      segments.push({ column, source, line });
    }
    lines.push(segments.sort((a, b) => a.column - b.column));
  }
  return lines;
}

export class SourceMap {
  private readonly lines: Segment[][];
  private readonly sources: string[];
  private readonly sections: { line: number; column: number; map: SourceMap }[];

  constructor(raw: RawMap) {
    this.sources = raw.sources ?? [];
    this.lines = raw.mappings ? decodeMappings(raw.mappings) : [];
    this.sections = (raw.sections ?? []).map((s) => ({ line: s.offset.line, column: s.offset.column, map: new SourceMap(s.map) }));
  }

  /** Where 0-based (line, column) of the generated file came from, if mapped. */
  lookup(line: number, column: number): Original | undefined {
    if (this.sections.length > 0) {
      const at = this.sections.filter((s) => s.line < line || (s.line === line && s.column <= column)).pop();
      return at?.map.lookup(line - at.line, at.line === line ? column - at.column : column);
    }
    const segments = this.lines[line] ?? [];
    let found: Segment | undefined;
    for (const s of segments) {
      if (s.column > column) break;
      found = s;
    }
    const source = found && this.sources[found.source];
    return found && source !== undefined ? { source, line: found.line + 1 } : undefined;
  }
}
