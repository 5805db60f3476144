/**
 * The one compile cache: a Matcher per (content version, analytic), compiled by the analytic's
 * rule language on first use. Every surface (browser worker, API worker, CLI, stored test cases,
 * analytic page) asks through it, so an analytic is compiled once per content version per thread.
 */
import type { ContentContext, Matcher, MatcherSet, RuleLanguage } from "./matcher";
import { notTestable } from "./not-testable";
import { LoopSet } from "./set";

/** What the cache needs of an analytic: its id, its rule text and the language it is written in. */
export interface RuleSource {
  id: string;
  search: string;
  /** The rule language's id; SPL when absent. */
  language?: string;
}

interface VersionEntry {
  matchers: Map<string, { text: string; language: string; matcher: Matcher }>;
  sets: Map<string, { rules: readonly RuleSource[]; set: MatcherSet }>;
  /** The same sets by the list asked with (a catalog's analytics array asked per request). */
  byList: WeakMap<readonly RuleSource[], { rules: readonly RuleSource[]; set: MatcherSet }>;
}

export class MatcherCache {
  private readonly versions = new Map<string, VersionEntry>();

  constructor(
    private readonly languages: Readonly<Record<string, RuleLanguage>>,
    /** How many content versions to keep (a reloaded catalog starts afresh; the oldest is dropped). */
    private readonly keep = 3,
  ) {}

  private entry(version: string): VersionEntry {
    let e = this.versions.get(version);
    if (e) {
      // Most recently used last.
      this.versions.delete(version);
      this.versions.set(version, e);
      return e;
    }
    e = { matchers: new Map(), sets: new Map(), byList: new WeakMap() };
    this.versions.set(version, e);
    while (this.versions.size > this.keep) this.versions.delete(this.versions.keys().next().value!);
    return e;
  }

  /** The analytic's matcher for this content version, compiled on first use. Never throws. */
  matcher(content: ContentContext, rule: RuleSource): Matcher {
    const e = this.entry(content.version);
    const language = rule.language ?? "spl";
    const hit = e.matchers.get(rule.id);
    if (hit && hit.text === rule.search && hit.language === language) return hit.matcher;
    const matcher = this.compile(content, rule.search, language);
    e.matchers.set(rule.id, { text: rule.search, language, matcher });
    return matcher;
  }

  /**
   * Place a matcher restored from its plan (a precompiled catalog): it answers like the compiled
   * one and compiles only when an event needs it. Ignored when the language has no plans.
   */
  seed(content: ContentContext, rule: RuleSource, plan: unknown): void {
    const language = rule.language ?? "spl";
    const lang = this.languages[language];
    if (!lang?.restore || plan === null || plan === undefined) return;
    const e = this.entry(content.version);
    if (e.matchers.has(rule.id)) return;
    try {
      e.matchers.set(rule.id, { text: rule.search, language, matcher: lang.restore(rule.search, plan, content) });
    } catch {
      /* a bad plan: the rule compiles on first use instead */
    }
  }

  /** The analytic's plan for a precompiled catalog (null when its language has none). */
  plan(content: ContentContext, rule: RuleSource): unknown {
    const lang = this.languages[rule.language ?? "spl"];
    return lang?.plan ? lang.plan(this.matcher(content, rule)) : null;
  }

  private compile(content: ContentContext, text: string, language: string): Matcher {
    const lang = this.languages[language];
    if (!lang) return notTestable(language, "unsupported_language", `rules in ${language} are not supported by the console`);
    try {
      return lang.compile(text, content);
    } catch (e) {
      return notTestable(language, "internal_error", `internal error while compiling: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * One set over these analytics (in this order) for this content version: cached by the list's
   * ids, so asking again with the same analytics reuses the set and its indexes.
   */
  set(content: ContentContext, rules: readonly RuleSource[]): MatcherSet {
    const e = this.entry(content.version);
    const same = (hit: { rules: readonly RuleSource[] } | undefined) =>
      hit !== undefined && hit.rules.length === rules.length && hit.rules.every((r, i) => r === rules[i] || (r.id === rules[i]!.id && r.search === rules[i]!.search));
    // The same list object again (rule objects unchanged): no key to build, no texts to compare.
    const listed = e.byList.get(rules);
    if (listed && listed.rules.every((r, i) => r === rules[i])) return listed.set;
    const key = rules.map((r) => r.id).join("\n");
    let hit = e.sets.get(key);
    if (!same(hit)) {
      const matchers = rules.map((r) => this.matcher(content, r));
      hit = { rules: [...rules], set: this.buildSet(matchers, rules) };
      if (e.sets.size >= 16) e.sets.clear();
      e.sets.set(key, hit);
    }
    e.byList.set(rules, hit!);
    return hit!.set;
  }

  private buildSet(matchers: Matcher[], rules: readonly RuleSource[]): MatcherSet {
    const languages = new Set(rules.map((r) => r.language ?? "spl"));
    if (languages.size === 1) {
      const lang = this.languages[[...languages][0]!];
      const fast = lang?.set?.(matchers);
      if (fast) return fast;
    }
    return new LoopSet(matchers);
  }
}
