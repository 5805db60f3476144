/** `/test?story=<slug>`: the link a story, technique or data-source page gives (lib/catalog test-scope.ts reads it). Browser-light. */
export function testScopeHref(param: "data_source" | "story" | "technique" | "tactic", value: string): string {
  return `/test?${new URLSearchParams({ [param]: value }).toString()}`;
}
