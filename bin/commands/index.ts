/**
 * The command registry: name → command, in the order `--help` lists them.
 */
import type { Command } from "./command";
import { coverageCommand } from "./coverage";
import { explainCommand } from "./explain";
import { matchCommand } from "./match";
import { runCommand } from "./run";
import { testCommand } from "./test";

export const COMMANDS: readonly Command[] = [matchCommand, runCommand, explainCommand, coverageCommand, testCommand];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}

export { EXIT, EXIT_CODES_HELP, type Command } from "./command";
