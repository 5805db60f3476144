/**
 * Reading a content folder that may be hostile (Node only). The walk never follows a symbolic
 * link out of the folder, never enters a folder twice (a link back to `.` is a loop), stops at a
 * depth and a file-count cap, and reads only regular files below a size cap — a named pipe, a
 * socket or a device is reported from `lstat`/`stat` and never opened. Every file skipped is a
 * `ContentProblem` with its path relative to the folder (never the server's absolute path).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from "node:fs";
import { lstat, open, readdir, realpath, stat } from "node:fs/promises";
import type { Stats } from "node:fs";
import path from "node:path";
import type { ContentProblem } from "./types";

import { MAX_DEPTH, MAX_FILES, MAX_YAML_BYTES, formatBytes } from "./limits";
import { formatCount } from "@/lib/detection/numbers";

export { MAX_DEPTH, MAX_FILES, MAX_YAML_BYTES, formatBytes } from "./limits";

export interface ListedFile {
  /** Path relative to the content folder, posix separators (`detections/endpoint/x.yml`). */
  rel: string;
  /** Real path (no symbolic links) inside the content folder. */
  abs: string;
}

const inside = (root: string, p: string): boolean => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

function kindOf(st: Stats): string {
  if (st.isFIFO()) return "a named pipe";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isDirectory()) return "a folder";
  if (st.isSymbolicLink()) return "a symbolic link";
  return "not a regular file";
}

interface Walk {
  rootReal: string;
  match: RegExp;
  recursive: boolean;
  visited: Set<string>;
  out: ListedFile[];
  problems: ContentProblem[];
}

const problem = (w: Walk, file: string, message: string, severity: ContentProblem["severity"] = "warning"): void => {
  w.problems.push({ file, severity, message });
};

/** A symbolic link: followed only when its real target stays inside the folder. */
async function followLink(w: Walk, abs: string, rel: string, name: string, depth: number, queue: Array<[string, string, number]>): Promise<void> {
  const target = await realpath(abs).catch(() => undefined);
  if (target === undefined) {
    if (w.match.test(name)) problem(w, rel, "symbolic link to nothing (broken or a loop); not read");
    return;
  }
  if (!inside(w.rootReal, target)) {
    problem(w, rel, "symbolic link leads outside the content folder; not followed");
    return;
  }
  const st = await stat(target).catch(() => undefined);
  if (st?.isDirectory()) {
    if (!w.recursive) return;
    if (w.visited.has(target)) problem(w, rel, "symbolic link to a folder already read (a loop); not followed");
    else queue.push([target, rel, depth + 1]);
  } else if (w.match.test(name)) w.out.push({ rel, abs: target });
}

async function walkDir(w: Walk, dirReal: string, relDir: string, depth: number, queue: Array<[string, string, number]>): Promise<void> {
  if (w.visited.has(dirReal)) return;
  w.visited.add(dirReal);
  const entries = await readdir(dirReal, { withFileTypes: true }).catch(() => undefined);
  if (!entries) {
    problem(w, relDir, "cannot list this folder");
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (w.out.length >= MAX_FILES) return;
    const rel = `${relDir}/${e.name}`;
    const abs = path.join(dirReal, e.name);
    if (e.isSymbolicLink()) await followLink(w, abs, rel, e.name, depth, queue);
    else if (e.isDirectory()) {
      if (w.recursive) queue.push([abs, rel, depth + 1]);
    } else if (w.match.test(e.name)) w.out.push({ rel, abs });
  }
}

/**
 * Files under `root/sub` whose name matches `match`, sorted by relative path; [] when the folder
 * is absent. Problems (outside links, loops, too deep, too many files) are pushed to `problems`.
 */
export async function listContentFiles(root: string, sub: string, match: RegExp, recursive: boolean, problems: ContentProblem[]): Promise<ListedFile[]> {
  const rootReal = await realpath(root);
  const w: Walk = { rootReal, match, recursive, visited: new Set(), out: [], problems };
  const start = await realpath(path.join(rootReal, sub)).catch(() => undefined);
  if (start === undefined) return [];
  if (!inside(rootReal, start)) {
    problem(w, sub, "symbolic link leads outside the content folder; not followed");
    return [];
  }
  if (!(await stat(start).catch(() => undefined))?.isDirectory()) return [];
  const queue: Array<[string, string, number]> = [[start, sub, 0]];
  // Breadth first with an explicit queue: the walk never recurses on the folder's depth.
  for (let i = 0; i < queue.length; i++) {
    const [dirReal, relDir, depth] = queue[i] as [string, string, number];
    if (depth > MAX_DEPTH) {
      problem(w, relDir, `folder nested more than ${MAX_DEPTH} levels deep; not read`);
      continue;
    }
    if (w.out.length >= MAX_FILES) {
      problem(w, sub, `more than ${formatCount(MAX_FILES)} files; the rest are not read`, "error");
      break;
    }
    await walkDir(w, dirReal, relDir, depth, queue);
  }
  return w.out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** The text, or the problem (with the system's error code when there was one, e.g. `ENOENT`). */
export type ReadResult = { text: string } | { problem: ContentProblem; code?: string };

const refuse = (file: string, message: string, code?: string): ReadResult => ({ problem: { file, severity: "error", message }, code });

/** The bytes of a content file as text: no NUL bytes, UTF-8 only (both readers). */
function textOf(bytes: Uint8Array, rel: string): ReadResult {
  if (bytes.includes(0)) return refuse(rel, "binary file (contains NUL bytes); not read");
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return refuse(rel, "not UTF-8 text; not read");
  }
}

/** A read that threw: its code, with the server's absolute path replaced by the relative one. */
function readFailure(err: unknown, abs: string, rel: string): ReadResult {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  return refuse(rel, `cannot read file: ${code ?? message.split(abs).join(rel)}`, code);
}

/**
 * The text of one content file, or why it was not read. Checks the file's type and size with
 * `lstat` before opening it (a pipe or device is never opened), opens it non-blocking without
 * following links, checks again on the open handle and reads at most `cap` bytes. Binary (NUL
 * bytes) and non-UTF-8 files are refused. Never throws.
 */
export async function readContentFile(abs: string, rel: string, cap = MAX_YAML_BYTES): Promise<ReadResult> {
  const tooBig = (size: number) => refuse(rel, `file is ${formatBytes(size)}, over the ${formatBytes(cap)} limit for a content file; not read`);
  try {
    const st = await lstat(abs);
    if (!st.isFile()) return refuse(rel, `${kindOf(st)}, not a regular file; not read`);
    if (st.size > cap) return tooBig(st.size);
    const fh = await open(abs, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0));
    let buf: Buffer;
    let length = 0;
    try {
      const again = await fh.stat();
      if (!again.isFile()) return refuse(rel, `${kindOf(again)}, not a regular file; not read`);
      buf = Buffer.alloc(Math.min(again.size, cap) + 1);
      for (;;) {
        const { bytesRead } = await fh.read(buf, length, buf.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length > cap) return tooBig(length);
        if (length === buf.length) buf = Buffer.concat([buf, Buffer.alloc(Math.min(buf.length, cap + 1 - buf.length))]);
      }
    } finally {
      await fh.close();
    }
    const bytes = buf.subarray(0, length);
    return textOf(bytes, rel);
  } catch (err) {
    return readFailure(err, abs, rel);
  }
}

/**
 * readContentFile for a caller that cannot wait (a lookup table the engine reads on first use,
 * inside a synchronous evaluation): the same checks — lstat first, open non-blocking without
 * following links, fstat again, at most `cap` bytes, no NUL bytes, UTF-8 only.
 */
export function readContentFileSync(abs: string, rel: string, cap: number): ReadResult {
  const tooBig = (size: number) => refuse(rel, `file is ${formatBytes(size)}, over the ${formatBytes(cap)} limit for a content file; not read`);
  try {
    const st = lstatSync(abs);
    if (!st.isFile()) return refuse(rel, `${kindOf(st)}, not a regular file; not read`);
    if (st.size > cap) return tooBig(st.size);
    const fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0));
    let bytes: Buffer;
    try {
      const again = fstatSync(fd);
      if (!again.isFile()) return refuse(rel, `${kindOf(again)}, not a regular file; not read`);
      if (again.size > cap) return tooBig(again.size);
      const buf = Buffer.alloc(again.size + 1);
      let length = 0;
      for (;;) {
        const n = readSync(fd, buf, length, buf.length - length, null);
        if (n === 0) break;
        length += n;
        if (length > again.size) return tooBig(length);
      }
      bytes = buf.subarray(0, length);
    } finally {
      closeSync(fd);
    }
    return textOf(bytes, rel);
  } catch (err) {
    return readFailure(err, abs, rel);
  }
}
