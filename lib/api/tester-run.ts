/**
 * The HTTP side of `POST /test/run/<version>` (lib/server/tester-run.ts runs it): the content
 * version, the body's limits, and at most two runs at a time, so the server stays available to
 * everyone (a 503 only means the page waits for its own worker).
 */
import type { Catalog } from "../content/types";
import { parseRunBody, runCatalogOnServer } from "../server/tester-run";
import { testerVersion } from "../server/tester-payloads";
import { SERVER_RUN_LIMITS } from "../tester/server-run";
import { readJsonBody } from "./body";
import { error, json } from "./respond";

let running = 0;

export async function serverRunResponse(catalog: Catalog, version: string, request: Request): Promise<Response> {
  if (version !== testerVersion(catalog)) return error(404, `content version ${version.slice(0, 40)} is not served`);
  const body = await readJsonBody(request, SERVER_RUN_LIMITS.inputChars * 6 + SERVER_RUN_LIMITS.only * (SERVER_RUN_LIMITS.idChars + 10));
  if (!body.ok) return error(body.status, body.error);
  const parsed = parseRunBody(body.value);
  if ("problem" in parsed) return error(422, parsed.problem);
  if (running >= SERVER_RUN_LIMITS.running) return error(503, "the server is answering other runs: the page's worker answers this one", { "retry-after": "1" });
  running++;
  try {
    const messages = await runCatalogOnServer(catalog, parsed.input, parsed.only);
    // A warm-up wants no answer: an unread body would hold the page's connection open.
    return parsed.warm ? new Response(null, { status: 204 }) : json(200, { messages });
  } finally {
    running--;
  }
}
