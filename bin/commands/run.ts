/**
 * `run`: the whole input as one batch through one analytic; prints the rows the search returns.
 */
import { parseArgs } from "../args";
import { chooseOne, contentDir, openContent } from "../content";
import { readEvents } from "../input";
import { readInput, type CliIO } from "../io";
import type { EventInput } from "../../lib/detection/types";
import { matcherFor as compiledFor } from "../../lib/engine/index";
import { withUserLookups, LOOKUP_HELP } from "../lookups";
import { CONTENT_HELP, EXIT, EXIT_CODES_HELP, fail, usage, type Command } from "./command";

const HELP = `Usage: cli run [--content DIR] [--lookup NAME=FILE]... --analytic ID [FILE|-]

Runs one analytic's SPL over ALL input events as one batch (as Splunk would over that data) and
prints the rows the search returns, one JSON object per line. Aggregates (count, dc, values, …),
eventstats, dedup and thresholds see every event.

Input: events as \`cli events\` and \`cli match\` read them (Windows XML, JSON, CSV, one event per
line; with the content's data sources). An event that cannot be read is reported on standard
error with its line and left out of the batch; the other events still run.

Options:
${CONTENT_HELP}
${LOOKUP_HELP}
  --analytic ID     the analytic id or file name without .yml (required, once)
  -h, --help        this help

${EXIT_CODES_HELP}`;

async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { content: { type: "string" }, lookup: { type: "string", multiple: true }, analytic: { type: "string" }, help: { type: "boolean", short: "h" } }, 1);
  if (!args.ok) return usage(io, "run", args.error);
  if (args.flags.help) {
    io.out(HELP + "\n");
    return EXIT.ok;
  }
  const id = args.strings.analytic?.[0];
  if (id === undefined) return usage(io, "run", "--analytic ID is required");
  const input = await readInput(io, args.positionals[0]);
  if (!input.ok) return fail(io, "run", input.error, EXIT.usage);
  const content = await openContent(contentDir(args.strings.content?.[0], io.env));
  if (!content.ok) return fail(io, "run", content.error, EXIT.usage);
  const source = await withUserLookups(content.catalog, args.strings.lookup ?? [], io);
  if (!source.ok) return fail(io, "run", source.error, EXIT.usage);
  const chosen = chooseOne(content.catalog, id);
  if (!chosen.ok) return fail(io, "run", chosen.error, EXIT.usage);
  const analytic = chosen.analytic;

  const compiled = compiledFor(source.content, analytic);
  if (compiled.support.level === "none") {
    return fail(io, "run", `${analytic.name} (${analytic.id}) is not testable on pasted events: ${compiled.support.reason}`, EXIT.notTestable);
  }
  const events: EventInput[] = [];
  for (const item of readEvents(input.text, content.catalog.dataSources)) {
    if ("error" in item) io.err(`cli run: line ${item.line}${item.column ? `:${item.column}` : ""}: ${item.error} (left out of the batch)\n`);
    else events.push(item.event);
  }
  const result = compiled.run(events);
  if (!result.ok) return fail(io, "run", `${analytic.name} (${analytic.id}) could not run: ${result.reason}`, EXIT.notTestable);
  for (const row of result.rows) io.out(JSON.stringify(row) + "\n");
  return EXIT.ok;
}

export const runCommand: Command = { name: "run", summary: "run one analytic over all input events as a batch (JSON Lines rows)", help: HELP, run };
