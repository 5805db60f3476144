/**
 * `run`: the whole input as one batch through one analytic; prints the rows the search returns.
 */
import { parseArgs } from "../args";
import { chooseAnalytics, contentDir, openContent } from "../content";
import { readJsonLines } from "../input";
import { readInput, type CliIO } from "../io";
import type { EventInput } from "../../lib/spl/api";
import { compiledFor } from "../../lib/verdicts/index";
import { CONTENT_HELP, EXIT, EXIT_CODES_HELP, fail, usage, type Command } from "./command";

const HELP = `Usage: cli run [--content DIR] --analytic ID [FILE|-]

Runs one analytic's SPL over ALL input events as one batch (as Splunk would over that data) and
prints the rows the search returns, one JSON object per line. Aggregates (count, dc, values, …),
eventstats, dedup and thresholds see every event.

Input: JSON Lines, as for \`cli match\` (a JSON object of CIM / Sysmon 1 / 4688 fields, or a JSON
string holding a command line, per line). A malformed line is reported on standard error with
its line number and left out of the batch; the other lines still run.

Options:
${CONTENT_HELP}
  --analytic ID     the analytic id or file name without .yml (required, once)
  -h, --help        this help

${EXIT_CODES_HELP}`;

async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { content: { type: "string" }, analytic: { type: "string" }, help: { type: "boolean", short: "h" } }, 1);
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
  const chosen = chooseAnalytics(content.catalog, [id]);
  if (!chosen.ok) return fail(io, "run", chosen.error, EXIT.usage);
  const [analytic] = chosen.analytics;
  if (!analytic) return fail(io, "run", `unknown analytic "${id}"`, EXIT.usage);

  const compiled = compiledFor(content.catalog, analytic);
  if (compiled.support.level === "none") {
    return fail(io, "run", `${analytic.name} (${analytic.id}) is not testable on pasted events: ${compiled.support.reason}`, EXIT.notTestable);
  }
  const events: EventInput[] = [];
  for (const item of readJsonLines(input.text)) {
    if ("error" in item) io.err(`cli run: line ${item.line}: ${item.error} (left out of the batch)\n`);
    else events.push(item.event);
  }
  const result = compiled.run(events);
  if (!result.ok) return fail(io, "run", `${analytic.name} (${analytic.id}) could not run: ${result.reason}`, EXIT.notTestable);
  for (const row of result.rows) io.out(JSON.stringify(row) + "\n");
  return EXIT.ok;
}

export const runCommand: Command = { name: "run", summary: "run one analytic over all input events as a batch (JSON Lines rows)", help: HELP, run };
