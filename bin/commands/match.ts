/**
 * `match`: every input line (one event) against each chosen analytic, on its own.
 * Events are read as `cli events` reads them (lib/events, with the content's data sources).
 * Output: JSON Lines, event-major then catalog order, written as it goes.
 */
import { parseArgs } from "../args";
import { chooseAnalytics, contentDir, openContent } from "../content";
import { InputError, openStream, streamEvents, type TextSource } from "../input-stream";
import { inputChunks, readError, type CliIO } from "../io";
import type { EventInput, EventVerdict } from "../../lib/detection/types";
import { pairVerdicts, type VerdictResult } from "../../lib/engine/index";
import type { LineItem } from "../input";
import { withUserLookups, LOOKUP_HELP } from "../lookups";
import { CONTENT_HELP, EXIT, EXIT_CODES_HELP, fail, usage, type Command } from "./command";

const HELP = `Usage: cli match [--content DIR] [--lookup NAME=FILE]... [--analytic ID]... [FILE|-]

Evaluates each input line, as one event on its own, against analytics' own SPL.

Input (FILE, or standard input for - or no FILE): events as \`cli events\` reads them, with the
content's data sources: Windows event XML (events may span lines), JSON (one value per line or
pretty-printed: CIM fields, a Windows event as evtx-dump / Winlogbeat / flat JSON, cloud JSON, a
JSON string holding a command line), CSV with a header, or one event per line (a command line, an
auditd or key=value line, …). Blank lines are skipped (line numbers still count them). One event
per line is read as it arrives (a batch of lines at a time); CSV, Windows XML, and the rest of an
input from a line that may span lines (an open JSON value, a JSON array) are read whole first.

Output: JSON Lines, one object per (event, analytic), in input order (N: the line the event starts
on), then in the content's analytic order, written as it goes (constant memory into a pipe):
  {"line": N, "analytic": "<id>", "name": "<name>", "verdict": "match" | "no_match" | "not_testable",
   "reason": "…" (only for not_testable)}
An event that cannot be read gives ONE object instead, and a message on standard error; the other
events are still evaluated:
  {"line": N, "column"?: C, "error": "<what is wrong>"}

Options:
${CONTENT_HELP}
${LOOKUP_HELP}
  --analytic ID     an analytic id or file name without .yml; repeatable; default: all
  -h, --help        this help

${EXIT_CODES_HELP}`;

export interface MatchRecord {
  line: number;
  analytic: string;
  name: string;
  verdict: EventVerdict["verdict"];
  reason?: string;
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { content: { type: "string" }, lookup: { type: "string", multiple: true }, analytic: { type: "string", multiple: true }, help: { type: "boolean", short: "h" } }, 1);
  if (!args.ok) return usage(io, "match", args.error);
  if (args.flags.help) {
    io.out(HELP + "\n");
    return EXIT.ok;
  }
  const file = args.positionals[0];
  let input: TextSource;
  try {
    input = await openStream(inputChunks(io, file));
  } catch (e) {
    if (e instanceof InputError) return fail(io, "match", readError(file, e.cause), EXIT.usage);
    throw e;
  }
  const content = await openContent(contentDir(args.strings.content?.[0], io.env));
  if (!content.ok) return fail(io, "match", content.error, EXIT.usage);
  const source = await withUserLookups(content.catalog, args.strings.lookup ?? [], io);
  if (!source.ok) return fail(io, "match", source.error, EXIT.usage);
  const chosen = chooseAnalytics(content.catalog, args.strings.analytic ?? []);
  if (!chosen.ok) return fail(io, "match", chosen.error, EXIT.usage);

  const ask = pairVerdicts(source.content, chosen.analytics, false);
  try {
    await writeVerdicts(io, streamEvents(input, { dataSources: content.catalog.dataSources }), chosen.analytics, ask);
  } catch (e) {
    // The input failed part way (the verdicts of the events before are written).
    if (e instanceof InputError) return fail(io, "match", readError(file, e.cause), EXIT.usage);
    throw e;
  }
  return EXIT.ok;
}

/** Each event's verdicts (or its error) as JSON Lines, written before the next event is read. */
async function writeVerdicts(io: CliIO, items: AsyncIterable<LineItem>, analytics: readonly { id: string; name: string }[], ask: (event: EventInput) => (i: number) => VerdictResult): Promise<void> {
  for await (const item of items) {
    if ("error" in item) {
      io.out(JSON.stringify({ line: item.line, ...(item.column !== undefined ? { column: item.column } : {}), error: item.error }) + "\n");
      io.err(`cli match: line ${item.line}${item.column ? `:${item.column}` : ""}: ${item.error}\n`);
      continue;
    }
    const verdictOf = ask(item.event);
    for (const [i, analytic] of analytics.entries()) {
      const v = verdictOf(i);
      const record: MatchRecord = { line: item.line, analytic: analytic.id, name: analytic.name, verdict: v.verdict };
      // Only not_testable carries a reason here (a not_testable VerdictResult always has one).
      if (v.verdict === "not_testable") record.reason = v.reason;
      io.out(JSON.stringify(record) + "\n");
    }
    // Write this event's records before the next event: waits while a pipe is full.
    await io.flush();
  }
}

export const matchCommand: Command = { name: "match", summary: "evaluate each event against analytics (JSON Lines verdicts, streamed)", help: HELP, run };
