/**
 * `export`: what the analytic page's tester exports, on the command line: the verdicts and trace
 * as Markdown or HTML, the events as a contentctl `tests:` entry or an attack_data `data.yml`, and
 * the "Open in Splunk" link. Generators: lib/export (the same as the page's).
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "../args";
import { chooseOne, contentDir, openContent } from "../content";
import { readParsedEvents } from "../input";
import { readInput, type CliIO } from "../io";
import { compiledSplFor, matcherFor } from "../../lib/engine/index";
import { toEventInput } from "../../lib/events/index";
import { buildReport } from "../../lib/export/report";
import { reportMarkdown } from "../../lib/export/markdown";
import { reportHtml } from "../../lib/export/html";
import { dataYaml, testsEntryYaml } from "../../lib/export/contentctl";
import { checkSplunkUrl, splunkSearchUrl, timeRange, TIME_RANGES } from "../../lib/export/splunk-url";
import { publicBaseUrl } from "../../lib/api/public-url";
import { withUserLookups, LOOKUP_HELP } from "../lookups";
import { CONTENT_HELP, EXIT, EXIT_CODES_HELP, fail, usage, type Command } from "./command";

const FORMATS = ["md", "html", "contentctl", "data-yml", "splunk"] as const;
type Format = (typeof FORMATS)[number];

const HELP = `Usage: cli export [--content DIR] [--lookup NAME=FILE]... --analytic ID --format FORMAT [options] [FILE|-]

Formats:
  md          the verdict of each input event and its trace (every clause pass / fail, wanted /
              saw) as Markdown, for a ticket; the analytic links to PUBLIC_URL's page when set
  html        the same as an HTML fragment (everything escaped), for a slide or a rich-text ticket
  contentctl  the events as a \`tests:\` entry for the detection YAML (attack_data: data, source,
              sourcetype from the data source each event was recognised as)
  data-yml    the attack_data data.yml describing the event file(s)
  splunk      the "Open in Splunk" link: <SPLUNK_URL>/en-US/app/search/search?q=…&earliest=…&latest=…
              (reads no events)

Events (FILE or standard input) are read as \`cli match\` reads them.

Options:
${CONTENT_HELP}
${LOOKUP_HELP}
  --analytic ID       the analytic id or file name without .yml (required, once)
  --format FORMAT     ${FORMATS.join(" | ")} (required)
  --author NAME       data-yml: the author (default "<author>")
  --splunk-url URL    splunk: your Splunk Web (default: $SPLUNK_URL); http or https, no credentials
  --expanded          splunk: the search with its macros expanded (default: as written)
  --range R           splunk: ${TIME_RANGES.map((r) => r.id).join(" | ")} (default 24h)
  -h, --help          this help

${EXIT_CODES_HELP}`;

async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(
    argv,
    {
      content: { type: "string" }, lookup: { type: "string", multiple: true }, analytic: { type: "string" }, format: { type: "string" },
      author: { type: "string" }, "splunk-url": { type: "string" }, expanded: { type: "boolean" }, range: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    1,
  );
  if (!args.ok) return usage(io, "export", args.error);
  if (args.flags.help) {
    io.out(HELP + "\n");
    return EXIT.ok;
  }
  const id = args.strings.analytic?.[0];
  if (id === undefined) return usage(io, "export", "--analytic ID is required");
  const format = args.strings.format?.[0] as Format | undefined;
  if (!format || !FORMATS.includes(format)) return usage(io, "export", `--format is one of ${FORMATS.join(", ")}`);
  const range = args.strings.range?.[0];
  if (range !== undefined && !TIME_RANGES.some((r) => r.id === range)) return usage(io, "export", `--range is one of ${TIME_RANGES.map((r) => r.id).join(", ")}`);
  const content = await openContent(contentDir(args.strings.content?.[0], io.env));
  if (!content.ok) return fail(io, "export", content.error, EXIT.usage);
  const chosen = chooseOne(content.catalog, id);
  if (!chosen.ok) return fail(io, "export", chosen.error, EXIT.usage);
  const analytic = chosen.analytic;

  if (format === "splunk") {
    const base = args.strings["splunk-url"]?.[0] ?? io.env.SPLUNK_URL;
    if (!base) return usage(io, "export", "--format splunk needs --splunk-url URL or SPLUNK_URL");
    const checked = checkSplunkUrl(base);
    if (!checked.ok) return usage(io, "export", `the Splunk URL is refused: ${checked.reason}`);
    const compiled = compiledSplFor(content.catalog, analytic);
    const search = args.flags.expanded && compiled ? compiled.expanded : analytic.search;
    io.out(`${splunkSearchUrl(checked.url, search, timeRange(range))}\n`);
    return EXIT.ok;
  }

  const input = await readInput(io, args.positionals[0]);
  if (!input.ok) return fail(io, "export", input.error, EXIT.usage);
  const source = await withUserLookups(content.catalog, args.strings.lookup ?? [], io);
  if (!source.ok) return fail(io, "export", source.error, EXIT.usage);
  const read = readParsedEvents(input.text, content.catalog.dataSources);
  for (const p of read.problems) io.err(`cli export: line ${p.line}${p.column ? `:${p.column}` : ""}: ${p.message} (left out)\n`);
  if (read.events.length === 0) return fail(io, "export", "no event in the input", EXIT.usage);
  const matcher = matcherFor(source.content, analytic);
  const items = read.events.map((event) => ({ index: event.index, event, explanation: matcher.explain(toEventInput(event)) }));

  if (format === "md" || format === "html") {
    const base = publicBaseUrl(io.env.PUBLIC_URL);
    const report = buildReport({ analytic: { id: analytic.id, name: analytic.name, ...(base ? { url: `${base}/analytics/${encodeURIComponent(analytic.slug)}` } : {}) }, items });
    io.out(format === "md" ? reportMarkdown(report) : reportHtml(report));
    return EXIT.ok;
  }
  const exportInput = {
    analytic: { id: analytic.id, name: analytic.name, slug: analytic.slug, techniques: analytic.attack.map((t) => t.id) },
    events: items.map((i) => ({ text: i.event.text, source: i.event.source, sourcetype: i.event.sourcetype, dataSource: i.event.dataSource, verdict: i.explanation.verdict })),
    author: args.strings.author?.[0] ?? "<author>",
    date: new Date().toISOString().slice(0, 10),
    datasetId: randomUUID(),
  };
  io.out(format === "contentctl" ? testsEntryYaml(exportInput) : dataYaml(exportInput));
  return EXIT.ok;
}

export const exportCommand: Command = { name: "export", summary: "verdict and trace as Markdown / HTML, contentctl test data, or the Open in Splunk link", help: HELP, run };
