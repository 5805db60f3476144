/**
 * Reads a request body as JSON without ever holding more than `limit` bytes: Content-Length is
 * checked first, then the stream is read chunk by chunk and cancelled as soon as it passes the
 * limit. Errors are values carrying the HTTP status to answer with.
 */
export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413; error: string };

function tooLarge(limit: number): { ok: false; status: 413; error: string } {
  return { ok: false, status: 413, error: `body: larger than the limit of ${limit} bytes` };
}

export type TextResult = { ok: true; text: string } | { ok: false; status: 400 | 413; error: string };

/** The body as UTF-8 text, never holding more than `limit` bytes. */
export async function readTextBody(request: Request, limit: number): Promise<TextResult> {
  const declared = request.headers.get("content-length");
  if (declared !== null && declared.trim() !== "") {
    const n = Number(declared);
    if (Number.isFinite(n) && n > limit) return tooLarge(limit);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!value) continue;
        total += value.byteLength;
        if (total > limit) {
          await reader.cancel().catch(() => undefined);
          return tooLarge(limit);
        }
        chunks.push(value);
      }
    } catch (e) {
      return { ok: false, status: 400, error: `body: could not be read (${e instanceof Error ? e.message : String(e)})` };
    } finally {
      reader.releaseLock();
    }
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, status: 400, error: "body: not valid UTF-8" };
  }
  return { ok: true, text };
}

export async function readJsonBody(request: Request, limit: number): Promise<BodyResult> {
  const body = await readTextBody(request, limit);
  if (!body.ok) return body;
  const text = body.text;
  if (text.trim() === "") return { ok: false, status: 400, error: "body: empty; expected a JSON object" };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, status: 400, error: `body: invalid JSON (${msg.replace(/\s+/g, " ").slice(0, 160)})` };
  }
}
