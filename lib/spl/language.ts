/**
 * SPL as a rule language of the detection seam: compiles a search against a content version's
 * macros (indexed once per version), and builds the fast SearchSet for a set of SPL matchers.
 */
import type { ContentContext, Matcher, MatcherSet, RuleLanguage } from "../detection/matcher";
import type { CompiledSearch } from "./api";
import { compileGate, compileSearch, isCompiledSearch, planOf, PlannedSearch, searchSet, type SearchPlan } from "./index";
import { indexMacros } from "./macros";

const macroIndexes = new Map<string, ReturnType<typeof indexMacros>>();

function macrosOf(content: ContentContext): ReturnType<typeof indexMacros> {
  let m = macroIndexes.get(content.version);
  if (!m) {
    m = indexMacros(content.macros);
    if (macroIndexes.size >= 4) macroIndexes.clear();
    macroIndexes.set(content.version, m);
  }
  return m;
}

const optionsOf = (content: ContentContext) => ({ macros: macrosOf(content), ...(content.lookups ? { lookups: content.lookups } : {}) });

export const splLanguage: RuleLanguage = {
  id: "spl",
  label: "Splunk SPL",
  compile: (text: string, content: ContentContext): CompiledSearch => compileSearch(text, optionsOf(content)),
  set(matchers: readonly Matcher[]): MatcherSet | null {
    if (!matchers.every(isCompiledSearch)) return null;
    return searchSet(matchers as readonly CompiledSearch[]);
  },
  plan: (m: Matcher): SearchPlan | null => (isCompiledSearch(m) ? planOf(m) : null),
  restore: (text: string, plan: unknown, content: ContentContext): Matcher =>
    new PlannedSearch(text, plan as SearchPlan, {
      compile: () => compileSearch(text, optionsOf(content)),
      gate: (suffix) => compileGate(text, optionsOf(content), suffix),
    }),
};
