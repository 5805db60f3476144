/**
 * The CLI without the process: `main(argv, io)` dispatches to a command and resolves to the exit
 * code. Unexpected exceptions become one line on stderr and exit 1 (set CLI_DEBUG=1 for the stack).
 */
import { COMMANDS, EXIT, EXIT_CODES_HELP, findCommand } from "./commands/index";
import type { CliIO } from "./io";

export const GENERAL_HELP = `Detection Console CLI: run Splunk ESCU analytics' own SPL on events.

Usage: npm run --silent cli -- <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join("\n")}

\`cli <command> --help\` (or \`cli help <command>\`) describes each command.

${EXIT_CODES_HELP}`;

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(GENERAL_HELP + "\n");
    return EXIT.usage;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    const target = rest[0] === undefined ? undefined : findCommand(rest[0]);
    if (rest[0] !== undefined && !target) {
      io.err(`cli: unknown command "${rest[0]}" (commands: ${COMMANDS.map((c) => c.name).join(", ")})\n`);
      return EXIT.usage;
    }
    io.out((target ? target.help : GENERAL_HELP) + "\n");
    return EXIT.ok;
  }
  const command = findCommand(name);
  if (!command) {
    io.err(`cli: unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(", ")}; see \`cli --help\`)\n`);
    return EXIT.usage;
  }
  try {
    return await command.run([...rest], io);
  } catch (e) {
    const detail = io.env.CLI_DEBUG && e instanceof Error && e.stack ? e.stack : e instanceof Error ? e.message : String(e);
    io.err(`cli ${name}: internal error: ${detail.split("\n").join(io.env.CLI_DEBUG ? "\n" : " ")}\n`);
    return EXIT.internal;
  }
}
