/**
 * `explain`: one event through one analytic, clause by clause, for a terminal (or `--json`).
 */
import { parseArgs } from "../args";
import { chooseOne, contentDir, openContent } from "../content";
import { renderExplanation } from "../explain-render";
import { readOneEvent } from "../input";
import { readInput, type CliIO } from "../io";
import { chooseStyle } from "../style";
import { matcherFor as compiledFor } from "../../lib/engine/index";
import { withUserLookups, LOOKUP_HELP } from "../lookups";
import { CONTENT_HELP, EXIT, EXIT_CODES_HELP, fail, usage, type Command } from "./command";

const HELP = `Usage: cli explain [--content DIR] [--lookup NAME=FILE]... --analytic ID [--json] [--color|--no-color] [FILE|-] < event

Shows why one event does or does not fire one analytic: the verdict first, then each stage of
the search with rows in → out, and each predicate with ✔ (true), ✘ (false) or ∅ (null: a
missing or unknown field), its text, the field values it read, and the matched text of a
regex or wildcard in [brackets]. Colours only when standard output is a terminal (NO_COLOR
turns them off).

The event (standard input, or FILE) is read as \`cli events\` reads events, with the content's
data sources: a Windows event in XML or JSON (may span lines), a JSON object of CIM fields, cloud
JSON, a JSON string holding a command line, or a bare command line (one line), …

Options:
${CONTENT_HELP}
${LOOKUP_HELP}
  --analytic ID     the analytic id or file name without .yml (required, once)
  --json            print the Explanation object (lib/spl/api.ts) as JSON instead
  --color, --no-color   force colours on or off
  -h, --help        this help

${EXIT_CODES_HELP}
  (explain exits 0 for a not-testable analytic too: the trace says why.)`;

async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(
    argv,
    {
      content: { type: "string" }, lookup: { type: "string", multiple: true },
      analytic: { type: "string" },
      json: { type: "boolean" },
      color: { type: "boolean" },
      "no-color": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    1,
  );
  if (!args.ok) return usage(io, "explain", args.error);
  if (args.flags.help) {
    io.out(HELP + "\n");
    return EXIT.ok;
  }
  const id = args.strings.analytic?.[0];
  if (id === undefined) return usage(io, "explain", "--analytic ID is required");
  if (args.flags.color && args.flags["no-color"]) return usage(io, "explain", "--color and --no-color contradict each other");
  const input = await readInput(io, args.positionals[0]);
  if (!input.ok) return fail(io, "explain", input.error, EXIT.usage);
  const content = await openContent(contentDir(args.strings.content?.[0], io.env));
  if (!content.ok) return fail(io, "explain", content.error, EXIT.usage);
  const event = readOneEvent(input.text, content.catalog.dataSources);
  if ("error" in event) return fail(io, "explain", event.error, EXIT.usage);
  const source = await withUserLookups(content.catalog, args.strings.lookup ?? [], io);
  if (!source.ok) return fail(io, "explain", source.error, EXIT.usage);
  const chosen = chooseOne(content.catalog, id);
  if (!chosen.ok) return fail(io, "explain", chosen.error, EXIT.usage);
  const target = chosen.analytic;

  const explanation = compiledFor(source.content, target).explain(event.event);
  if (args.flags.json) {
    io.out(JSON.stringify(explanation, null, 2) + "\n");
    return EXIT.ok;
  }
  const force = args.flags.color ? "always" : args.flags["no-color"] ? "never" : undefined;
  const style = chooseStyle(io.stdoutIsTTY, io.env, force);
  io.out(renderExplanation({ id: target.id, name: target.name }, explanation, style));
  return EXIT.ok;
}

export const explainCommand: Command = { name: "explain", summary: "trace one event through one analytic, clause by clause", help: HELP, run };
