/**
 * The /stories table's rows. Every story is listed (the page renders all of them), so a row is
 * kept small: the description is cut to what its two clamped lines show (`preview`), and the
 * filter reads the full texts, which the page fetches when someone first types in it.
 */
export interface StoryRow {
  slug: string;
  name: string;
  category: string[];
  analytics: number;
  date?: string;
  /** The description's start (at most PREVIEW_CHARS, cut at a word, "…" when cut). */
  preview: string;
}

/** A row as the page sends it: [slug, name, categories, analytics, date or "", preview] (no key names). */
export type StoryTuple = [string, string, string[], number, string, string];

export const toStoryTuple = (r: StoryRow): StoryTuple => [r.slug, r.name, r.category, r.analytics, r.date ?? "", r.preview];

export function fromStoryTuple([slug, name, category, analytics, date, preview]: StoryTuple): StoryRow {
  return { slug, name, category, analytics, ...(date ? { date } : {}), preview };
}

/** About a line and a half of the table's clamped description at its widest (the full text is on the story page). */
export const PREVIEW_CHARS = 100;

export function preview(text: string, max = PREVIEW_CHARS): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

/**
 * Rows whose name, category or description contain `needle` (lower case); a row's description is
 * its full text when `texts` has it, else its preview.
 */
export function filterStories(rows: readonly StoryRow[], needle: string, texts?: Readonly<Record<string, string>>): StoryRow[] {
  if (!needle) return [...rows];
  return rows.filter((r) => `${r.name}\n${texts?.[r.slug] ?? r.preview}\n${r.category.join(" ")}`.toLowerCase().includes(needle));
}
