/**
 * `coverage`: per analytic, parsed or not, testable live or not and why; totals.
 */
import { parseArgs } from "../args";
import { contentDir, openContent } from "../content";
import { coverageJson, coverageOf } from "../coverage-report";
import { renderCoverage } from "../coverage-render";
import type { CliIO } from "../io";
import { chooseStyle } from "../style";
import { matcherFor } from "../../lib/engine/index";
import { CONTENT_HELP, EXIT, EXIT_CODES_HELP, fail, usage, type Command } from "./command";

const HELP = `Usage: cli coverage [--content DIR] [--json] [--color|--no-color]

For every analytic in the content: does its SPL parse, is it live on pasted events (per event,
or over a batch when it needs several events, e.g. a count threshold), and if not, why, with a
reason code (see docs/architecture.md). Totals by data model, by data source and by reason code;
the target is 90 % of the catalog live.

Options:
${CONTENT_HELP}
  --json            print one object: {"total", "parsed", "testable", "batch", "live",
                    "analytics": [{"id", "name", "datamodel", "data_sources", "parsed", "level",
                    "testable", "live", "reason", "reason_code", "reason_detail"}]}
                    (datamodel: the datasets read, comma-separated, or null for raw-event
                    searches; level: event | batch | none; reason*: null when testable per event)
  --color, --no-color   force colours on or off
  -h, --help        this help

${EXIT_CODES_HELP}`;

async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { content: { type: "string" }, json: { type: "boolean" }, color: { type: "boolean" }, "no-color": { type: "boolean" }, help: { type: "boolean", short: "h" } }, 0);
  if (!args.ok) return usage(io, "coverage", args.error);
  if (args.flags.help) {
    io.out(HELP + "\n");
    return EXIT.ok;
  }
  const dir = contentDir(args.strings.content?.[0], io.env);
  const content = await openContent(dir);
  if (!content.ok) return fail(io, "coverage", content.error, EXIT.usage);
  const { catalog } = content;
  const report = coverageOf(catalog.analytics.map((analytic) => ({ analytic, matcher: matcherFor(catalog, analytic) })));
  if (args.flags.json) {
    io.out(JSON.stringify(coverageJson(report)) + "\n");
    return EXIT.ok;
  }
  const force = args.flags.color ? "always" : args.flags["no-color"] ? "never" : undefined;
  io.out(renderCoverage(report, dir, chooseStyle(io.stdoutIsTTY, io.env, force)));
  const skipped = content.catalog.problems.filter((p) => p.severity === "error").length;
  if (skipped > 0) io.err(`cli coverage: note: ${skipped} content problem(s) while loading (files skipped or fields ignored); the console's Content problems page lists them\n`);
  return EXIT.ok;
}

export const coverageCommand: Command = { name: "coverage", summary: "which analytics parse and are testable live, and why not", help: HELP, run };
