/**
 * A small, strict command-line parser: `--name value`, `--name=value`, boolean flags, repeatable
 * options, `-` as a positional (standard input), `--` ends the options. Errors are values.
 */

export interface OptionSpec {
  /** `string` takes a value; `boolean` does not. */
  type: "string" | "boolean";
  /** May be given several times (values collected in order). */
  multiple?: boolean;
  /** One-letter alias, e.g. `h` for `--help`. */
  short?: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface ParsedArgs {
  strings: Record<string, string[]>;
  flags: Record<string, boolean>;
  positionals: string[];
}

export type ArgsResult = ({ ok: true } & ParsedArgs) | { ok: false; error: string };

/** Parses `argv` (the words after the command name) against `specs`. */
export function parseArgs(argv: readonly string[], specs: OptionSpecs, maxPositionals: number): ArgsResult {
  const strings: Record<string, string[]> = {};
  const flags: Record<string, boolean> = {};
  const positionals: string[] = [];
  const byShort = new Map(Object.entries(specs).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])));
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? "";
    if (onlyPositionals || word === "-" || !word.startsWith("-")) {
      positionals.push(word);
      continue;
    }
    if (word === "--") {
      onlyPositionals = true;
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (word.startsWith("--")) {
      const eq = word.indexOf("=");
      name = eq < 0 ? word.slice(2) : word.slice(2, eq);
      inline = eq < 0 ? undefined : word.slice(eq + 1);
    } else {
      const long = word.length === 2 ? byShort.get(word.slice(1)) : undefined;
      if (!long) return { ok: false, error: `unknown option ${word}` };
      name = long;
    }
    const spec = specs[name];
    if (!spec) return { ok: false, error: `unknown option --${name}` };
    if (spec.type === "boolean") {
      if (inline !== undefined) return { ok: false, error: `--${name} takes no value` };
      flags[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith("-") && next !== "-")) return { ok: false, error: `--${name} needs a value` };
      value = next;
      i++;
    }
    if (value === "") return { ok: false, error: `--${name} needs a non-empty value` };
    const list = (strings[name] ??= []);
    if (list.length > 0 && !spec.multiple) return { ok: false, error: `--${name} may be given only once` };
    list.push(value);
  }
  if (positionals.length > maxPositionals) {
    const extra = positionals[maxPositionals] ?? "";
    return { ok: false, error: maxPositionals === 0 ? `unexpected argument "${extra}"` : `unexpected extra argument "${extra}" (at most ${maxPositionals} input file)` };
  }
  return { ok: true, strings, flags, positionals };
}

/** The single value of a string option, if given. */
export function one(args: ParsedArgs, name: string): string | undefined {
  return args.strings[name]?.[0];
}
