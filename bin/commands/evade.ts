/**
 * `evade`: the evasion lab on a terminal. Variants of an event that fires (FILE or standard input
 * when given, else the analytic's samples), each with its verdict and the clause that stops it.
 */
import path from "node:path";
import { parseArgs } from "../args";
import { chooseOne, contentDir, openContent } from "../content";
import { readInput, type CliIO } from "../io";
import { chooseStyle, type Style } from "../style";
import { matcherFor } from "../../lib/engine/index";
import { loadSamples } from "../../lib/content/samples";
import { runEvasion, type Candidate, type EvasionReport, type VariantResult } from "../../lib/evasion/run";
import { CONTENT_HELP, EXIT, EXIT_CODES_HELP, fail, usage, type Command } from "./command";

const HELP = `Usage: cli evade [--content DIR] --analytic ID [--json] [--color|--no-color] [FILE|-]

The evasion lab: takes an event that fires the analytic, makes the variants attackers use (letter
case, cmd.exe carets and empty quotes, / and - switches, extra blanks, environment variables,
path forms, renamed and look-alike binaries, quoting, Unicode dashes, argument order, other names
for \\\\127.0.0.1), reads each back as the tester reads a paste and runs the analytic on it: which
still fire, which evade, and the first clause that stops each.

It starts from the first event that fires in FILE (or standard input, with -), else in the
analytic's samples (samples.yml). The table has one row per variant: generator, verdict,
stopping clause, the variant's command line.

Options:
${CONTENT_HELP}
  --analytic ID     the analytic id or file name without .yml (required, once)
  --json            print the report as JSON (variants with their input text, verdict, reason, stoppedBy)
  --color, --no-color   force colours on or off
  -h, --help        this help

${EXIT_CODES_HELP}
  (evade exits 0 when nothing fires to start from; it says so on standard output.)`;

/** The repository root: the built-in samples.yml lives under it. */
const ROOT = path.resolve(import.meta.dirname, "../..");

const VERDICT = { match: "fires", no_match: "evades", not_testable: "not testable" } as const;

function paint(v: VariantResult, style: Style): string {
  const word = VERDICT[v.verdict].padEnd(12);
  return v.verdict === "match" ? style.red(word) : v.verdict === "no_match" ? style.green(word) : style.yellow(word);
}

/** The report as a table: generator, verdict, stopping clause, variant (last: it may be long). */
export function renderReport(r: EvasionReport, style: Style): string {
  if (!r.ok) return [`${r.why}.`, ...r.tried.map((t) => `  ${t.label}: ${t.outcome}`)].join("\n") + "\n";
  const width = Math.max(9, ...r.variants.map((v) => v.generator.length));
  const stop = (v: VariantResult) => v.stoppedBy ?? (v.verdict === "not_testable" ? (v.reason ?? "") : "");
  const stopWidth = Math.min(60, Math.max(15, ...r.variants.map((v) => stop(v).length)));
  const lines = [
    `Starting from: ${r.seed.label}`,
    style.bold(`${"generator".padEnd(width)}  ${"verdict".padEnd(12)}  ${"stopping clause".padEnd(stopWidth)}  variant`),
    ...r.variants.map((v) => `${v.generator.padEnd(width)}  ${paint(v, style)}  ${stop(v).padEnd(stopWidth)}  ${v.process.replace(/\t/g, "\\t")}`),
  ];
  const evade = r.variants.filter((v) => v.verdict === "no_match").length;
  lines.push("", `${r.variants.length} rows (the original first): ${r.variants.length - evade} fire, ${evade} evade.`);
  for (const s of r.skipped) lines.push(style.dim(`skipped (${s.generator}): ${s.why}`));
  return lines.join("\n") + "\n";
}

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
  if (!args.ok) return usage(io, "evade", args.error);
  if (args.flags.help) {
    io.out(HELP + "\n");
    return EXIT.ok;
  }
  const id = args.strings.analytic?.[0];
  if (id === undefined) return usage(io, "evade", "--analytic ID is required");
  if (args.flags.color && args.flags["no-color"]) return usage(io, "evade", "--color and --no-color contradict each other");
  const dir = contentDir(args.strings.content?.[0], io.env);
  const content = await openContent(dir);
  if (!content.ok) return fail(io, "evade", content.error, EXIT.usage);
  const chosen = chooseOne(content.catalog, id);
  if (!chosen.ok) return fail(io, "evade", chosen.error, EXIT.usage);
  const target = chosen.analytic;

  const candidates: Candidate[] = [];
  if (args.positionals[0] !== undefined) {
    const input = await readInput(io, args.positionals[0]);
    if (!input.ok) return fail(io, "evade", input.error, EXIT.usage);
    candidates.push({ label: args.positionals[0] === "-" ? "standard input" : args.positionals[0], input: input.text });
  }
  const samples = await loadSamples(ROOT, dir);
  for (const s of samples.byAnalytic[target.id.toLowerCase()] ?? []) if (s.expect === "match") candidates.push({ label: `sample "${s.label}"`, input: s.input });

  const report = runEvasion(matcherFor(content.catalog, target), candidates, { dataSources: content.catalog.dataSources });
  if (args.flags.json) {
    io.out(JSON.stringify({ analytic: { id: target.id, name: target.name }, ...report }, null, 2) + "\n");
    return EXIT.ok;
  }
  const force = args.flags.color ? "always" : args.flags["no-color"] ? "never" : undefined;
  io.out(`${target.name} (${target.id})\n` + renderReport(report, chooseStyle(io.stdoutIsTTY, io.env, force)));
  return EXIT.ok;
}

export const evadeCommand: Command = { name: "evade", summary: "variants attackers use of an event that fires, and which evade", help: HELP, run };
