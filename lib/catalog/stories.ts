/**
 * Analytic story names (as cited in `tags.analytic_story`) → the story page slug.
 */
import type { Story } from "../content/types";

/** `Active Directory Lateral Movement` → `active_directory_lateral_movement` (security_content's file naming). */
export function slugifyStoryName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

export interface StoryLink {
  name: string;
  slug: string;
  /** False when no story file with that name was loaded (the link still points at the slug). */
  known: boolean;
}

/** Resolves names against the loaded stories by exact name, then case-insensitively, else slugifies. */
export function storyLinks(names: readonly string[], stories: readonly Story[]): StoryLink[] {
  const byName = new Map<string, Story>();
  for (const s of stories) {
    byName.set(s.name, s);
    if (!byName.has(s.name.toLowerCase())) byName.set(s.name.toLowerCase(), s);
  }
  return names.map((name) => {
    const story = byName.get(name) ?? byName.get(name.toLowerCase());
    return story ? { name, slug: story.slug, known: true } : { name, slug: slugifyStoryName(name), known: false };
  });
}
