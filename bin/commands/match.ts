/**
 * `match`: every input line (one event) against each chosen analytic, on its own.
 * Output: JSON Lines, line-major then catalog order.
 */
import { parseArgs } from "../args";
import { chooseAnalytics, contentDir, openContent } from "../content";
import { readJsonLines } from "../input";
import { readInput, type CliIO } from "../io";
import type { EventVerdict } from "../../lib/spl/api";
import { pairVerdicts } from "../../lib/verdicts/index";
import { CONTENT_HELP, EXIT, EXIT_CODES_HELP, fail, usage, type Command } from "./command";

const HELP = `Usage: cli match [--content DIR] [--analytic ID]... [FILE|-]

Evaluates each input line, as one event on its own, against analytics' own SPL.

Input (FILE, or standard input for - or no FILE): JSON Lines. Each line is either
  - a JSON object of CIM Endpoint.Processes fields, plain or Processes.-prefixed
    ({"process_name":"cmd.exe","process":"cmd.exe /Q /c …"}), or a Sysmon Event ID 1 /
    Security 4688 event in JSON with the event's own field names (Image, CommandLine, …), or
  - a JSON string holding a raw command line ("C:\\\\Windows\\\\system32\\\\cmd.exe /Q /c …").
Blank lines are skipped (line numbers still count them).

Output: JSON Lines, one object per (input line, analytic), in input order, then in the
content's analytic order:
  {"line": N, "analytic": "<id>", "name": "<name>", "verdict": "match" | "no_match" | "not_testable",
   "reason": "…" (only for not_testable)}
A malformed input line gives ONE object instead, and a message on standard error; the other
lines are still evaluated:
  {"line": N, "error": "<what is wrong>"}

Options:
${CONTENT_HELP}
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
  const args = parseArgs(argv, { content: { type: "string" }, analytic: { type: "string", multiple: true }, help: { type: "boolean", short: "h" } }, 1);
  if (!args.ok) return usage(io, "match", args.error);
  if (args.flags.help) {
    io.out(HELP + "\n");
    return EXIT.ok;
  }
  const input = await readInput(io, args.positionals[0]);
  if (!input.ok) return fail(io, "match", input.error, EXIT.usage);
  const content = await openContent(contentDir(args.strings.content?.[0], io.env));
  if (!content.ok) return fail(io, "match", content.error, EXIT.usage);
  const chosen = chooseAnalytics(content.catalog, args.strings.analytic ?? []);
  if (!chosen.ok) return fail(io, "match", chosen.error, EXIT.usage);

  const { catalog } = content;
  const analytics = chosen.analytics;
  const ask = pairVerdicts(catalog, analytics, false);
  for (const item of readJsonLines(input.text)) {
    if ("error" in item) {
      io.out(JSON.stringify({ line: item.line, error: item.error }) + "\n");
      io.err(`cli match: line ${item.line}: ${item.error}\n`);
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
  }
  return EXIT.ok;
}

export const matchCommand: Command = { name: "match", summary: "evaluate each JSON Lines event against analytics (JSON Lines verdicts)", help: HELP, run };
