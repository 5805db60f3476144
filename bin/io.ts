/**
 * The CLI's view of the outside world, injectable so commands can be tested without spawning a
 * process: where input comes from, where output goes, whether stdout is a terminal.
 */
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";

export interface CliIO {
  /** The whole of standard input, as UTF-8 text. */
  readStdin(): Promise<string>;
  /** A file's text, as UTF-8. Rejects when unreadable (callers turn that into a value). */
  readFile(path: string): Promise<string>;
  /** Standard input's bytes as they arrive (`cli match` streams its input). */
  stdinChunks(): AsyncIterable<Uint8Array>;
  /** A file's bytes as they are read; the iteration throws when the file is unreadable. */
  fileChunks(path: string): AsyncIterable<Uint8Array>;
  /** Write to standard output (buffered; `flush` at the end). */
  out(text: string): void;
  /** Write to standard error. */
  err(text: string): void;
  /** Write out whatever `out` buffered. */
  flush(): Promise<void>;
  /** True when standard output is a terminal (colours, symbols). */
  stdoutIsTTY: boolean;
  env: Record<string, string | undefined>;
}

export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

/** The one-line message for an input that cannot be read. */
export function readError(file: string | undefined, e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  const what = file === undefined || file === "-" ? "standard input" : file;
  const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : e instanceof Error ? e.message : String(e);
  return `cannot read ${what}: ${why}`;
}

/** Reads FILE, or standard input for `-` / no file. Never throws. */
export async function readInput(io: CliIO, file: string | undefined): Promise<ReadResult> {
  try {
    const text = file === undefined || file === "-" ? await io.readStdin() : await io.readFile(file);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (e) {
    return { ok: false, error: readError(file, e) };
  }
}

/** FILE's bytes, or standard input's for `-` / no file, as they are read. */
export function inputChunks(io: CliIO, file: string | undefined): AsyncIterable<Uint8Array> {
  return file === undefined || file === "-" ? io.stdinChunks() : io.fileChunks(file);
}

const FLUSH_AT = 1 << 16;

/** The real process: buffered stdout, EPIPE (e.g. `| head`) ends quietly. */
export function nodeIO(): CliIO {
  let buffer: string[] = [];
  let size = 0;
  let closed = false;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") {
      closed = true;
      process.exit(0);
    }
  });
  const write = (text: string): Promise<void> =>
    new Promise((resolve) => {
      if (closed || text === "") return resolve();
      if (process.stdout.write(text)) resolve();
      else process.stdout.once("drain", () => resolve());
    });
  async function* stdinChunks(): AsyncGenerator<Uint8Array> {
    if (process.stdin.isTTY) process.stderr.write("(reading from the terminal: paste the input, then press Ctrl-D)\n");
    for await (const chunk of process.stdin) yield typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
  }
  return {
    async readStdin() {
      const chunks: Uint8Array[] = [];
      for await (const chunk of stdinChunks()) chunks.push(chunk);
      return Buffer.concat(chunks).toString("utf8");
    },
    readFile: (path) => readFile(path, "utf8"),
    stdinChunks,
    fileChunks: (path) => createReadStream(path, { highWaterMark: 1 << 16 }),
    out(text) {
      buffer.push(text);
      size += text.length;
      if (size >= FLUSH_AT) {
        const chunk = buffer.join("");
        buffer = [];
        size = 0;
        if (!closed) process.stdout.write(chunk);
      }
    },
    err: (text) => void process.stderr.write(text),
    async flush() {
      const chunk = buffer.join("");
      buffer = [];
      size = 0;
      await write(chunk);
    },
    stdoutIsTTY: process.stdout.isTTY === true,
    env: process.env,
  };
}

/** `text`'s UTF-8 bytes in pieces of `size` (a multi-byte character may be cut between two). */
export async function* byteChunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, "utf8");
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/**
 * An in-memory IO for tests: fixed stdin and files, captured stdout/stderr. Streamed input
 * arrives in pieces of `chunkBytes` bytes.
 */
export function memoryIO(stdin = "", files: Record<string, string> = {}, tty = false, chunkBytes = 1 << 16): CliIO & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  const file = (path: string): string => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error("no such file"), { code: "ENOENT" });
    return text;
  };
  return {
    readStdin: async () => stdin,
    readFile: async (path) => file(path),
    stdinChunks: () => byteChunks(stdin, chunkBytes),
    fileChunks: (path) => (async function* () {
      yield* byteChunks(file(path), chunkBytes);
    })(),
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    flush: async () => {},
    stdoutIsTTY: tty,
    env: {},
    stdout: () => out,
    stderr: () => err,
  };
}
