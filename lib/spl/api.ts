/**
 * The SPL engine's public contract beyond the detection seam's neutral types (lib/detection):
 * a compiled search is a Matcher with its SPL text, macro expansion and macro uses. The page
 * (Web Worker), the HTTP API and the CLI reach it through lib/engine. Pure TypeScript: no DOM,
 * no Node built-ins. Nothing here throws: every failure is a value.
 */
import type { Matcher } from "../detection/matcher";
import type { LookupSource } from "../detection/lookups";
import type { Span } from "../detection/types";

/** An SPL macro definition, as the engine takes it (lib/content's MacroDefinition satisfies it). */
export interface SplMacro {
  name: string;
  /** Argument names, in order; empty for a plain macro. */
  args: readonly string[];
  definition: string;
}

export interface MacroUse {
  name: string;
  args: string[];
  /** The invocation in the original search. */
  span: Span;
  /** Definition text used (built-in defaults included), and where it came from. */
  definition: string;
  origin: "content" | "builtin-cim" | "builtin-filter";
  /** The text the invocation expanded to (after argument substitution and nested expansion). */
  expansion: string;
}

export interface CompiledSearch extends Matcher {
  /** The original search. */
  readonly search: string;
  /** After macro expansion (comments stripped). */
  readonly expanded: string;
  /** Data model datasets the search names, as written after expansion (e.g. `Endpoint.Processes`). */
  readonly datamodels: string[];
  readonly macros: MacroUse[];
}

export interface CompileOptions {
  macros: readonly SplMacro[];
  /** Lookup definitions and tables by the name a search uses (lib/detection/lookups.ts). */
  lookups?: ReadonlyMap<string, LookupSource>;
}
