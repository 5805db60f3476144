/**
 * The generator table: one line per technique, in the order the lab lists them. Adding one is a
 * file in generators/ and a line here.
 */
import { caseGenerator } from "./generators/case";
import { caretGenerator, emptyQuotesGenerator } from "./generators/cmd-escapes";
import { envGenerator } from "./generators/env";
import { pathsGenerator } from "./generators/paths";
import { quotesGenerator } from "./generators/quotes";
import { renamedGenerator } from "./generators/renamed";
import { reorderGenerator } from "./generators/reorder";
import { spacesGenerator } from "./generators/spaces";
import { switchGenerator } from "./generators/switches";
import { uncGenerator } from "./generators/unc";
import { dashGenerator, lookalikeGenerator } from "./generators/unicode";
import type { Generator, Subject, Variant } from "./types";

export const GENERATORS: readonly Generator[] = [
  caseGenerator,
  caretGenerator,
  emptyQuotesGenerator,
  switchGenerator,
  spacesGenerator,
  envGenerator,
  pathsGenerator,
  renamedGenerator,
  quotesGenerator,
  dashGenerator,
  lookalikeGenerator,
  reorderGenerator,
  uncGenerator,
];

export interface GeneratedVariant extends Variant {
  generator: string;
  description: string;
}

/** Every generator's variants of `s`, each command line once, none equal to the original. */
export function generateVariants(s: Subject, generators: readonly Generator[] = GENERATORS): GeneratedVariant[] {
  const keyOf = (v: Variant) => `${v.process}\u0000${v.program ?? ""}`;
  const seen = new Set([keyOf({ process: s.process })]);
  const out: GeneratedVariant[] = [];
  for (const g of generators) {
    for (const v of g.variants(s)) {
      if (v.process.trim() === "" || /[\r\n]/.test(v.process)) continue;
      const key = keyOf(v);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...v, generator: g.name, description: g.description });
    }
  }
  return out;
}

export type { Generator, Subject, Variant } from "./types";
