/**
 * `events`: read pasted / piped events as the Splunk add-ons would, and print what each one is.
 */
import { parseArgs, one } from "../args";
import { contentDir } from "../content";
import { readInput, type CliIO } from "../io";
import { loadCatalog } from "../../lib/content/load";
import { parseEvents } from "../../lib/events/index";
import { eventRecords } from "../../lib/events/records";
import { CONTENT_HELP, EXIT, EXIT_CODES_HELP, fail, usage, type Command } from "./command";

const HELP = `Usage: cli events [--content DIR] [--source S] [--sourcetype ST] [--data-source NAME] [FILE|-]

Reads events (FILE, or standard input for - or no FILE) and prints, for each one, the content's
data source it is, the fields a raw-event search sees and the CIM datasets it feeds.

Input: Windows event XML (events may span lines), JSON (one value per line or pretty-printed; a
Windows event as evtx-dump / Winlogbeat / flat JSON, CIM fields), CSV with a header, or one event
per line (a command line, …).

Output: JSON Lines, one object per event, in input order:
  {"line", "column", "data_source" (name or null), "candidates" (names, best first), "source",
   "sourcetype", "fields" {name: value or [values]}, "datasets" {"Endpoint.Registry": {field: value}},
   "unknown" [fields the event cannot know], "notes"?}
An event that cannot be read gives {"line", "column"?, "error"} instead; the others are still read.

Options:
${CONTENT_HELP}
  --source S        the events' source (wins over what they look like)
  --sourcetype ST   the events' sourcetype
  --data-source N   read every event as this data source (when it is one of several candidates)
  -h, --help        this help

${EXIT_CODES_HELP}`;

async function run(argv: string[], io: CliIO): Promise<number> {
  const specs = { content: { type: "string" }, source: { type: "string" }, sourcetype: { type: "string" }, "data-source": { type: "string" }, help: { type: "boolean", short: "h" } } as const;
  const args = parseArgs(argv, specs, 1);
  if (!args.ok) return usage(io, "events", args.error);
  if (args.flags.help) {
    io.out(HELP + "\n");
    return EXIT.ok;
  }
  const input = await readInput(io, args.positionals[0]);
  if (!input.ok) return fail(io, "events", input.error, EXIT.usage);
  const catalog = await loadCatalog(contentDir(one(args, "content"), io.env));
  const fatal = catalog.problems.find((p) => p.file === "." && p.severity === "error");
  if (fatal) return fail(io, "events", fatal.message, EXIT.usage);
  const result = parseEvents(input.text, {
    dataSources: catalog.dataSources,
    ...(one(args, "source") ? { source: one(args, "source") } : {}),
    ...(one(args, "sourcetype") ? { sourcetype: one(args, "sourcetype") } : {}),
    ...(one(args, "data-source") ? { dataSource: one(args, "data-source") } : {}),
  });
  for (const r of eventRecords(result)) {
    io.out(JSON.stringify(r) + "\n");
    if ("error" in r) io.err(`cli events: line ${r.line}${r.column ? `:${r.column}` : ""}: ${r.error}\n`);
  }
  return EXIT.ok;
}

export const eventsCommand: Command = { name: "events", summary: "what each event is: its data source, fields and CIM datasets", help: HELP, run };
