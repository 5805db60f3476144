/**
 * `POST /api/events`: the body (text/plain: Windows XML, JSON, CSV, lines — what `cli events`
 * reads) → {"events": [the same objects `cli events` prints]}: each event's data source, fields and
 * CIM datasets, or an error with its line and column. Limits as /api/match (docs/api.md).
 */
import { parseEvents } from "../events/index";
import { eventRecords } from "../events/records";
import { readTextBody } from "./body";
import type { ApiDeps } from "./deps";
import { LIMITS } from "./limits";
import { error, json } from "./respond";

export async function handleEvents(request: Request, deps: Pick<ApiDeps, "catalog">): Promise<Response> {
  try {
    const type = request.headers.get("content-type") ?? "";
    if (type !== "" && !/^text\/plain\b/i.test(type)) return error(415, `content-type: expected text/plain, got "${type.slice(0, 60)}"`);
    const body = await readTextBody(request, LIMITS.maxBodyBytes);
    if (!body.ok) return error(body.status, body.error);
    if (body.text.trim() === "") return error(400, "body: empty; expected events as text");
    const catalog = await deps.catalog();
    const result = parseEvents(body.text, { dataSources: catalog.dataSources, maxEvents: LIMITS.maxEvents + 1 });
    if (result.events.length > LIMITS.maxEvents) return error(413, `events: more than ${LIMITS.maxEvents} in one request`);
    return json(200, { events: eventRecords(result) });
  } catch (e) {
    console.error("POST /api/events failed:", e);
    return error(500, "internal error");
  }
}
