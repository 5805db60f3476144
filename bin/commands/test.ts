/**
 * `test`: runs the stored test cases (`<content>/tests/**\/*.yml`, docs/test-cases.md) against the
 * content's analytics with the shared verdict module, prints one line per failure, then
 * `N passed, N failed`; exits 4 when any case fails.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "../args";
import { contentDir, openContent } from "../content";
import type { CliIO } from "../io";
import { formatSummary, parseTestFile, runTestFiles, type TestFile, type TestFileProblem } from "../../lib/testcases/index";
import { CONTENT_HELP, EXIT, fail, usage, type Command } from "./command";

/** Some case failed (or a test file is malformed). */
export const EXIT_TESTS_FAILED = 4;

const HELP = `Usage: cli test [--content DIR] [--tests DIR]

Runs the stored test cases against the content's analytics: every *.yml / *.yaml file under
DIR/tests (one file per analytic: \`analytic: <id or slug>\` and \`cases:\` with name, event,
expect; see docs/test-cases.md). Prints one line per failing case,
  content/tests/x.yml: case "name": expected match, got no_match (reason)
then "N passed, N failed".

Options:
${CONTENT_HELP}
  --tests DIR       where the test files are; default: DIR/tests
  -h, --help        this help

Exit codes:
  0  every case passed (also when there are no test files)
  1  internal error (a bug)
  2  bad arguments, unreadable content folder
  4  a case failed, or a test file is malformed`;

async function yamlFiles(dir: string): Promise<string[] | { error: string }> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOENT") return [];
    return { error: `cannot read ${dir}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { content: { type: "string" }, tests: { type: "string" }, help: { type: "boolean", short: "h" } }, 0);
  if (!args.ok) return usage(io, "test", args.error);
  if (args.flags.help) {
    io.out(HELP + "\n");
    return EXIT.ok;
  }
  const dir = contentDir(args.strings.content?.[0], io.env);
  const content = await openContent(dir);
  if (!content.ok) return fail(io, "test", content.error, EXIT.usage);
  const testsDir = args.strings.tests?.[0] ?? path.join(dir, "tests");
  const found = await yamlFiles(testsDir);
  if (!Array.isArray(found)) return fail(io, "test", found.error, EXIT.usage);

  const files: TestFile[] = [];
  const problems: TestFileProblem[] = [];
  for (const abs of found) {
    const rel = path.relative(process.cwd(), abs);
    const shown = rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : abs;
    let text: string;
    try {
      text = await readFile(abs, "utf8");
    } catch (e) {
      problems.push({ file: shown, line: 1, message: `cannot read: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    const parsed = parseTestFile(shown, text);
    if (parsed.ok) files.push(parsed.value);
    else problems.push(...parsed.problems);
  }
  if (found.length === 0) io.err(`cli test: no test files in ${testsDir}\n`);
  const summary = runTestFiles(content.catalog, files, problems);
  for (const line of formatSummary(summary)) io.out(line + "\n");
  return summary.failed > 0 ? EXIT_TESTS_FAILED : EXIT.ok;
}

export const testCommand: Command = { name: "test", summary: "run the stored test cases (DIR/tests/*.yml); non-zero exit on a failure", help: HELP, run };
