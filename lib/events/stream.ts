/**
 * Reading a long input as it arrives, one batch of lines at a time, with exactly the events and
 * problems (same lines, columns, order, read time) iterateEvents gives for the whole text.
 *
 * The whole-text splitter decides its mode from the input's start (CSV header, Windows XML, JSON
 * values, or lines) and then, in the JSON-values and lines modes, reads most lines on their own:
 * a command line or key=value line (`readLine`), a JSON object that closes on its line, a JSON
 * string, junk up to the line's end. Such a line never looks past its line break, so the text can
 * be cut after it and the rest read later from a fresh splitter in the same mode, its lines
 * counted on (`Resume`). A line that may span lines (an `<Event>`, an XML declaration or comment,
 * a JSON value left open, a JSON array) is not cut after: from there on the caller reads the rest
 * whole (`end`). An input whose start does not decide the mode within the sample (CSV, XML, a
 * UTF-16 byte dump, a first record still open at the sample's end) is not streamed at all.
 */
import { afterBreak, readRecord } from "./csv";
import { ProblemQueue, readChunks, type EventItem, type Reading, type ReadSetup } from "./each";
import { ProblemList } from "./problems";
import { prepareSpecs, type ReadOptions } from "./read";
import { splitChunks, startOf } from "./split";
import { lineStarts, looksLikeUtf16Bytes } from "./text";

/** Characters of the input's start needed to decide its mode as the whole text would (allLinesJson reads 200,000). */
export const SAMPLE_CHARS = 200_000;

type StreamOptions = Omit<ReadOptions, "format">;

/** Why the start of `text` (the first SAMPLE_CHARS, or all of it when `complete`) does not allow streaming, or its mode and start. */
function decide(text: string, complete: boolean): { reason: string } | { mode: "json" | "lines"; pos: number } {
  if (!complete && text.length < SAMPLE_CHARS) return { reason: "the sample is too short" };
  if (looksLikeUtf16Bytes(text)) return { reason: "UTF-16 bytes" };
  const start = startOf(text);
  if (start.mode === "csv" || start.mode === "xml") return { reason: start.mode === "csv" ? "CSV with a header (rows may span lines)" : "Windows XML (events span lines)" };
  if (!complete) {
    if (start.pos + 65536 > text.length) return { reason: "the first event starts too late" };
    const first = text[start.pos];
    if (first !== "<" && first !== "{" && first !== "[") {
      // csvHeader read the first record: it must end (and a line follow) within the sample.
      const at = text.lastIndexOf("\n", start.pos) + 1;
      for (const delim of [",", "\t", ";"]) {
        const rec = readRecord(text, at, delim);
        if (rec.unterminated || afterBreak(text, rec.end) >= text.length) return { reason: "the first line may be a CSV header spanning lines" };
      }
    }
  }
  return { mode: start.mode, pos: start.pos };
}

const isJson = (s: string): boolean => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};

/** True when the splitter reads this line (no line break in it) without looking past its end. */
export function plainLine(line: string, mode: "json" | "lines"): boolean {
  let i = 0;
  for (let c = line.charCodeAt(0); c === 32 || c === 9 || c === 0xfeff; c = line.charCodeAt(++i));
  if (i >= line.length) return true;
  const rest = i === 0 ? line : line.slice(i);
  const c = rest.charCodeAt(0);
  if (c === 60 /* < */) {
    // Not an <Event> start tag, <Events>, <?…>, <!…>, </…>: read as a line (or junk JSON).
    const m = /^<([\w.-]*)([^\w.-])/.exec(rest);
    return m !== null && !":!?/".includes(m[2]!) && !/^event/i.test(m[1]!);
  }
  if (c === 123 /* { */) return isJson(rest); // closes on its line
  if (c === 91 /* [ */) {
    if (mode === "json") return false;
    const d = /[^\s]/.exec(rest.slice(1, 200))?.[0]; // jsonArrayAt decided on this line: not an array
    return d !== undefined && !'{"]['.includes(d);
  }
  return true;
}

export class EventStream {
  private readonly problems = new ProblemList();
  private readonly queue = new ProblemQueue(this.problems);
  private readonly reading: Reading = { chunks: 0, index: 0 };
  private readonly setup: ReadSetup;
  /** Characters of the input consumed, and the line the next batch starts on. */
  private offset = 0;
  private line = 1;

  private constructor(
    options: StreamOptions,
    private readonly mode: "json" | "lines",
    /** A second byte-order mark, dropped as parseEvents drops it. */
    private readonly skip: number,
    /** Where the whole-text splitter starts reading (after leading blanks), in input offsets. */
    private readonly startAt: number,
  ) {
    const opts: ReadOptions = { ...options, format: undefined, now: options.now ?? Math.round(Date.now()) / 1000 };
    this.setup = { opts, prepared: prepareSpecs(options.dataSources), maxEvents: Number.MAX_SAFE_INTEGER, problems: this.problems };
  }

  /**
   * A stream for an input starting with `sample` (at least SAMPLE_CHARS, or the whole input when
   * `complete`; one byte-order mark already dropped, as readInput drops it), or why not.
   */
  static open(sample: string, complete: boolean, options: StreamOptions = {}): EventStream | { reason: string } {
    const skip = sample.charCodeAt(0) === 0xfeff ? 1 : 0;
    const d = decide(sample.slice(skip), complete);
    return "reason" in d ? d : new EventStream(options, d.mode, skip, skip + d.pos);
  }

  /** How much of `text` (the input from where the last batch ended) is whole lines that can be read as a batch now. */
  plainPrefix(text: string): number {
    const from = this.startAt - this.offset;
    let ls = 0;
    while (ls < text.length) {
      let le = ls;
      for (let c = text.charCodeAt(le); le < text.length && c !== 10 && c !== 13; c = text.charCodeAt(++le));
      const crlf = text.charCodeAt(le) === 13 && text.charCodeAt(le + 1) === 10;
      if (le >= text.length || (text.charCodeAt(le) === 13 && le + 1 >= text.length)) return ls; // not ended yet
      const s = Math.max(ls, from);
      if (s < le && !plainLine(text.slice(s, le), this.mode)) return ls;
      ls = le + (crlf ? 2 : 1);
    }
    return ls;
  }

  /** The events and problems of `text`: whole lines, `plainPrefix(text) === text.length`. */
  *batch(text: string): Generator<EventItem> {
    yield* this.read(text);
    yield* this.queue.flush();
  }

  /** The events and problems of the rest of the input (any text), then the "N more problems" item. */
  *end(rest: string): Generator<EventItem> {
    yield* this.read(rest);
    yield* this.queue.flush();
    const more = this.problems.summary();
    if (more) yield { problem: more };
  }

  private *read(text: string): Generator<EventItem> {
    const drop = this.offset === 0 ? this.skip : 0;
    const body = drop > 0 ? text.slice(drop) : text;
    const starts = lineStarts(body);
    const resume = { mode: this.mode, line: this.line, pos: Math.max(0, this.startAt - this.offset - drop) };
    this.offset += text.length;
    this.line += starts.length - 1;
    try {
      const split = splitChunks(body, starts, Number.MAX_SAFE_INTEGER, this.problems, false, resume);
      for (const event of readChunks(split, this.setup, this.reading)) {
        yield* this.queue.before(event);
        yield { event };
      }
    } catch (e) {
      this.problems.add(1, `could not read the input: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
