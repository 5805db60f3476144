/**
 * `cli match`'s input read as it arrives: bytes → UTF-8 text → events, a batch of lines at a
 * time (lib/events/stream.ts), so a long input of one event per line (command lines, JSON Lines,
 * key=value or syslog lines) is read in the memory of one batch. The events, problems, lines and
 * columns are exactly those of reading the whole text (`readEvents`). What is not streamed is
 * read whole, as before: an input whose start is CSV with a header or Windows XML (events span
 * lines), and, from the first such line on, the rest of an input once a line may span lines (an
 * `<Event>`, a JSON value left open, a JSON array).
 */
import type { DataSourceSpec } from "../lib/events/types";
import { EventStream, SAMPLE_CHARS } from "../lib/events/stream";
import { lineItem, readEvents, type LineItem } from "./input";

/** Characters of whole lines read as one batch. */
export const BATCH_CHARS = 1 << 18;

export interface StreamOptions {
  /** The content's data sources (as `readEvents` takes them). */
  dataSources?: readonly DataSourceSpec[];
  /** The read time of events without a timestamp (default: when reading starts; tests fix it). */
  now?: number;
  /** Characters of whole lines read as one batch (tests make it tiny). */
  batchChars?: number;
}

export interface StreamReport {
  /** Most characters of input held at once (the batch and a line not yet ended). */
  maxHeld: number;
  /** Why (part of) the input was read whole, when it was. */
  whole?: string;
}

/** Reading the input failed (the cause: the file system's or the stream's error). */
export class InputError extends Error {
  constructor(readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** Text as the bytes arrive (UTF-8; a character cut between two pieces waits for the next). */
export class TextSource {
  text = "";
  done = false;
  readonly report: StreamReport = { maxHeld: 0 };
  private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  private readonly it: AsyncIterator<Uint8Array>;
  constructor(chunks: AsyncIterable<Uint8Array>) {
    this.it = chunks[Symbol.asyncIterator]();
  }

  /** Reads one more piece; false at the end. */
  async more(): Promise<boolean> {
    if (this.done) return false;
    let r: IteratorResult<Uint8Array>;
    try {
      r = await this.it.next();
    } catch (e) {
      throw new InputError(e);
    }
    if (r.done) {
      this.done = true;
      this.text += this.decoder.decode();
    } else this.text += this.decoder.decode(r.value, { stream: true });
    this.report.maxHeld = Math.max(this.report.maxHeld, this.text.length);
    return !this.done;
  }

  /** Reads until `chars` are held (or the end). */
  async fill(chars: number): Promise<void> {
    while (this.text.length < chars && (await this.more()));
  }

  /** Reads until a line break is held (or the end). */
  async untilBreak(): Promise<void> {
    let from = 0;
    while (this.text.indexOf("\n", from) < 0) {
      from = this.text.length;
      if (!(await this.more())) return;
    }
  }

  async all(): Promise<string> {
    while (await this.more());
    return this.text;
  }
}

/**
 * An input's start, read before anything else so an unreadable input fails first. Reading throws
 * InputError (here, or later while streaming) where `readInput` would have rejected.
 */
export async function openStream(chunks: AsyncIterable<Uint8Array>): Promise<TextSource> {
  const source = new TextSource(chunks);
  await source.fill(SAMPLE_CHARS);
  if (source.text.charCodeAt(0) === 0xfeff) source.text = source.text.slice(1); // as readInput
  return source;
}

/** Every event and problem of the input, in order, as `readEvents` gives them for the whole text. */
export async function* streamEvents(source: TextSource, options: StreamOptions = {}): AsyncGenerator<LineItem> {
  const { dataSources, now, batchChars = BATCH_CHARS } = options;
  const report = source.report;
  const stream = EventStream.open(source.text, source.done, { ...(dataSources ? { dataSources } : {}), ...(now !== undefined ? { now } : {}) });
  if ("reason" in stream) {
    report.whole = stream.reason;
    return yield* readEvents(await source.all(), dataSources, now);
  }
  for (;;) {
    await source.fill(batchChars);
    if (source.text.indexOf("\n") < 0) await source.untilBreak();
    const text = source.text;
    // Whole lines, up to batchChars of them (or the one line that is longer); a last line
    // without a break goes to stream.end.
    const lines = text.lastIndexOf("\n", batchChars - 1) + 1 || text.indexOf("\n") + 1;
    const plain = stream.plainPrefix(text.slice(0, lines));
    if (plain > 0) {
      source.text = text.slice(plain);
      for (const item of stream.batch(text.slice(0, plain))) yield lineItem(item);
    }
    if (plain < lines) {
      report.whole = "a line that may span lines (an XML event, a JSON value left open or a JSON array): the rest was read whole";
      break;
    }
    if (source.done && source.text.indexOf("\n") < 0) break;
  }
  for (const item of stream.end(await source.all())) yield lineItem(item);
}
