/**
 * Everything the analytic page shows beyond the raw Analytic, computed once on the server:
 * ATT&CK rows with tactic names, the SPL split into highlighted lines with macro expansions,
 * the two required-field lists, story links. Plain data (safe to hand to client components).
 */
import type { Analytic, Story } from "../content/types";
import type { MacroUse } from "../spl/api";
import type { Support, Span } from "../detection/types";
import { compiledSplFor, type ContentSource } from "../engine/index";
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
  /** The search with every macro expanded (the engine's expansion; comments removed), for "Open in Splunk". */
  expanded: string;
  support: Support;
  parseError?: { message: string; span: Span; line: number; column: number };
  fieldsRead: string[];
  datamodels: string[];
}

export interface AnalyticView {
  attack: AttackRow[];
  spl: SplView;
  requiredFields: RequiredFieldsComparison;
  stories: StoryLink[];
  /** The analytic's data sources, each with its page's slug when the content has it. */
  dataSources: { name: string; slug?: string }[];
}

export interface AnalyticViewDeps {
  /** The catalog the analytic belongs to (its matchers come from the engine's one cache). */
  content: ContentSource;
  stories: Story[];
  /** Tactic shortnames → display names in matrix order (lib/attack's tacticNames). */
  tacticNames: (shortnames: readonly string[]) => string[];
  /** Technique id → its attack.mitre.org page (lib/attack's techniqueUrl). */
  techniqueUrl: (id: string) => string;
  /** A data source's name → its page slug (lib/catalog dataSourceSlugOf), when the content has it. */
  dataSourceSlug?: (name: string) => string | undefined;
}

export function buildAnalyticView(analytic: Analytic, deps: AnalyticViewDeps): AnalyticView {
  const compiled = compiledSplFor(deps.content, analytic);
  if (!compiled) throw new Error(`analytic ${analytic.id} is not an SPL search`);
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
      expanded: compiled.expanded,
      support: compiled.support,
      ...(compiled.parseError ? { parseError: compiled.parseError } : {}),
      fieldsRead: [...compiled.fieldsRead],
      datamodels: compiled.datamodels,
    },
    requiredFields: compareRequiredFields(analytic.requiredFieldsDeclared, compiled.fieldsRead),
    stories: storyLinks(analytic.analyticStories, deps.stories),
    dataSources: analytic.dataSources.map((name) => {
      const slug = deps.dataSourceSlug?.(name);
      return slug ? { name, slug } : { name };
    }),
  };
}
