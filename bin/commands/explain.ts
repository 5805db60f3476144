/**
 * `explain`: one event through one analytic, clause by clause, for a terminal (or `--json`).
 */
import { parseArgs } from "../args";
import { chooseAnalytics, contentDir, openContent } from "../content";
import { renderExplanation } from "../explain-render";
import { readOneEvent } from "../input";
import { readInput, type CliIO } from "../io";
import { chooseStyle } from "../style";
import { compiledFor } from "../../lib/verdicts/index";
import { CONTENT_HELP, EXIT, EXIT_CODES_HELP, fail, usage, type Command } from "./command";

const HELP = `Usage: cli explain [--content DIR] --analytic ID [--json] [--color|--no-color] [FILE|-] < event

Shows why one event does or does not fire one analytic: the verdict first, then each stage of
the search with rows in → out, and each predicate with ✔ (true), ✘ (false) or ∅ (null: a
missing or unknown field), its text, the field values it read, and the matched text of a
regex or wildcard in [brackets]. Colours only when standard output is a terminal (NO_COLOR
turns them off).

The event (standard input, or FILE) is one of:
  - a JSON object of CIM fields, or a Sysmon 1 / Security 4688 event in JSON (may span lines),
  - a JSON string holding a command line,
  - a bare command line (one line; read as is when it is not valid JSON).

Options:
${CONTENT_HELP}
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
      content: { type: "string" },
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
  const event = readOneEvent(input.text);
  if ("error" in event) return fail(io, "explain", event.error, EXIT.usage);
  const content = await openContent(contentDir(args.strings.content?.[0], io.env));
  if (!content.ok) return fail(io, "explain", content.error, EXIT.usage);
  const chosen = chooseAnalytics(content.catalog, [id]);
  if (!chosen.ok) return fail(io, "explain", chosen.error, EXIT.usage);
  const [target] = chosen.analytics;
  if (!target) return fail(io, "explain", `unknown analytic "${id}"`, EXIT.usage);

  const explanation = compiledFor(content.catalog, target).explain(event.event);
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
