/**
 * Permalinks for the tester: the pasted input, the analytic and the field edits, in the URL hash.
 * `#t=z<base64url>` holds deflate-raw compressed JSON (CompressionStream, where available);
 * `#t=p<base64url>` holds plain UTF-8 JSON. Nothing is stored on a server. Browser- and Node-safe.
 */

/**
 * What a link reproduces. `edits`: event index → field → value typed in the tester; `picks`: event
 * index → the data source the user chose for an event that several could be.
 */
export interface TesterState {
  input: string;
  analytic?: string;
  edits?: Record<string, Record<string, string>>;
  picks?: Record<string, string>;
}

export type DecodeResult = { ok: true; state: TesterState } | { ok: false; error: string };

const KEY = "t=";
/** Links longer than this are refused by some chat tools; the UI warns above it. */
export const LONG_LINK = 64_000;

export function bytesToBase64url(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function base64urlToBytes(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  try {
    const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

function canCompress(): boolean {
  if (typeof CompressionStream === "undefined" || typeof DecompressionStream === "undefined") return false;
  try {
    new CompressionStream("deflate-raw");
    return true;
  } catch {
    return false;
  }
}

/** The paste limit (lib/events' DEFAULT_MAX_BYTES): a link never expands to more than this. */
export const MAX_LINK_BYTES = 10 * 1024 * 1024;

/** `bytes` as a stream that hands out 4 KB only when asked, so the inflater works on demand. */
function onDemand(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (at >= bytes.length) controller.close();
        else controller.enqueue(bytes.slice(at, (at += 4096)));
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Inflates deflate-raw `bytes`, stopping (and cancelling the stream) as soon as the output passes
 * `cap`: a 531 KB link that expands to 400 MB costs at most `cap` plus one chunk.
 */
async function inflateCapped(bytes: Uint8Array, cap: number): Promise<Uint8Array | "too large"> {
  const reader = onDemand(bytes)
    .pipeThrough(new DecompressionStream("deflate-raw") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>)
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return "too large";
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const body = new Blob([bytes as BlobPart]).stream().pipeThrough(stream as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/** Only the parts a link needs: no empty edits, no empty analytic. */
export function cleanState(state: TesterState): TesterState {
  const out: TesterState = { input: typeof state.input === "string" ? state.input : "" };
  if (typeof state.analytic === "string" && state.analytic) out.analytic = state.analytic;
  const edits: Record<string, Record<string, string>> = {};
  for (const [ev, fields] of Object.entries(state.edits ?? {})) {
    const kept = Object.fromEntries(Object.entries(fields ?? {}).filter(([k, v]) => k && typeof v === "string"));
    if (Object.keys(kept).length) edits[ev] = kept;
  }
  if (Object.keys(edits).length) out.edits = edits;
  const picks = cleanPicks(state.picks);
  if (picks) out.picks = picks;
  return out;
}

/** Picks by event index (digits) with a non-empty data source name; undefined when none. */
function cleanPicks(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const kept: Record<string, string> = {};
  for (const [ev, name] of Object.entries(value as Record<string, unknown>)) if (/^\d+$/.test(ev) && typeof name === "string" && name) kept[ev] = name;
  return Object.keys(kept).length ? kept : undefined;
}

/** The hash (without `#`) for a state. `compress: false` forces the plain form. */
export async function encodeState(state: TesterState, options: { compress?: boolean } = {}): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(cleanState(state)));
  if (options.compress !== false && canCompress()) {
    try {
      return `${KEY}z${bytesToBase64url(await through(json, new CompressionStream("deflate-raw")))}`;
    } catch {
      /* fall through to the plain form */
    }
  }
  return encodePlain(state);
}

/** The plain (uncompressed) hash for a state, at once: for links drawn in a page (the evasion lab's rows). */
export function encodePlain(state: TesterState): string {
  return `${KEY}p${bytesToBase64url(new TextEncoder().encode(JSON.stringify(cleanState(state))))}`;
}

function validate(value: unknown): DecodeResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, error: "the link does not hold a test" };
  const v = value as Record<string, unknown>;
  if (typeof v.input !== "string") return { ok: false, error: "the link holds no input text" };
  const state: TesterState = { input: v.input };
  if (typeof v.analytic === "string") state.analytic = v.analytic;
  if (v.edits && typeof v.edits === "object" && !Array.isArray(v.edits)) {
    const edits: Record<string, Record<string, string>> = {};
    for (const [ev, fields] of Object.entries(v.edits as Record<string, unknown>)) {
      if (!/^\d+$/.test(ev) || !fields || typeof fields !== "object") continue;
      const kept: Record<string, string> = {};
      for (const [k, val] of Object.entries(fields as Record<string, unknown>)) if (typeof val === "string" && k !== "__proto__") kept[k] = val;
      edits[ev] = kept;
    }
    state.edits = cleanState({ input: "", edits }).edits ?? {};
    if (Object.keys(state.edits).length === 0) delete state.edits;
  }
  const picks = cleanPicks(v.picks);
  if (picks) state.picks = picks;
  return { ok: true, state };
}

/** Reads `#t=…` (with or without the `#`, other `&`-separated parts ignored). Never throws. */
export async function decodeState(hash: string): Promise<DecodeResult> {
  const text = typeof hash === "string" ? hash.replace(/^#/, "") : "";
  const part = text.split("&").find((p) => p.startsWith(KEY));
  if (!part) return { ok: false, error: "no test in this link" };
  const kind = part[KEY.length];
  const bytes = base64urlToBytes(part.slice(KEY.length + 1));
  if (!bytes) return { ok: false, error: "the link is damaged (not base64url)" };
  let raw: Uint8Array;
  const tooLarge = { ok: false as const, error: `the test in the link is larger than ${MAX_LINK_BYTES / (1024 * 1024)} MB, the paste limit` };
  if (kind === "p") raw = bytes;
  else if (kind === "z") {
    if (!canCompress()) return { ok: false, error: "this browser cannot decompress the link (no CompressionStream)" };
    try {
      const inflated = await inflateCapped(bytes, MAX_LINK_BYTES);
      if (inflated === "too large") return tooLarge;
      raw = inflated;
    } catch {
      return { ok: false, error: "the link is damaged (cannot decompress)" };
    }
  } else return { ok: false, error: "unknown link format" };
  if (raw.length > MAX_LINK_BYTES) return tooLarge;
  try {
    return validate(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw)));
  } catch {
    return { ok: false, error: "the link is damaged (not JSON text)" };
  }
}
