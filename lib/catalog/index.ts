/** The catalog module's public face: build the index, query it, and the URL state helpers. */
export * from "./types";
export * from "./query";
export { buildCatalogIndex, catalogIndexFor, toCatalogEntry, effectiveTechniqueId } from "./build";
export type { CatalogEntry, CatalogIndex } from "./build";
export { queryCatalog, FACET_LABELS } from "./facets";
export { searchTerms, matchesTerms } from "./text-search";
export { ROW_COMPARATORS, sortRows } from "./sort";
export { storyLinks, slugifyStoryName } from "./stories";
export type { StoryLink } from "./stories";
export { compareRequiredFields, withoutDatasetPrefix } from "./fields";
export type { RequiredFieldsComparison } from "./fields";
export { splLines, macroOriginLabel, isEmptyFilterMacro } from "./spl-display";
export type { SplLine, SplPiece, SplToken } from "./spl-display";
