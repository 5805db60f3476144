/**
 * Everything the analytic page shows beyond the raw Analytic, computed once on the server:
 * ATT&CK rows with tactic names, the SPL split into highlighted lines with macro expansions,
 * the two required-field lists, story links. Plain data (safe to hand to client components).
 */
import type { Analytic, MacroDefinition, Story } from "../content/types";
import type { MacroUse, Support, Span } from "../spl/api";
import { compileSearch } from "../spl";
import { lex } from "../spl/lex";
import { compareRequiredFields, type RequiredFieldsComparison } from "./fields";
import { splLines, type SplLine } from "./spl-display";
import { storyLinks, type StoryLink } from "./stories";

export interface AttackRow {
  id: string;
  url: string;
  name?: string;
  tactics: string[];
  status: Analytic["attack"][number]["status"];
  resolvedId?: string;
  resolvedUrl?: string;
}

export interface SplView {
  lines: SplLine[];
  macros: MacroUse[];
  support: Support;
  parseError?: { message: string; span: Span };
  fieldsRead: string[];
  datamodels: string[];
}

export interface AnalyticView {
  attack: AttackRow[];
  spl: SplView;
  requiredFields: RequiredFieldsComparison;
  stories: StoryLink[];
}

export interface AnalyticViewDeps {
  macros: MacroDefinition[];
  stories: Story[];
  /** Tactic shortnames → display names in matrix order (lib/attack's tacticNames). */
  tacticNames: (shortnames: readonly string[]) => string[];
  /** Technique id → its attack.mitre.org page (lib/attack's techniqueUrl). */
  techniqueUrl: (id: string) => string;
}

export function buildAnalyticView(analytic: Analytic, deps: AnalyticViewDeps): AnalyticView {
  const compiled = compileSearch(analytic.search, { macros: deps.macros });
  const macros: MacroUse[] = compiled.macros.map((m) => ({
    name: m.name,
    args: [...m.args],
    span: { ...m.span },
    definition: m.definition,
    origin: m.origin,
    expansion: m.expansion,
  }));
  return {
    attack: analytic.attack.map((a) => ({
      id: a.id,
      url: deps.techniqueUrl(a.id),
      ...(a.name ? { name: a.name } : {}),
      tactics: deps.tacticNames(a.tactics),
      status: a.status,
      ...(a.resolvedId ? { resolvedId: a.resolvedId, resolvedUrl: deps.techniqueUrl(a.resolvedId) } : {}),
    })),
    spl: {
      lines: splLines(lex(analytic.search), macros),
      macros,
      support: compiled.support,
      ...(compiled.parseError ? { parseError: compiled.parseError } : {}),
      fieldsRead: compiled.fieldsRead,
      datamodels: compiled.datamodels,
    },
    requiredFields: compareRequiredFields(analytic.requiredFieldsDeclared, compiled.fieldsRead),
    stories: storyLinks(analytic.analyticStories, deps.stories),
  };
}
