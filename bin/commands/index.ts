/**
 * The command registry: name → command, in the order `--help` lists them.
 */
import type { Command } from "./command";
import { coverageCommand } from "./coverage";
import { evadeCommand } from "./evade";
import { eventsCommand } from "./events";
import { explainCommand } from "./explain";
import { exportCommand } from "./export";
import { matchCommand } from "./match";
import { runCommand } from "./run";
import { testCommand } from "./test";

export const COMMANDS: readonly Command[] = [matchCommand, runCommand, explainCommand, eventsCommand, coverageCommand, testCommand, evadeCommand, exportCommand];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}

export { EXIT, EXIT_CODES_HELP, type Command } from "./command";
